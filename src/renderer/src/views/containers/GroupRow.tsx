import { memo, useEffect, useRef } from 'react';
import type { ContainerBulkAction, ContainerSummary } from '@shared/contract';
import { ActionIcon } from '../../components/ui/ActionIcon';
import type { GroupItem } from '../../lib/container-filter';
import { guard } from '../../lib/policy';
import { usePolicy } from '../../hooks/usePolicy';
import { UpdateProjectButton } from '../../components/fleet/UpdateProjectButton';
import { plural } from '../../lib/plural';

export interface GroupRowProps {
  group: GroupItem;
  /** How many of its members are selected. */
  selectedCount: number;
  busy: ContainerBulkAction | undefined;
  rowIndex: number;
  /** Where the row sits in the scrolled body (px), and its height: numbers, so memo holds. */
  top: number;
  height: number;
  onToggle(project: string): void;
  onSelect(members: ContainerSummary[], on: boolean): void;
  onGroupAction(action: 'start' | 'stop' | 'restart', group: GroupItem): void;
  /** The host whose policy decides which group actions are allowed. */
  hostId?: string;
}

const GROUP_ACTIONS = [
  { action: 'start', label: 'Start all' },
  { action: 'stop', label: 'Stop all' },
  { action: 'restart', label: 'Restart all' },
] as const;

/** The header of a compose project: collapse toggle, select-all of the project, group actions. */
export const GroupRow = memo(function GroupRow({
  group,
  selectedCount,
  busy,
  rowIndex,
  top,
  height,
  onToggle,
  onSelect,
  onGroupAction,
  hostId,
}: GroupRowProps) {
  const can = usePolicy(hostId);
  const { project, members, running, collapsed } = group;
  const check = useRef<HTMLInputElement>(null);
  const all = members.length > 0 && selectedCount === members.length;
  useEffect(() => {
    if (check.current) check.current.indeterminate = selectedCount > 0 && !all;
  }, [selectedCount, all]);

  return (
    <div
      role="row"
      aria-label={`Project ${project}`}
      aria-rowindex={rowIndex}
      aria-expanded={!collapsed}
      className="ctable-row group-row"
      style={{ transform: `translateY(${top}px)`, height }}
    >
      <div role="cell" className="ctable-cell cell-select">
        <input
          ref={check}
          type="checkbox"
          className="row-check"
          aria-label={`Select project ${project}`}
          checked={all}
          onChange={(e) => onSelect(members, e.target.checked)}
        />
      </div>
      <div role="cell" className="ctable-cell group-cell">
        <button
          type="button"
          className={`group-toggle${collapsed ? ' is-collapsed' : ''}`}
          aria-expanded={!collapsed}
          aria-label={`${collapsed ? 'Expand' : 'Collapse'} project ${project}`}
          onClick={() => onToggle(project)}
        >
          <span className="group-chevron" aria-hidden="true">
            <ActionIcon action="chevron" />
          </span>
          <span className="group-name">{project}</span>
        </button>
        <span className="group-count">
          {plural(members.length, 'container')} · {running} running
        </span>
        <span className="header-spacer" />
        <span className="group-actions">
          {hostId && <UpdateProjectButton hostId={hostId} project={project} />}
          {GROUP_ACTIONS.map(({ action, label }) => (
            <button
              key={action}
              type="button"
              className="button button-small ct-ghost"
              aria-label={`${label} in ${project}`}
              disabled={busy !== undefined}
              onClick={() => onGroupAction(action, group)}
              {...guard(can.allowed('containers.bulk', { action }))}
            >
              {busy === action ? (
                <span className="spinner" aria-hidden="true" />
              ) : (
                <ActionIcon action={action} />
              )}
              {label}
            </button>
          ))}
        </span>
      </div>
    </div>
  );
});
