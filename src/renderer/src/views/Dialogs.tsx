import { useHostsStore } from '../stores/hosts';
import { useUiStore } from '../stores/ui';
import { DesktopDialogs } from './desktop/DesktopDialogs';
import { ConnectionLogDialog } from './hosts/ConnectionLogDialog';
import { HostFormDialog } from './hosts/HostFormDialog';
import { RemoveHostDialog } from './hosts/RemoveHostDialog';
import { UpdateDialog } from './fleet/UpdateDialog';
import { MobilityDialogs } from './mobility/MobilityDialogs';
import { usePick } from '../hooks/usePick';

/** App-level dialogs opened through the ui store. */
export function Dialogs() {
  const hosts = useHostsStore((s) => s.hosts);
  const { hostForm, removeHostId, logHostId } = usePick(useUiStore, 'hostForm', 'removeHostId', 'logHostId');
  const { closeHostForm, askRemoveHost, showLog } = useUiStore.getState();

  const editHost = hostForm?.mode === 'edit' ? hosts.find((h) => h.id === hostForm.hostId) : undefined;
  const removeHost = removeHostId ? hosts.find((h) => h.id === removeHostId) : undefined;
  const logHost = logHostId ? hosts.find((h) => h.id === logHostId) : undefined;

  return (
    <>
      {hostForm?.mode === 'add' && <HostFormDialog onClose={closeHostForm} />}
      {hostForm?.mode === 'edit' && editHost && (
        <HostFormDialog key={editHost.id} host={editHost} onClose={closeHostForm} />
      )}
      {removeHost && <RemoveHostDialog host={removeHost} onClose={() => askRemoveHost(undefined)} />}
      {logHost && <ConnectionLogDialog host={logHost} onClose={() => showLog(undefined)} />}
      <DesktopDialogs />
      <UpdateDialog />
      <MobilityDialogs />
    </>
  );
}
