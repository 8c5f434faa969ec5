import type { ComponentType, ReactNode } from 'react';
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

/**
 * A tab shown only where the host's policy allows the method it needs; elsewhere PolicyGate says
 * what is unavailable and why.
 */
function gated(method: string, what: string, Tab: ComponentType<DetailTabProps>) {
  return (p: DetailTabProps) => (
    <PolicyGate hostId={p.host.id} method={method} what={what}>
      <Tab {...p} />
    </PolicyGate>
  );
}

/** The tabs of the container details view, in order. A new tab (logs, stats, terminal) adds one line. */
export const DETAIL_TABS: DetailTab[] = [
  { id: 'overview', label: 'Overview', render: (p) => <OverviewTab {...p} /> },
  { id: 'logs', label: 'Logs', render: (p) => <LogsTab {...p} /> },
  { id: 'terminal', label: 'Terminal', render: gated('exec.open', 'Terminal', ContainerTerminalTab) },
  { id: 'stats', label: 'Stats', render: (p) => <StatsTab {...p} /> },
  { id: 'processes', label: 'Processes', render: (p) => <ProcessesTab {...p} /> },
  { id: 'files', label: 'Files', render: gated('containers.filesList', 'Browsing files', FilesTab) },
  { id: 'inspect', label: 'Inspect', render: (p) => <InspectTab {...p} /> },
];
