import type { ReactNode } from 'react';
import type { ContainerBulkAction, ContainerSummary } from '@shared/contract';
import { actionText, containerActionsFor } from '../../actions/container-actions';
import { ActionIcon } from '../../components/ui/ActionIcon';
import { guard, type Verdict } from '../../lib/policy';

export interface BulkBarProps {
  selected: ContainerSummary[];
  busy: ContainerBulkAction | undefined;
  onAction(action: ContainerBulkAction): void;
  onClear(): void;
  /** The host's policy for each action; forbidden ones are disabled with the reason. */
  allowed?(action: ContainerBulkAction): Verdict;
  /** More buttons after the actions (the selection's update). */
  extra?: ReactNode;
}

const ACTIONS = containerActionsFor('bulk');

/** Shown while containers are selected: the same action for all of them. */
export function BulkBar({ selected, busy, onAction, onClear, allowed, extra }: BulkBarProps) {
  const count = selected.length;
  return (
    <div className="bulk-bar" role="toolbar" aria-label="Selected containers">
      <span className="bulk-count" aria-live="polite">
        {count} selected
      </span>
      {ACTIONS.map((a) => {
        const action = a.id as ContainerBulkAction;
        return (
          <button
            key={action}
            type="button"
            className={`button button-small${a.danger ? ' bulk-danger' : ''}`}
            aria-label={`${a.label} selected`}
            disabled={busy !== undefined || !selected.some(a.appliesTo)}
            onClick={() => onAction(action)}
            {...(allowed ? guard(allowed(action)) : {})}
          >
            {busy === action ? (
              <span className="spinner" aria-hidden="true" />
            ) : (
              a.icon && <ActionIcon action={a.icon} />
            )}
            {actionText(a)}
          </button>
        );
      })}
      {extra}
      <span className="header-spacer" />
      <button type="button" className="button button-small ct-ghost" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
