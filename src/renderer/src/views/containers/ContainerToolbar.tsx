import { useId } from 'react';
import { ActionIcon } from '../../components/ui/ActionIcon';
import { RefreshButton } from '../../components/ui/RefreshButton';
import { ContainerFilters, type ContainerFilterProps } from './ContainerFilters';
import type { GuardProps } from '../../lib/policy';
import { UpdatesControls } from '../../components/fleet/UpdatesControls';

export interface ContainerToolbarProps extends ContainerFilterProps {
  grouped: boolean;
  onGrouped(on: boolean): void;
  total: number;
  running: number;
  loading: boolean;
  onRefresh(): void;
  onRun(): void;
  onPrune(): void;
  /** The host's policy on Run and Prune (lib/policy guard()). */
  runGuard?: GuardProps;
  pruneGuard?: GuardProps;
  /** The host whose containers "Check now" asks the registries about. */
  hostId?: string;
}

/** Filter switch, search, grouping, counts, and the view's commands (Run, Prune, Refresh). */
export function ContainerToolbar(props: ContainerToolbarProps) {
  const { total, running, loading } = props;
  const groupId = useId();
  return (
    <div className="toolbar">
      <h2 className="toolbar-title">Containers</h2>
      <ContainerFilters {...props} />
      <div className="checkbox-row toolbar-check">
        <input
          id={groupId}
          type="checkbox"
          checked={props.grouped}
          onChange={(e) => props.onGrouped(e.target.checked)}
        />
        <label htmlFor={groupId}>Group by project</label>
      </div>
      <UpdatesControls hostIds={props.hostId ? [props.hostId] : undefined} />
      <span className="header-spacer" />
      <span className="toolbar-count" aria-live="polite" title={`${running} running, ${total} in total`}>
        {running} of {total} running
      </span>
      <RefreshButton loading={loading} onRefresh={props.onRefresh} compact />
      <button type="button" className="button" onClick={props.onPrune} {...props.pruneGuard}>
        <ActionIcon action="prune" />
        Prune…
      </button>
      <button type="button" className="button button-primary" onClick={props.onRun} {...props.runGuard}>
        <ActionIcon action="run" />
        Run container
      </button>
    </div>
  );
}
