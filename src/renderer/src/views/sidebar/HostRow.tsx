import type { HostStatus, HostView } from '@shared/contract';
import { KindIcon } from '../../components/KindIcon';
import { StatusDot, statusLabel } from '../../components/StatusDot';
import { KIND_LABELS, KIND_LONG_LABELS } from '../../lib/endpoint';
import { HostMenu } from './HostMenu';

export interface HostRowProps {
  host: HostView;
  status: HostStatus | undefined;
  index: number;
  count: number;
  selected: boolean;
  shortcutPrefix: string;
  onSelect(id: string): void;
}

/** One host in the sidebar: swatch, name, kind, status dot and its menu. */
export function HostRow({ host, status, index, count, selected, shortcutPrefix, onSelect }: HostRowProps) {
  const kind = host.endpoint.kind;
  const shortcut = index < 9 ? `${shortcutPrefix}${index + 1}` : undefined;
  return (
    <li className={`host-row${selected ? ' is-selected' : ''}`}>
      <button
        type="button"
        className="host-button"
        aria-label={host.name}
        aria-current={selected ? 'page' : undefined}
        aria-description={`${KIND_LONG_LABELS[kind]}, ${statusLabel(status)}`}
        aria-keyshortcuts={index < 9 ? `Control+${index + 1} Meta+${index + 1}` : undefined}
        title={shortcut ? `${host.name} (${shortcut})` : host.name}
        onClick={() => onSelect(host.id)}
      >
        <span className="swatch" style={{ background: host.color }} aria-hidden="true" />
        <span className="host-text">
          <span className="host-name">{host.name}</span>
          <span className="host-sub">
            <span className="host-kind">
              <KindIcon kind={kind} />
              {KIND_LABELS[kind]}
            </span>
            {kind === 'tcp' && <span className="badge badge-warn">unencrypted</span>}
          </span>
        </span>
      </button>
      <StatusDot status={status} className="host-row-dot" />
      <HostMenu host={host} isFirst={index === 0} isLast={index === count - 1} />
    </li>
  );
}
