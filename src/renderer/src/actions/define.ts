import type { ActionIconName } from '../lib/icon-names';
import type { CallInputOf, CallName } from '../lib/method-types';

/** Where an action is offered; each surface lists the descriptors that name it, in table order. */
export type Placement = 'row' | 'menu' | 'bulk' | 'details' | 'details-menu' | 'toolbar';

/**
 * One resource action, one row: which contract method it calls (and so which policy governs it),
 * its words and icon, whether it asks first, and where it appears. Stores run it, and the row
 * icons, menus, bulk bar, details header and policy-disabled state all read it.
 */
export interface ResourceAction<Id extends string, Item, Target, Options, M extends CallName = CallName> {
  id: Id;
  /** The contract method: policy is read from it (src/shared/policy/method-access.ts). */
  method: M;
  /** Button text and the stem of its accessible name ("Restart web-1"). */
  label: string;
  /** Status text while it runs, the verb in "Couldn't … x", the participle in "x …ed". */
  busy: string;
  failed: string;
  done: string;
  icon?: ActionIconName;
  /** Opens a dialog before running (the view owns the dialog of this name); its label gets "…". */
  confirm?: string;
  /** The accessible name on one item, when "label name" does not read well ("Copy x to another host"). */
  named?(name: string): string;
  /** The tooltip of a control whose action does not apply to the item (why not). */
  unavailable?: string;
  /** The surface's main command (a toolbar's Create), shown in blue. */
  primary?: boolean;
  /** Shown in red. */
  danger?: boolean;
  /** Success is announced by a toast (quiet actions show in the row's state instead). */
  toast?: boolean;
  appears: readonly Placement[];
  /** Whether it can do anything for this item (a bulk action: for any of the selected). */
  appliesTo(item: Item): boolean;
  /** The call's input; absent when the action only opens a dialog that calls on its own. */
  input?(target: Target, options: Options): CallInputOf<M>;
}

/**
 * An action's words: its button label, its status while it runs, the verb in "Couldn't … x" and
 * the participle in "x …ed". One line each, so a table can list every action's words together.
 */
export function words(label: string, busy: string, failed: string, done: string) {
  return { label, busy, failed, done };
}

/** Keeps each row's method and input typed against each other (a misspelt method fails to compile). */
export function defineAction<Id extends string, Item, Target, Options, M extends CallName>(
  action: ResourceAction<Id, Item, Target, Options, M>,
): ResourceAction<Id, Item, Target, Options, M> {
  return action;
}

/** The text on a button or menu entry: a label, with "…" when a dialog comes first. */
export function actionText(a: { label: string; confirm?: string }): string {
  return a.confirm ? `${a.label}…` : a.label;
}

/** The rows of a table placed on a surface, in table order. */
export function actionsFor<R extends { appears: readonly Placement[] }>(
  table: Record<string, R>,
  place: Placement,
): R[] {
  return Object.values(table).filter((a) => a.appears.includes(place));
}

/** The accessible name of an action on one item ("Remove web-1"). */
export function actionName(a: { label: string; named?(name: string): string }, name: string): string {
  return a.named ? a.named(name) : `${a.label} ${name}`;
}

/** A contract call, ready to invoke: what an action descriptor builds for one target. */
export interface ActionCall<M extends CallName> {
  method: M;
  input: CallInputOf<M>;
}

/** The call an action makes on a target (actions that only open a dialog have none). */
export function callOf<M extends CallName, T, O>(
  a: { method: M; input?(target: T, options: O): CallInputOf<M> },
  target: T,
  options: O,
): ActionCall<M> {
  if (!a.input) throw new Error(`${a.method} is run by its dialog, not directly`);
  return { method: a.method, input: a.input(target, options) };
}

/**
 * The words, look and placement every resource shares for its toolbar's Prune unused and
 * Create, and its Remove: a table spreads one and adds its method, input and what differs.
 */
export const PRUNE_UNUSED = {
  id: 'prune',
  label: 'Prune unused',
  busy: 'Pruning…',
  done: 'pruned',
  icon: 'prune',
  confirm: 'prune',
  appears: ['toolbar'],
} as const;

export function createRow(noun: string) {
  return {
    id: 'create',
    ...words(`Create ${noun}`, 'Creating…', 'create', 'created'),
    icon: 'run',
    primary: true,
    appears: ['toolbar'],
  } as const;
}

export const REMOVE = {
  id: 'remove',
  ...words('Remove', 'Removing…', 'remove', 'removed'),
  icon: 'trash',
  confirm: 'remove',
  danger: true,
} as const;
