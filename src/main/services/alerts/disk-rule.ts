import type { DiskUsage } from '@shared/contract';
import { binaryScale } from '../images/bytes';

/** Bytes the engine uses on disk: images, containers, volumes and build cache together. */
export function diskBytes(usage: DiskUsage): number {
  return usage.entries.reduce((sum, e) => sum + e.size, 0);
}

export function formatBytes(n: number): string {
  const { value, unit, power } = binaryScale(n);
  return `${value.toFixed(value >= 10 || power === 0 ? 0 : 1)} ${unit}`;
}
