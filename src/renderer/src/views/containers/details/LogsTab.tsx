import type { HostView } from '@shared/contract';
import { LogViewer } from '../../../components/log-viewer/LogViewer';
import type { DetailsTarget } from '../../../stores/details';

/** The Logs tab of the container details view. Keyed by container so a new one starts clean. */
export function LogsTab({ host, target }: { host: HostView; target: DetailsTarget }) {
  return (
    <LogViewer
      key={`${host.id}/${target.containerId}`}
      hostId={host.id}
      containerId={target.containerId}
      containerName={target.name}
    />
  );
}
