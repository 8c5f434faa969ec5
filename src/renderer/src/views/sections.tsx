import type { ReactNode } from 'react';
import type { HostView } from '@shared/contract';
import { ActivityView } from './activity/ActivityView';
import { ApiView } from './apilog/ApiView';
import { ContainersView } from './containers/ContainersView';
import { DiskUsageView } from './disk/DiskUsageView';
import { ImagesView } from './images/ImagesView';
import { NetworksView } from './networks/NetworksView';
import { StacksView } from './stacks/StacksView';
import { SwarmView } from './swarm/SwarmView';
import { VolumesView } from './volumes/VolumesView';

/** What each host section (lib/navigation.ts) renders: a new resource view adds a line there and here. */
export const HOST_SECTION_VIEWS: Record<string, (host: HostView) => ReactNode> = {
  containers: (host) => <ContainersView key={host.id} host={host} connected />,
  images: (host) => <ImagesView key={host.id} host={host} />,
  activity: (host) => <ActivityView host={host} />,
  networks: (host) => <NetworksView key={host.id} host={host} />,
  volumes: (host) => <VolumesView key={host.id} host={host} />,
  disk: (host) => <DiskUsageView key={host.id} host={host} />,
  swarm: (host) => <SwarmView key={host.id} host={host} />,
  stacks: (host) => <StacksView key={host.id} host={host} />,
  api: (host) => <ApiView key={host.id} host={host} />,
};

export function renderHostSection(id: string, host: HostView): ReactNode {
  return HOST_SECTION_VIEWS[id]?.(host) ?? null;
}
