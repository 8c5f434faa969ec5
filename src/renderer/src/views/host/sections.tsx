import type { ReactNode } from 'react';
import type { HostView } from '@shared/contract';
import { ActivityView } from '../activity/ActivityView';
import { ContainersView } from '../containers/ContainersView';
import { DiskUsageView } from '../disk/DiskUsageView';
import { ImagesView } from '../images/ImagesView';
import { NetworksView } from '../networks/NetworksView';
import { SwarmView } from '../swarm/SwarmView';
import { VolumesView } from '../volumes/VolumesView';

export interface HostSection {
  id: string;
  label: string;
  render(host: HostView): ReactNode;
}

/** The resource sections of a connected host, in tab order. A new resource view adds one line. */
export const HOST_SECTIONS: HostSection[] = [
  {
    id: 'containers',
    label: 'Containers',
    render: (host) => <ContainersView key={host.id} host={host} connected />,
  },
  { id: 'images', label: 'Images', render: (host) => <ImagesView key={host.id} host={host} /> },
  { id: 'activity', label: 'Activity', render: (host) => <ActivityView host={host} /> },
  { id: 'networks', label: 'Networks', render: (host) => <NetworksView key={host.id} host={host} /> },
  { id: 'volumes', label: 'Volumes', render: (host) => <VolumesView key={host.id} host={host} /> },
  { id: 'disk', label: 'Disk usage', render: (host) => <DiskUsageView key={host.id} host={host} /> },
  { id: 'swarm', label: 'Swarm', render: (host) => <SwarmView key={host.id} host={host} /> },
];
