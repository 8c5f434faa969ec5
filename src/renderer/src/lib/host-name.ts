import type { HostView } from '@shared/contract';

/** A host's name; `fallback` (its id unless given) when it is not in the list, e.g. removed since. */
export function hostNameOf(hosts: readonly HostView[], id: string, fallback: string = id): string {
  return hosts.find((h) => h.id === id)?.name ?? fallback;
}
