import { useHostsStore } from '../stores/hosts';
import { usePaletteStore } from '../stores/palette';
import { PruneDialog as PruneContainersDialog } from './containers/dialogs/PruneDialog';
import { PruneDialog as PruneImagesDialog } from './images/PruneDialog';
import { PullDialog } from './images/PullDialog';

/**
 * The dialogs palette commands open. They are the views' own dialogs, rendered here because the
 * views keep theirs in local state; each refreshes its lists through engine events.
 */
export function PaletteDialogs() {
  const dialog = usePaletteStore((s) => s.dialog);
  const close = usePaletteStore((s) => s.closeDialog);
  const host = useHostsStore((s) => s.hosts.find((h) => h.id === dialog?.hostId));
  if (!dialog || !host) return null;
  switch (dialog.kind) {
    case 'pull-image':
      return <PullDialog host={host} onClose={close} />;
    case 'prune-images':
      return <PruneImagesDialog host={host} onClose={close} />;
    case 'prune-containers':
      return <PruneContainersDialog hostId={host.id} hostName={host.name} onClose={close} />;
  }
}
