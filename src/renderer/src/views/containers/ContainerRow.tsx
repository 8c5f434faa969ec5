import { memo } from 'react';
import type { ContainerSummary, EndpointView } from '@shared/contract';
import { shortId } from '../../lib/format';
import { Timestamp } from '../../components/ui/Timestamp';
import type { ContainerAction } from '../../stores/containers';
import { containerAction } from '../../actions/container-actions';
import { ActionIcon } from '../../components/ui/ActionIcon';
import { compactAgo, compactStatus } from '../../lib/compact-time';
import { HealthBadge } from './HealthBadge';
import { PortLinks } from './PortLinks';
import { isLive, projectOf } from '../../lib/container-filter';
import { StatePill } from './StatePill';
import { MiniStats } from './stats/MiniStats';
import { openTerminal } from '../../stores/terminals';
import { guard, type Verdict } from '../../lib/policy';
import { usePolicy } from '../../hooks/usePolicy';
import { UpdateBadge } from '../../components/fleet/UpdateBadge';

export interface ContainerRowProps {
  hostId: string;
  container: ContainerSummary;
  endpoint: EndpointView;
  busy: ContainerAction | undefined;
  selected: boolean;
  /** Shown indented under its compose project's header. */
  inGroup: boolean;
  now: number;
  rowIndex: number;
  /** Where the row sits in the scrolled body (px), and its height: numbers, so memo holds. */
  top: number;
  height: number;
  onSelect(c: ContainerSummary, on: boolean): void;
  onAction(action: ContainerAction, c: ContainerSummary): void;
  onOpen(c: ContainerSummary): void;
  onMenu(c: ContainerSummary, anchor: HTMLElement): void;
  /** The all-containers page adds a Host cell (colour dot + name) after the checkbox. */
  hostName?: string;
  hostColor?: string;
}

function ActionButton({
  action,
  container,
  busy,
  onAction,
  allowed,
}: {
  action: ContainerAction;
  container: ContainerSummary;
  busy: ContainerAction | undefined;
  onAction: ContainerRowProps['onAction'];
  allowed(method: string): Verdict;
}) {
  const verb = containerAction(action);
  return (
    <button
      type="button"
      className={`icon-button row-action row-action-${action}`}
      aria-label={`${verb.label} ${container.name}`}
      title={verb.label}
      disabled={busy !== undefined}
      onClick={() => onAction(action, container)}
      {...guard(allowed(verb.method))}
    >
      {busy === action ? (
        <span className="spinner" aria-hidden="true" />
      ) : (
        <ActionIcon action={verb.icon ?? 'more'} />
      )}
    </button>
  );
}

/** One container as a table row; aria-label is the container name. */
export const ContainerRow = memo(function ContainerRow({
  hostId,
  container: c,
  endpoint,
  busy,
  selected,
  inGroup,
  now,
  rowIndex,
  top,
  height,
  onSelect,
  onAction,
  onOpen,
  onMenu,
  hostName,
  hostColor,
}: ContainerRowProps) {
  const can = usePolicy(hostId);
  const createdMs = c.created * 1000;
  const live = isLive(c);
  const project = projectOf(c);
  // Under its project's header, "shop-web-1" reads as "web-1" (as compose names it); the full name
  // stays in the title and the accessible names.
  const shownName =
    inGroup &&
    project &&
    c.name.length > project.length + 1 &&
    /^[-_]/.test(c.name.slice(project.length)) &&
    c.name.startsWith(project)
      ? c.name.slice(project.length + 1)
      : c.name;

  return (
    <div
      role="row"
      aria-label={c.name}
      aria-rowindex={rowIndex}
      aria-selected={selected}
      aria-busy={busy !== undefined || undefined}
      className={`ctable-row${busy ? ' is-busy' : ''}${selected ? ' is-selected' : ''}${inGroup ? ' in-group' : ''}`}
      style={{ transform: `translateY(${top}px)`, height }}
    >
      <div role="cell" className="ctable-cell cell-select">
        <input
          type="checkbox"
          className="row-check"
          aria-label={`Select ${c.name}`}
          checked={selected}
          onChange={(e) => onSelect(c, e.target.checked)}
        />
      </div>
      {hostName !== undefined && (
        <div role="cell" className="ctable-cell cell-host" title={hostName}>
          <span className="swatch" style={{ background: hostColor }} aria-hidden="true" />
          <span className="truncate">{hostName}</span>
        </div>
      )}
      <div role="cell" className="ctable-cell cell-name">
        <button
          type="button"
          className="container-name container-name-button"
          title={c.name}
          aria-label={`Details of ${c.name}`}
          onClick={() => onOpen(c)}
        >
          {shownName}
        </button>
        <span className="container-id mono" title={c.id}>
          {shortId(c.id)}
        </span>
      </div>
      <div role="cell" className="ctable-cell cell-image">
        <span className="image-stack">
          <span className="truncate mono-soft" title={c.image}>
            {c.image}
          </span>
          <UpdateBadge hostId={hostId} containerId={c.id} name={c.name} />
        </span>
      </div>
      <div role="cell" className="ctable-cell cell-state">
        <StatePill state={c.state} />
      </div>
      <div role="cell" className="ctable-cell cell-status">
        {busy ? (
          <span className="busy-text" role="status">
            {containerAction(busy).busy}
          </span>
        ) : (
          <span className="truncate" title={c.status}>
            {compactStatus(c.status)}
          </span>
        )}
        {c.state === 'running' && <MiniStats hostId={hostId} containerId={c.id} />}
      </div>
      <div role="cell" className="ctable-cell cell-health">
        <HealthBadge health={c.health} />
      </div>
      <div role="cell" className="ctable-cell cell-ports">
        <PortLinks
          ports={c.ports}
          endpoint={endpoint}
          forward={c.state === 'running' ? { hostId, containerId: c.id, name: c.name } : undefined}
        />
      </div>
      <div role="cell" className="ctable-cell cell-created">
        <Timestamp ms={createdMs} text={compactAgo(createdMs, now)} />
      </div>
      <div role="cell" className="ctable-cell cell-project">
        {project ? (
          <span className="truncate project-tag" title={`Compose project ${project}`}>
            {project}
          </span>
        ) : (
          <span className="muted">—</span>
        )}
      </div>
      <div role="cell" className="ctable-cell cell-actions">
        <ActionButton
          action={live ? 'stop' : 'start'}
          container={c}
          busy={busy}
          onAction={onAction}
          allowed={can.allowed}
        />
        <ActionButton action="restart" container={c} busy={busy} onAction={onAction} allowed={can.allowed} />
        {c.state === 'running' && (
          <button
            type="button"
            className="icon-button row-action row-action-terminal"
            aria-label={`Open terminal in ${c.name}`}
            title="Open terminal"
            onClick={() => void openTerminal(hostId, c.id, c.name)}
            {...guard(can.allowed(containerAction('terminal').method))}
          >
            <span aria-hidden="true" className="mono">
              &gt;_
            </span>
          </button>
        )}
        <ActionButton action="remove" container={c} busy={busy} onAction={onAction} allowed={can.allowed} />
        <button
          type="button"
          className="icon-button row-action"
          aria-label={`More actions for ${c.name}`}
          aria-haspopup="menu"
          title="More actions"
          disabled={busy !== undefined}
          onClick={(e) => onMenu(c, e.currentTarget)}
        >
          <ActionIcon action="more" />
        </button>
      </div>
    </div>
  );
});
