import type { ImageSummary } from '@shared/contract';
import type { CallName } from '../lib/method-types';
import { defineAction, REMOVE, words, type ResourceAction } from './define';

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

/** What each row action says: label, status while it runs, "Couldn't … x", "x …ed" (see `words`). */
const WORDS = {
  tag: words('Tag', 'Tagging…', 'tag', 'tagged'),
  push: words('Push', 'Pushing…', 'push', 'pushed'),
  copy: words('Copy to another host', 'Copying…', 'copy', 'copied'),
  save: words('Save to a file', 'Saving…', 'save', 'saved'),
};

/** A row icon of the same name as its action that opens the action's dialog, which makes the call. */
function rowDialog<Id extends keyof typeof WORDS, M extends CallName>(id: Id, method: M) {
  return { id, method, ...WORDS[id], icon: id, confirm: id, appears: ['row'] as const };
}

/**
 * Every image action, one row each, in the order the row icons show them. The row actions open
 * their dialog (`confirm`), which runs the call; Remove's input is built here. Adding one: a
 * contract method, its service, a row here (and its dialog in views/images when it asks first).
 */
export const IMAGE_ACTIONS = {
  tag: defineAction({ ...rowDialog('tag', 'images.tag'), appliesTo: always }),
  push: defineAction({
    ...rowDialog('push', 'images.push'),
    appliesTo: (i: Item) => !i.dangling,
    unavailable: 'Push: the image needs a tag first',
  }),
  copy: defineAction({ ...rowDialog('copy', 'images.copy'), appliesTo: always }),
  save: defineAction({ ...rowDialog('save', 'images.save'), appliesTo: always }),
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
  ...words('Remove tag', 'Removing…', 'remove the tag', 'untagged'),
  icon: 'trash',
  confirm: 'untag',
  danger: true,
  appears: ['details'],
  appliesTo: () => true,
  input: (t: { hostId: string; reference: string }) => t,
});
