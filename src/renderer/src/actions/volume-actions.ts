import { createRow, defineAction, PRUNE_UNUSED, REMOVE, type ResourceAction } from './define';

export interface VolumeTarget {
  hostId: string;
  name: string;
}
type Row<Id extends string> = ResourceAction<Id, unknown, VolumeTarget, object>;

const always = () => true;

/**
 * Every volume action, one row each: the toolbar's commands, then the row icons in order.
 * Browse opens the volume's files; copy, back up and restore open the mobility dialogs.
 */
export const VOLUME_ACTIONS = {
  prune: defineAction({
    ...PRUNE_UNUSED,
    method: 'volumes.prune',
    failed: 'prune volumes on',
    appliesTo: always,
  }),
  create: defineAction({ ...createRow('volume'), method: 'volumes.create', appliesTo: always }),
  browse: defineAction({
    id: 'browse',
    method: 'volumes.browse',
    label: 'Browse files',
    busy: 'Opening…',
    failed: 'browse',
    done: 'opened',
    icon: 'browse',
    named: (n) => `Browse ${n}`,
    appears: ['row'],
    appliesTo: always,
  }),
  'volume-copy': defineAction({
    id: 'volume-copy',
    method: 'mobility.volumeCopy',
    label: 'Copy to another host',
    busy: 'Copying…',
    failed: 'copy',
    done: 'copied',
    icon: 'copy',
    confirm: 'volume-copy',
    named: (n) => `Copy ${n} to another host`,
    appears: ['row'],
    appliesTo: always,
  }),
  'volume-backup': defineAction({
    id: 'volume-backup',
    method: 'mobility.volumeBackup',
    label: 'Back up to a file',
    busy: 'Backing up…',
    failed: 'back up',
    done: 'backed up',
    icon: 'save',
    confirm: 'volume-backup',
    named: (n) => `Back up ${n} to a file`,
    appears: ['row'],
    appliesTo: always,
  }),
  'volume-restore': defineAction({
    id: 'volume-restore',
    method: 'mobility.volumeRestore',
    label: 'Restore from a file',
    busy: 'Restoring…',
    failed: 'restore',
    done: 'restored',
    icon: 'push',
    confirm: 'volume-restore',
    named: (n) => `Restore ${n} from a file`,
    appears: ['row'],
    appliesTo: always,
  }),
  remove: defineAction({
    ...REMOVE,
    method: 'volumes.remove',
    toast: true,
    appears: ['row'],
    appliesTo: always,
    input: (t) => t,
  }),
} satisfies Record<string, Row<string>>;

export type VolumeActionId = keyof typeof VOLUME_ACTIONS;
export type VolumeActionRow = Row<VolumeActionId>;
