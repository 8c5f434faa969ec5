import type { ImageSummary } from '@shared/contract';
import { defineAction, REMOVE, type ResourceAction } from './define';

type Item = Pick<ImageSummary, 'dangling'>;
export interface ImageTarget {
  hostId: string;
  id: string;
}
export interface ImageActionOptions {
  force?: boolean;
}
type Row<Id extends string> = ResourceAction<Id, Item, ImageTarget, ImageActionOptions>;

const always = () => true;

/**
 * Every image action, one row each, in the order the row icons show them. The row actions open
 * their dialog (`confirm`), which runs the call; Remove's input is built here. Adding one: a
 * contract method, its service, a row here (and its dialog in views/images when it asks first).
 */
export const IMAGE_ACTIONS = {
  tag: defineAction({
    id: 'tag',
    method: 'images.tag',
    label: 'Tag',
    busy: 'Tagging…',
    failed: 'tag',
    done: 'tagged',
    icon: 'tag',
    confirm: 'tag',
    appears: ['row'],
    appliesTo: always,
  }),
  push: defineAction({
    id: 'push',
    method: 'images.push',
    label: 'Push',
    busy: 'Pushing…',
    failed: 'push',
    done: 'pushed',
    icon: 'push',
    confirm: 'push',
    appears: ['row'],
    appliesTo: (i: Item) => !i.dangling,
    unavailable: 'Push: the image needs a tag first',
  }),
  copy: defineAction({
    id: 'copy',
    method: 'images.copy',
    label: 'Copy to another host',
    busy: 'Copying…',
    failed: 'copy',
    done: 'copied',
    icon: 'copy',
    confirm: 'copy',
    appears: ['row'],
    appliesTo: always,
  }),
  save: defineAction({
    id: 'save',
    method: 'images.save',
    label: 'Save to a file',
    busy: 'Saving…',
    failed: 'save',
    done: 'saved',
    icon: 'save',
    confirm: 'save',
    appears: ['row'],
    appliesTo: always,
  }),
  remove: defineAction({
    ...REMOVE,
    method: 'images.remove',
    appears: ['row'],
    appliesTo: always,
    input: (t, o) => ({ ...t, force: o.force ?? false }),
  }),
} satisfies Record<string, Row<string>>;

export type ImageActionId = keyof typeof IMAGE_ACTIONS;
export type ImageActionRow = Row<ImageActionId>;
export const IMAGE_ROW_ACTIONS = Object.values(IMAGE_ACTIONS) as ImageActionRow[];

/** Untag, on the image's details page: its target is a reference, not the image. */
export const UNTAG_ACTION = defineAction({
  id: 'untag',
  method: 'images.untag',
  label: 'Remove tag',
  busy: 'Removing…',
  failed: 'remove the tag',
  done: 'untagged',
  icon: 'trash',
  confirm: 'untag',
  danger: true,
  appears: ['details'],
  appliesTo: () => true,
  input: (t: { hostId: string; reference: string }) => t,
});
