import type { ContainerBulkAction, ContainerSummary } from '@shared/contract';
import { ACTION_VERBS } from '../../stores/containers';
import { ActionIcon } from '../../components/ui/ActionIcon';
import { isLive } from '../../lib/container-filter';
import { guard, type Verdict } from '../../lib/policy';

export interface BulkBarProps {
  selected: ContainerSummary[];
  busy: ContainerBulkAction | undefined;
  onAction(action: ContainerBulkAction): void;
  onClear(): void;
  /** The host's policy for each action; forbidden ones are disabled with the reason. */
  allowed?(action: ContainerBulkAction): Verdict;
}

const ACTIONS: ContainerBulkAction[] = ['start', 'stop', 'restart', 'pause', 'unpause', 'kill', 'remove'];
/** These ask first (a dialog), the others act at once. */
const ASKS: ReadonlySet<ContainerBulkAction> = new Set(['kill', 'remove']);

/** Whether an action can do anything for at least one of the selected containers. */
function applies(action: ContainerBulkAction, cs: ContainerSummary[]): boolean {
  switch (action) {
    case 'start':
      return cs.some((c) => !isLive(c));
    case 'stop':
    case 'kill':
      return cs.some(isLive);
    case 'pause':
      return cs.some((c) => c.state === 'running');
    case 'unpause':
      return cs.some((c) => c.state === 'paused');
    default:
      return true;
  }
}

/** Shown while containers are selected: the same action for all of them. */
export function BulkBar({ selected, busy, onAction, onClear, allowed }: BulkBarProps) {
  const count = selected.length;
  return (
    <div className="bulk-bar" role="toolbar" aria-label="Selected containers">
      <span className="bulk-count" aria-live="polite">
        {count} selected
      </span>
      {ACTIONS.map((action) => {
        const label = ACTION_VERBS[action].label;
        return (
          <button
            key={action}
            type="button"
            className={`button button-small${action === 'remove' || action === 'kill' ? ' bulk-danger' : ''}`}
            aria-label={`${label} selected`}
            disabled={busy !== undefined || !applies(action, selected)}
            onClick={() => onAction(action)}
            {...(allowed ? guard(allowed(action)) : {})}
          >
            {busy === action ? (
              <span className="spinner" aria-hidden="true" />
            ) : (
              <ActionIcon action={action} />
            )}
            {label}
            {ASKS.has(action) ? '…' : ''}
          </button>
        );
      })}
      <span className="header-spacer" />
      <button type="button" className="button button-small ct-ghost" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
