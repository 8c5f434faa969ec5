import type { DiskUsage } from '@shared/contract';

/** Bytes the engine uses on disk: images, containers, volumes and build cache together. */
export function diskBytes(usage: DiskUsage): number {
  return usage.entries.reduce((sum, e) => sum + e.size, 0);
}

export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v >= 10 || i === 0 ? 0 : 1)} ${units[i]}`;
}
