import type { ActionIconName } from '../../lib/icon-names';
import { actionName } from '../../actions/define';
import { guard, type Verdict } from '../../lib/policy';
import { ActionIcon } from './ActionIcon';

export interface RowActionView<Item> {
  id: string;
  method: string;
  label: string;
  icon?: ActionIconName;
  danger?: boolean;
  unavailable?: string;
  named?(name: string): string;
  appliesTo(item: Item): boolean;
}

interface RowActionsProps<Item> {
  /** The descriptors placed on the row, in order (actions/*-actions.ts). */
  actions: readonly RowActionView<Item>[];
  item: Item;
  /** The item's name in accessible names ("Remove web-1"). */
  name: string;
  /** What the host's policy says about a method. */
  allowed(method: string): Verdict;
  onAction(id: string, item: Item): void;
}

/**
 * A row's icon buttons, one per descriptor: the icon, the accessible name, the label as tooltip,
 * disabled (with why) where the action does not apply, policy-blocked (with why) where the host
 * forbids its method.
 */
export function RowActions<Item>({ actions, item, name, allowed, onAction }: RowActionsProps<Item>) {
  return (
    <>
      {actions.map((a) => {
        const applies = a.appliesTo(item);
        return (
          <button
            key={a.id}
            type="button"
            className={`icon-button row-action row-action-${a.id}${a.danger ? ' row-danger' : ''}`}
            aria-label={actionName(a, name)}
            title={applies ? a.label : (a.unavailable ?? a.label)}
            disabled={!applies}
            onClick={() => onAction(a.id, item)}
            {...(applies ? guard(allowed(a.method), a.label) : {})}
          >
            {a.icon && <ActionIcon action={a.icon} />}
          </button>
        );
      })}
    </>
  );
}
