import type { ReactNode } from 'react';
import type { HostView } from '@shared/contract';
import { ContainersView } from '../containers/ContainersView';

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
];
