import type { HostStatus } from '@shared/contract';
import { errorTitle } from '../../lib/errors';

/** Accessible text for a host status: "connected", "connecting", "error: <message>". */
export function statusLabel(status: HostStatus | undefined): string {
  if (!status) return 'connecting';
  if (status.state === 'error') {
    return status.error ? `error: ${status.error.message}` : 'error';
  }
  return status.state;
}

/** Short visible text: "Connected", "Connecting…", "Engine unreachable". */
export function statusText(status: HostStatus | undefined): string {
  if (!status || status.state === 'connecting') return 'Connecting…';
  if (status.state === 'connected') return 'Connected';
  return status.error ? errorTitle(status.error) : 'Error';
}

export interface StatusDotProps {
  status: HostStatus | undefined;
  /** Make the dot itself a tab stop (shows the reason on focus). */
  focusable?: boolean;
  className?: string;
}

/**
 * Green connected, amber connecting, red error. The reason is in the accessible name, the title
 * (hover) and a tooltip shown on keyboard focus of the dot or of its row.
 */
export function StatusDot({ status, focusable, className }: StatusDotProps) {
  const state = status?.state ?? 'connecting';
  const label = statusLabel(status);
  return (
    <span className={`status-dot-wrap${className ? ` ${className}` : ''}`}>
      <span
        className={`status-dot status-${state}`}
        role="img"
        aria-label={label}
        title={label}
        tabIndex={focusable ? 0 : undefined}
      />
      <span className="status-tip" aria-hidden="true">
        {label}
      </span>
    </span>
  );
}
