import type { ReactNode } from 'react';
import { usePolicy } from '../hooks/usePolicy';

export interface PolicyGateProps {
  hostId: string;
  /** The contract method the content needs, e.g. exec.open for a terminal. */
  method: string;
  /** What is unavailable, e.g. "Terminal". */
  what: string;
  children: ReactNode;
}

/**
 * Renders its content only when the host's policy allows `method`; otherwise one sentence saying
 * what is unavailable and why, in place of a view whose every control would be refused.
 */
export function PolicyGate({ hostId, method, what, children }: PolicyGateProps) {
  const verdict = usePolicy(hostId).allowed(method);
  if (verdict.ok) return children;
  return (
    <div className="page-empty policy-gate" role="note">
      <p className="empty-title">{what} is unavailable</p>
      <p className="muted">{verdict.reason}.</p>
    </div>
  );
}
