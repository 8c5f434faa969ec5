import { UPDATE_STATES, type ContainerUpdateStatus, type UpdateTotals } from '@shared/contract';

export function totalsOf(items: readonly ContainerUpdateStatus[]): UpdateTotals {
  const t = Object.fromEntries(UPDATE_STATES.map((s) => [s, 0])) as UpdateTotals;
  for (const c of items) t[c.state]++;
  return t;
}
