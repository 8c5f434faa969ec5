import type { VolumeSummary } from '@shared/contract';
import type { VolumeFilter } from '../../stores/volumes';

/** Unused (dangling) means no container mounts it. */
export function isUnused(v: VolumeSummary): boolean {
  return v.usedBy.length === 0 && (v.refCount ?? 0) === 0;
}

export function filterVolumes(items: VolumeSummary[], filter: VolumeFilter, search: string): VolumeSummary[] {
  const q = search.trim().toLowerCase();
  return items
    .filter((v) => filter === 'all' || isUnused(v))
    .filter(
      (v) =>
        !q ||
        [
          v.name,
          v.driver,
          v.mountpoint,
          ...v.usedBy.map((u) => u.name),
          ...Object.entries(v.labels).flat(),
        ].some((t) => t.toLowerCase().includes(q)),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}
