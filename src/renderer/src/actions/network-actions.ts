import type { NetworkSummary } from '@shared/contract';
import { defineAction, type ResourceAction } from './define';

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
    id: 'prune',
    method: 'networks.prune',
    label: 'Prune unused',
    busy: 'Pruning…',
    failed: 'prune networks on',
    done: 'pruned',
    icon: 'prune',
    confirm: 'prune',
    appears: ['toolbar'],
    appliesTo: () => true,
  }),
  create: defineAction({
    id: 'create',
    method: 'networks.create',
    label: 'Create network',
    busy: 'Creating…',
    failed: 'create',
    done: 'created',
    icon: 'run',
    primary: true,
    appears: ['toolbar'],
    appliesTo: () => true,
  }),
  remove: defineAction({
    id: 'remove',
    method: 'networks.remove',
    label: 'Remove',
    busy: 'Removing…',
    failed: 'remove',
    done: 'removed',
    icon: 'trash',
    confirm: 'remove',
    danger: true,
    toast: true,
    appears: ['row'],
    appliesTo: (n: Item) => !n.builtin,
    unavailable: BUILTIN_REASON,
    input: (t) => t,
  }),
} satisfies Record<string, Row<string>>;

export type NetworkActionRow = Row<keyof typeof NETWORK_ACTIONS>;
