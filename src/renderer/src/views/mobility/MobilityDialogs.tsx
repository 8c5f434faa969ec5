import { useHostsStore } from '../../stores/hosts';
import { useMobilityStore } from '../../stores/mobility';
import { ContainerTransferDialog } from './ContainerTransferDialog';
import { ForwardDialog } from './ForwardDialog';
import { StackTransferDialog } from './StackTransferDialog';
import { VolumeCopyDialog } from './VolumeCopyDialog';
import { VolumeFileDialog } from './VolumeFileDialog';

/** The open "move work between hosts" dialog, whichever view asked for it. */
export function MobilityDialogs() {
  const dialog = useMobilityStore((s) => s.dialog);
  const close = useMobilityStore((s) => s.close);
  const host = useHostsStore((s) => s.hosts.find((h) => h.id === dialog?.hostId));
  if (!dialog || !host) return null;
  switch (dialog.kind) {
    case 'volume-copy':
      return <VolumeCopyDialog host={host} volume={dialog.volume} onClose={close} />;
    case 'volume-backup':
    case 'volume-restore':
      return (
        <VolumeFileDialog
          host={host}
          volume={dialog.volume}
          mode={dialog.kind === 'volume-backup' ? 'backup' : 'restore'}
          onClose={close}
        />
      );
    case 'container-move':
    case 'container-clone':
      return (
        <ContainerTransferDialog
          host={host}
          containerId={dialog.containerId}
          name={dialog.name}
          mode={dialog.kind === 'container-move' ? 'move' : 'clone'}
          onClose={close}
        />
      );
    case 'stack-transfer':
      return <StackTransferDialog host={host} project={dialog.project} onClose={close} />;
    case 'forward':
      return (
        <ForwardDialog
          host={host}
          containerId={dialog.containerId}
          name={dialog.name}
          port={dialog.port}
          autoStart={dialog.openAfter}
          onClose={close}
        />
      );
  }
}
