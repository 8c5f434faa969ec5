import type { HostStatus, HostView } from '@shared/contract';
import { KindIcon } from '../../components/KindIcon';
import { StatusDot, statusLabel } from '../../components/ui/StatusDot';
import { TransportBadge } from '../../components/TransportBadge';
import { KIND_LABELS, KIND_LONG_LABELS } from '../../lib/endpoint';
import { HostMenu } from './HostMenu';
import type { Since } from '../../lib/host-groups';
import { HostUpdateCount } from '../../components/fleet/HostUpdateCount';
import { sinceSpan, sinceText } from '../../lib/since-text';

export interface HostRowProps {
  host: HostView;
  status: HostStatus | undefined;
  /** Its last connection attempt failed (it may be retrying right now). */
  failing: boolean;
  /** Since when the host has been up, or down (first failure, not the last retry). */
  since: Since | undefined;
  now: number;
  /** Position in the sidebar's order (Ctrl+1..9 follow it). */
  index: number;
  count: number;
  selected: boolean;
  shortcutPrefix: string;
  onSelect(id: string): void;
}

/** One host in the sidebar: swatch, name, kind, production mark, status dot and its menu. */
export function HostRow({
  host,
  status,
  failing,
  since,
  now,
  index,
  count,
  selected,
  shortcutPrefix,
  onSelect,
}: HostRowProps) {
  const kind = host.endpoint.kind;
  const shortcut = index < 9 ? `${shortcutPrefix}${index + 1}` : undefined;
  const when = since ? sinceText(since, failing, now) : undefined;
  const down = failing && since !== undefined && !since.up;
  const state = `${statusLabel(status)}${when ? `, ${when}` : ''}`;
  return (
    <li className={`host-row${selected ? ' is-selected' : ''}${host.production ? ' is-production' : ''}`}>
      <button
        type="button"
        className="host-button"
        aria-label={host.name}
        aria-current={selected ? 'page' : undefined}
        aria-description={`${KIND_LONG_LABELS[kind]}${host.production ? ', production' : ''}, ${state}`}
        aria-keyshortcuts={index < 9 ? `Control+${index + 1} Meta+${index + 1}` : undefined}
        title={`${shortcut ? `${host.name} (${shortcut})` : host.name}\n${state}`}
        onClick={() => onSelect(host.id)}
      >
        <span className="swatch" style={{ background: host.color }} aria-hidden="true" />
        <span className="host-text">
          <span className="host-name">{host.name}</span>
          <span className="host-sub">
            {down && since ? (
              <span className="host-down">Down {sinceSpan(now - since.at)}</span>
            ) : (
              <span className="host-kind">
                <KindIcon kind={kind} />
                {KIND_LABELS[kind]}
              </span>
            )}
            {host.production && <span className="badge badge-prod">prod</span>}
            <TransportBadge endpoint={host.endpoint} />
            <HostUpdateCount hostId={host.id} />
          </span>
        </span>
      </button>
      <StatusDot status={status} className="host-row-dot" />
      <HostMenu host={host} isFirst={index === 0} isLast={index === count - 1} />
    </li>
  );
}
