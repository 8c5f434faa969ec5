import { useState } from 'react';
import type { AppErrorShape, HostView } from '@shared/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { toErrorShape } from '../../lib/errors';
import { useHostsStore } from '../../stores/hosts';

export interface RemoveHostDialogProps {
  host: HostView;
  onClose(): void;
}

/** "Remove host?" — forgets the host; nothing on the engine changes. */
export function RemoveHostDialog({ host, onClose }: RemoveHostDialogProps) {
  const remove = useHostsStore((s) => s.remove);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape>();

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await remove(host.id);
      onClose();
    } catch (e) {
      setBusy(false);
      setError(toErrorShape(e));
    }
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
