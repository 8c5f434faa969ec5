import { actionText } from '../../actions/define';
import type { ActionIconName } from '../../lib/icon-names';
import { guard, type Verdict } from '../../lib/policy';
import { PlusIcon } from './Icons';

interface ToolbarAction {
  id: string;
  method: string;
  label: string;
  confirm?: string;
  icon?: ActionIconName;
  primary?: boolean;
}

interface ToolbarActionsProps {
  /** The descriptors placed on the toolbar, in order (actions/*-actions.ts). */
  actions: readonly ToolbarAction[];
  allowed(method: string): Verdict;
  onAction(id: string): void;
  /** Off for now (nothing loaded to act on yet). */
  disabled?(id: string): boolean;
}

/** A list's commands on its toolbar (Prune unused…, Create …), policy-guarded, one per descriptor. */
export function ToolbarActions({ actions, allowed, onAction, disabled }: ToolbarActionsProps) {
  return (
    <>
      {actions.map((a) => (
        <button
          key={a.id}
          type="button"
          className={a.primary ? 'button button-primary' : 'button'}
          onClick={() => onAction(a.id)}
          disabled={disabled?.(a.id)}
          {...guard(allowed(a.method))}
        >
          {a.primary && <PlusIcon />}
          {a.primary ? ` ${a.label}` : actionText(a)}
        </button>
      ))}
    </>
  );
}
