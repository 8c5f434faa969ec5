import type { ReactNode } from 'react';
import type { HostView } from '@shared/contract';
import type { DetailsTarget } from '../../../stores/details';
import { FilesTab } from './FilesTab';
import { InspectTab } from './InspectTab';
import { OverviewTab } from './OverviewTab';
import { ProcessesTab } from './ProcessesTab';
import { LogsTab } from './LogsTab';
import { StatsTab } from '../stats/StatsTab';
import { ContainerTerminalTab } from './ContainerTerminalTab';
import { PolicyGate } from '../../../components/PolicyGate';

export interface DetailTabProps {
  host: HostView;
  target: DetailsTarget;
}

export interface DetailTab {
  id: string;
  label: string;
  render(props: DetailTabProps): ReactNode;
}

/** The tabs of the container details view, in order. A new tab (logs, stats, terminal) adds one line. */
export const DETAIL_TABS: DetailTab[] = [
  { id: 'overview', label: 'Overview', render: (p) => <OverviewTab {...p} /> },
  { id: 'logs', label: 'Logs', render: (p) => <LogsTab {...p} /> },
  {
    id: 'terminal',
    label: 'Terminal',
    render: (p) => (
      <PolicyGate hostId={p.host.id} method="exec.open" what="Terminal">
        <ContainerTerminalTab {...p} />
      </PolicyGate>
    ),
  },
  { id: 'stats', label: 'Stats', render: (p) => <StatsTab {...p} /> },
  { id: 'processes', label: 'Processes', render: (p) => <ProcessesTab {...p} /> },
  {
    id: 'files',
    label: 'Files',
    render: (p) => (
      <PolicyGate hostId={p.host.id} method="containers.filesList" what="Browsing files">
        <FilesTab {...p} />
      </PolicyGate>
    ),
  },
  { id: 'inspect', label: 'Inspect', render: (p) => <InspectTab {...p} /> },
];
