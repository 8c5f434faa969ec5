import type { ImageSummary } from '@shared/contract';

/** What to save or copy so that the tags travel too: every tag, or the id of an untagged image. */
export function referencesOf(image: ImageSummary): string[] {
  return image.repoTags.length ? image.repoTags : [image.id];
}

/** A file name from an image's first tag: "127.0.0.1:5000/team/app:1.0" → "app-1.0.tar". */
export function tarNameFor(image: ImageSummary): string {
  const tag = image.repoTags[0];
  if (!tag) return `image-${image.id.replace(/^sha256:/, '').slice(0, 12)}.tar`;
  const last = tag.split('/').pop() ?? tag;
  return `${last.replace(/[^A-Za-z0-9._-]+/g, '-')}.tar`;
}
