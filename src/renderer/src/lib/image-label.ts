import type { ImageSummary } from '@shared/contract';

/** An image's name in lists and messages: its first tag, else "<none>" and its short id. */
export function imageLabel(i: ImageSummary): string {
  return i.repoTags[0] ?? `<none> ${i.id.replace(/^sha256:/, '').slice(0, 12)}`;
}
