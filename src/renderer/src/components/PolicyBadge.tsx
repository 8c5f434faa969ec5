import type { HostView } from '@shared/contract';
import { POLICY_LABELS, POLICY_SUMMARIES } from '../lib/policy';

/**
 * A small badge in the host header naming a limited policy; its description (hover, or read by a
 * screen reader) says what the policy still allows. Nothing is shown for full access.
 */
export function PolicyBadge({ host }: { host: Pick<HostView, 'policy'> }) {
  if (host.policy === 'full') return null;
  return (
    <span
      className={`badge policy-badge policy-badge-${host.policy}`}
      role="note"
      aria-label={POLICY_LABELS[host.policy]}
      title={POLICY_SUMMARIES[host.policy]}
      tabIndex={0}
    >
      <svg
        viewBox="0 0 16 16"
        width="11"
        height="11"
        aria-hidden="true"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
      >
        <rect x="3.5" y="7" width="9" height="6.5" rx="1.2" />
        <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
      </svg>
      {POLICY_LABELS[host.policy]}
    </span>
  );
}
