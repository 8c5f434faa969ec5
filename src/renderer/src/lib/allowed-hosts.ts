import type { RegistryView } from '@shared/contract';

/** The registries with one host's consent on one login set or cleared (the others untouched). */
export function withHostAllowed(
  items: readonly RegistryView[],
  id: string,
  hostId: string,
  allowed: boolean,
): RegistryView[] {
  return items.map((r) => {
    if (r.id !== id) return r;
    const others = r.allowedHosts.filter((h) => h !== hostId);
    return { ...r, allowedHosts: allowed ? [...others, hostId] : others };
  });
}
