import type { ImageSummary } from '@shared/contract';
import { imageLabel } from '../../lib/image-label';

export type ImageFilter = 'all' | 'in-use' | 'unused' | 'dangling';
export type ImageSortKey = 'name' | 'size' | 'created' | 'containers';
export interface ImageSort {
  key: ImageSortKey;
  dir: 'asc' | 'desc';
}

/** The name an image sorts and is announced by: its first tag, or its short id when dangling. */
export { imageLabel };

export function filterImages(items: ImageSummary[], filter: ImageFilter, search: string): ImageSummary[] {
  const q = search.trim().toLowerCase();
  return items.filter((i) => {
    if (filter === 'dangling' && !i.dangling) return false;
    if (filter === 'in-use' && i.containers === 0) return false;
    if (filter === 'unused' && i.containers > 0) return false;
    if (!q) return true;
    const id = i.id.replace(/^sha256:/, '');
    return (
      id.startsWith(q) ||
      i.repoTags.some((t) => t.toLowerCase().includes(q)) ||
      i.repoDigests.some((d) => d.toLowerCase().includes(q))
    );
  });
}

export function sortImages(items: ImageSummary[], sort: ImageSort): ImageSummary[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const by = (a: ImageSummary, b: ImageSummary): number => {
    switch (sort.key) {
      case 'size':
        return a.size - b.size;
      case 'created':
        return a.created - b.created;
      case 'containers':
        return a.containers - b.containers;
      default:
        // Dangling images (no name) sort after named ones either way.
        if (a.dangling !== b.dangling) return a.dangling ? sign : -sign;
        return imageLabel(a).localeCompare(imageLabel(b));
    }
  };
  return [...items].sort((a, b) => sign * by(a, b) || a.id.localeCompare(b.id));
}
