import type { HostView } from '@shared/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useAction } from '../../hooks/useMutation';
import { useHostsStore } from '../../stores/hosts';

export interface RemoveHostDialogProps {
  host: HostView;
  onClose(): void;
}

/** "Remove host?" — forgets the host; nothing on the engine changes. */
export function RemoveHostDialog({ host, onClose }: RemoveHostDialogProps) {
  const remove = useAction(
    useHostsStore((s) => s.remove),
    { holdBusyOnSuccess: true },
  );
  const { busy, error } = remove;

  const confirm = async () => {
    if ((await remove.run(host.id)).ok) onClose();
  };

  return (
    <ConfirmDialog
      title="Remove host?"
      confirmLabel="Remove"
      danger
      busy={busy}
      busyLabel="Removing…"
      error={error}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      <p>
        Remove <strong>{host.name}</strong> from Berthmaster? Its containers keep running; only the connection
        settings (and stored keys) are deleted.
      </p>
    </ConfirmDialog>
  );
}
