import { memo, type CSSProperties } from 'react';
import type { ContainerSummary } from '@shared/contract';
import { exposedPorts, fullDate, publishedPorts, relativeTime, shortId } from '../../lib/format';
import { ACTION_VERBS, type ContainerAction } from '../../stores/containers';
import { ActionIcon } from './ActionIcon';
import { isLive } from './filter';
import { StatePill } from './StatePill';

export interface ContainerRowProps {
  container: ContainerSummary;
  busy: ContainerAction | undefined;
  now: number;
  rowIndex: number;
  style: CSSProperties;
  onAction(action: ContainerAction, c: ContainerSummary): void;
  onOpen(c: ContainerSummary): void;
}

function ActionButton({
  action,
  container,
  busy,
  onAction,
}: {
  action: ContainerAction;
  container: ContainerSummary;
  busy: ContainerAction | undefined;
  onAction: ContainerRowProps['onAction'];
}) {
  const verb = ACTION_VERBS[action];
  return (
    <button
      type="button"
      className={`icon-button row-action row-action-${action}`}
      aria-label={`${verb.label} ${container.name}`}
      title={verb.label}
      disabled={busy !== undefined}
      onClick={() => onAction(action, container)}
    >
      {busy === action ? <span className="spinner" aria-hidden="true" /> : <ActionIcon action={action} />}
    </button>
  );
}

/** One container as a table row; aria-label is the container name. */
export const ContainerRow = memo(function ContainerRow({
  container: c,
  busy,
  now,
  rowIndex,
  style,
  onAction,
  onOpen,
}: ContainerRowProps) {
  const ports = publishedPorts(c.ports);
  const exposed = ports.length === 0 ? exposedPorts(c.ports) : [];
  const createdMs = c.created * 1000;
  const live = isLive(c);

  return (
    <div
      role="row"
      aria-label={c.name}
      aria-rowindex={rowIndex}
      aria-busy={busy !== undefined || undefined}
      className={`ctable-row${busy ? ' is-busy' : ''}`}
      style={style}
    >
      <div role="cell" className="ctable-cell cell-name">
        <button
          type="button"
          className="container-name container-name-button"
          title={c.name}
          aria-label={`Details of ${c.name}`}
          onClick={() => onOpen(c)}
        >
          {c.name}
        </button>
        <span className="container-id mono" title={c.id}>
          {shortId(c.id)}
        </span>
      </div>
      <div role="cell" className="ctable-cell cell-image">
        <span className="truncate mono-soft" title={c.image}>
          {c.image}
        </span>
      </div>
      <div role="cell" className="ctable-cell cell-state">
        <StatePill state={c.state} />
      </div>
      <div role="cell" className="ctable-cell cell-status">
        {busy ? (
          <span className="busy-text" role="status">
            {ACTION_VERBS[busy].busy}
          </span>
        ) : (
          <span className="truncate" title={c.status}>
            {c.status}
          </span>
        )}
      </div>
      <div role="cell" className="ctable-cell cell-ports">
        {ports.length > 0 ? (
          <span className="truncate mono" title={ports.join('\n')}>
            {ports.join(', ')}
          </span>
        ) : exposed.length > 0 ? (
          <span className="truncate mono muted" title={`Exposed, not published: ${exposed.join(', ')}`}>
            {exposed.join(', ')}
          </span>
        ) : (
          <span className="muted">—</span>
        )}
      </div>
      <div role="cell" className="ctable-cell cell-created">
        <time dateTime={new Date(createdMs).toISOString()} title={fullDate(createdMs)}>
          {relativeTime(createdMs, now)}
        </time>
      </div>
      <div role="cell" className="ctable-cell cell-actions">
        <ActionButton action={live ? 'stop' : 'start'} container={c} busy={busy} onAction={onAction} />
        <ActionButton action="restart" container={c} busy={busy} onAction={onAction} />
        <ActionButton action="remove" container={c} busy={busy} onAction={onAction} />
      </div>
    </div>
  );
});
