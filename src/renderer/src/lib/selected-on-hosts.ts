import type { ContainerSummary } from '@shared/contract';

/** What a bulk-bar button is given: the selected containers and how to find each one's host. */
export interface SelectedContainersProps {
  selected: ContainerSummary[];
  hostOf(c: ContainerSummary): string | undefined;
}

/** The selected containers whose host is known (a removed host's are left out), each with it. */
export function selectedOnHosts({
  selected,
  hostOf,
}: SelectedContainersProps): { hostId: string; c: ContainerSummary }[] {
  return selected.flatMap((c) => {
    const hostId = hostOf(c);
    return hostId ? [{ hostId, c }] : [];
  });
}
