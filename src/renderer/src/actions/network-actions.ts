import type { NetworkSummary } from '@shared/contract';
import { createRow, defineAction, PRUNE_UNUSED, REMOVE, type ResourceAction } from './define';

type Item = Pick<NetworkSummary, 'builtin'>;
export interface NetworkTarget {
  hostId: string;
  id: string;
}
type Row<Id extends string> = ResourceAction<Id, Item, NetworkTarget, object>;

export const BUILTIN_REASON = 'Built-in networks belong to the engine and cannot be removed.';

/** Every network action, one row each: the toolbar's commands, then the row's. */
export const NETWORK_ACTIONS = {
  prune: defineAction({
    ...PRUNE_UNUSED,
    method: 'networks.prune',
    failed: 'prune networks on',
    appliesTo: () => true,
  }),
  create: defineAction({ ...createRow('network'), method: 'networks.create', appliesTo: () => true }),
  remove: defineAction({
    ...REMOVE,
    method: 'networks.remove',
    toast: true,
    appears: ['row'],
    appliesTo: (n: Item) => !n.builtin,
    unavailable: BUILTIN_REASON,
    input: (t) => t,
  }),
} satisfies Record<string, Row<string>>;

export type NetworkActionRow = Row<keyof typeof NETWORK_ACTIONS>;
