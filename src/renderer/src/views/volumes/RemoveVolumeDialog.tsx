import type { HostView, VolumeSummary } from '@shared/contract';
import { ConfirmActionDialog } from '../../components/ConfirmActionDialog';
import { VOLUME_ACTIONS } from '../../actions/volume-actions';
import { formatBytes } from '../../lib/format';
import { useVolumesStore } from '../../stores/volumes';

/** "Remove volume x?" and the removal: the row's Remove and the palette's open this one dialog. */
export function RemoveVolumeDialog({
  host,
  volume,
  onClose,
}: {
  host: HostView;
  volume: VolumeSummary;
  onClose(): void;
}) {
  return (
    <ConfirmActionDialog
      action={VOLUME_ACTIONS.remove}
      target={{ hostId: host.id, name: volume.name }}
      options={{}}
      subject={`volume ${volume.name}`}
      refetch={() => void useVolumesStore.getState().fetch(host.id)}
      onClose={onClose}
    >
      <p>
        Its data{volume.size !== null ? ` (${formatBytes(volume.size)})` : ''} is deleted from {host.name} and
        cannot be recovered.
      </p>
    </ConfirmActionDialog>
  );
}
