import type { HostView, NetworkSummary } from '@shared/contract';
import { ConfirmActionDialog } from '../../components/ConfirmActionDialog';
import { NETWORK_ACTIONS } from '../../actions/network-actions';
import { useNetworksStore } from '../../stores/networks';

/** "Remove network x?" and the removal: the row's Remove and the palette's open this one dialog. */
export function RemoveNetworkDialog({
  host,
  network,
  onClose,
}: {
  host: HostView;
  network: NetworkSummary;
  onClose(): void;
}) {
  return (
    <ConfirmActionDialog
      action={NETWORK_ACTIONS.remove}
      target={{ hostId: host.id, id: network.id }}
      options={{}}
      subject={`network ${network.name}`}
      refetch={() => void useNetworksStore.getState().fetch(host.id)}
      onClose={onClose}
    >
      <p>
        The network {network.name} is deleted from {host.name}.
        {network.containerCount > 0 &&
          ` ${network.containerCount} container${network.containerCount === 1 ? ' is' : 's are'} still attached.`}
      </p>
    </ConfirmActionDialog>
  );
}
