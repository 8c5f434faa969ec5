import type { DiskKind } from '@shared/contract';
import { plural } from './plural';

/** How each kind is named, and what pruning it removes, in the UI. */
export const KIND_TEXT: Record<
  DiskKind,
  { title: string; noun: [string, string]; prune: string; candidates: string; activeWord: string }
> = {
  images: {
    title: 'Images',
    noun: ['image', 'images'],
    prune: 'Remove dangling images',
    candidates: 'dangling images (untagged, used by no container)',
    activeWord: 'in use',
  },
  containers: {
    title: 'Containers',
    noun: ['container', 'containers'],
    prune: 'Remove stopped containers',
    candidates: 'stopped containers',
    activeWord: 'running',
  },
  volumes: {
    title: 'Local volumes',
    noun: ['volume', 'volumes'],
    prune: 'Remove unused volumes',
    candidates: 'local volumes no container uses',
    activeWord: 'in use',
  },
  buildCache: {
    title: 'Build cache',
    noun: ['cache entry', 'cache entries'],
    prune: 'Clear build cache',
    candidates: 'build cache entries not in use',
    activeWord: 'in use',
  },
};

export function countOf(kind: DiskKind, n: number): string {
  const [one, many] = KIND_TEXT[kind].noun;
  return plural(n, one, many);
}
