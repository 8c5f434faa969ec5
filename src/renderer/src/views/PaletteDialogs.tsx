import { useHostsStore } from '../stores/hosts';
import { useImagesStore } from '../stores/images';
import { useNetworksStore } from '../stores/networks';
import { usePaletteStore, type PaletteDialog } from '../stores/palette';
import { useVolumesStore } from '../stores/volumes';
import { PruneDialog as PruneContainersDialog } from './containers/dialogs/PruneDialog';
import { PruneDialog as PruneImagesDialog } from './images/PruneDialog';
import { PullDialog } from './images/PullDialog';
import { ImageActionDialog } from './images/ImageActionDialog';
import { RemoveNetworkDialog } from './networks/RemoveNetworkDialog';
import { RemoveVolumeDialog } from './volumes/RemoveVolumeDialog';

/** The image, network or volume a palette dialog acts on, from its host's list (gone: none). */
function useTarget(dialog: PaletteDialog | undefined) {
  const image = useImagesStore((s) =>
    dialog?.kind === 'image-action'
      ? s.byHost[dialog.hostId]?.items.find((i) => i.id === dialog.imageId)
      : undefined,
  );
  const network = useNetworksStore((s) =>
    dialog?.kind === 'network-remove'
      ? s.byHost[dialog.hostId]?.items.find((n) => n.id === dialog.networkId)
      : undefined,
  );
  const volume = useVolumesStore((s) =>
    dialog?.kind === 'volume-remove'
      ? s.byHost[dialog.hostId]?.items.find((v) => v.name === dialog.volume)
      : undefined,
  );
  return { image, network, volume };
}

/**
 * The dialogs palette commands open. They are the views' own dialogs, rendered here because the
 * views keep theirs in local state; each refreshes its lists through engine events.
 */
export function PaletteDialogs() {
  const dialog = usePaletteStore((s) => s.dialog);
  const close = usePaletteStore((s) => s.closeDialog);
  const host = useHostsStore((s) => s.hosts.find((h) => h.id === dialog?.hostId));
  const { image, network, volume } = useTarget(dialog);
  if (!dialog || !host) return null;
  switch (dialog.kind) {
    case 'pull-image':
      return <PullDialog host={host} onClose={close} />;
    case 'prune-images':
      return <PruneImagesDialog host={host} onClose={close} />;
    case 'prune-containers':
      return <PruneContainersDialog hostId={host.id} hostName={host.name} onClose={close} />;
    case 'image-action':
      return image ? (
        <ImageActionDialog host={host} action={dialog.action} image={image} onClose={close} />
      ) : null;
    case 'network-remove':
      return network ? <RemoveNetworkDialog host={host} network={network} onClose={close} /> : null;
    case 'volume-remove':
      return volume ? <RemoveVolumeDialog host={host} volume={volume} onClose={close} /> : null;
  }
}
