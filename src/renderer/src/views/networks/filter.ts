import type { NetworkSummary } from '@shared/contract';

/** Search over name, id, driver, scope and subnets; built-in networks first, then by name. */
export function filterNetworks(items: NetworkSummary[], search: string): NetworkSummary[] {
  const q = search.trim().toLowerCase();
  const hits = q
    ? items.filter((n) =>
        [n.name, n.id, n.driver, n.scope, ...n.subnets.flatMap((s) => [s.subnet, s.gateway ?? ''])].some(
          (t) => t.toLowerCase().includes(q),
        ),
      )
    : items;
  return [...hits].sort((a, b) => Number(b.builtin) - Number(a.builtin) || a.name.localeCompare(b.name));
}
