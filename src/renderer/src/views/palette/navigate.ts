import type { SearchHit, SearchKind } from '@shared/contract';
import { useDetailsStore } from '../../stores/details';
import { useHostsStore } from '../../stores/hosts';
import { useSectionStore } from '../../stores/sections';
import { useViewStore } from '../../stores/view';

/** Shows a host's page (leaving any app-wide page), whether or not it was already selected. */
export function goToHost(hostId: string): void {
  useHostsStore.getState().select(hostId);
  useViewStore.getState().showHost();
}

export function goToSection(hostId: string, sectionId: string): void {
  goToHost(hostId);
  useSectionStore.getState().setSection(sectionId);
}

/** The host section that lists each kind of object (ids from views/host/sections.tsx). */
export const SECTION_OF: Record<SearchKind, string> = {
  container: 'containers',
  image: 'images',
  network: 'networks',
  volume: 'volumes',
};

/** A search hit opens where it lives: a container's details, else its host's section. */
export function openHit(hit: SearchHit): void {
  goToSection(hit.hostId, SECTION_OF[hit.kind]);
  if (hit.kind === 'container') {
    useDetailsStore.getState().open({ hostId: hit.hostId, containerId: hit.id, name: hit.name }, 'overview');
  }
}

/** The selected host, if it is connected (commands about "this host" need one). */
export function currentConnectedHost() {
  const { hosts, statuses, selectedHostId } = useHostsStore.getState();
  const host = hosts.find((h) => h.id === selectedHostId);
  if (!host || statuses[host.id]?.state !== 'connected') return undefined;
  return host;
}
