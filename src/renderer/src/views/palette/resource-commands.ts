import type { HostView, ImageSummary, NetworkSummary, SearchKind, VolumeSummary } from '@shared/contract';
import { actionText, actionsFor } from '../../actions/define';
import { IMAGE_ACTIONS } from '../../actions/image-actions';
import { NETWORK_ACTIONS } from '../../actions/network-actions';
import { VOLUME_ACTIONS } from '../../actions/volume-actions';
import type { Command, PickItem } from '../../lib/commands';
import { formatBytes } from '../../lib/format';
import { imageLabel } from '../../lib/image-label';
import { checkPolicy } from '../../lib/policy';
import { useImagesStore } from '../../stores/images';
import { useMobilityStore } from '../../stores/mobility';
import { useNetworksStore } from '../../stores/networks';
import { usePaletteStore } from '../../stores/palette';
import { useVolumesStore } from '../../stores/volumes';

/** The part of a descriptor the palette reads: words, policy, whether it applies to an item. */
interface RowAction<Item> {
  id: string;
  method: string;
  label: string;
  failed: string;
  confirm?: string;
  unavailable?: string;
  appliesTo(item: Item): boolean;
}

/** One kind of object whose row actions the palette offers: where its list is, how it opens them. */
interface ObjectKind<Item> {
  kind: SearchKind;
  noun: string;
  plural: string;
  actions: readonly RowAction<Item>[];
  /** The host's list, loaded when it has not been yet. */
  items(hostId: string): readonly Item[];
  key(item: Item): string;
  title(item: Item): string;
  detail(item: Item): string;
  /** Opens the action's dialog (the same one the row's button opens). */
  open(hostId: string, actionId: string, item: Item): void;
}

function listOf<Item>(
  store: {
    getState(): {
      byHost: Record<string, { items: Item[] } | undefined>;
      fetch(hostId: string): Promise<unknown>;
    };
  },
  hostId: string,
): readonly Item[] {
  const data = store.getState().byHost[hostId];
  if (!data) void store.getState().fetch(hostId);
  return data?.items ?? [];
}

const openDialog = usePaletteStore.getState;

const IMAGES: ObjectKind<ImageSummary> = {
  kind: 'image',
  noun: 'Image',
  plural: 'images',
  actions: actionsFor(IMAGE_ACTIONS, 'row'),
  items: (hostId) => listOf(useImagesStore, hostId),
  key: (i) => i.id,
  title: imageLabel,
  detail: (i) => `${formatBytes(i.size)} · ${i.containers} container${i.containers === 1 ? '' : 's'}`,
  open: (hostId, action, i) =>
    openDialog().openDialog({
      kind: 'image-action',
      hostId,
      action: action as keyof typeof IMAGE_ACTIONS,
      imageId: i.id,
    }),
};

const NETWORKS: ObjectKind<NetworkSummary> = {
  kind: 'network',
  noun: 'Network',
  plural: 'networks',
  actions: actionsFor(NETWORK_ACTIONS, 'row'),
  items: (hostId) => listOf(useNetworksStore, hostId),
  key: (n) => n.id,
  title: (n) => n.name,
  detail: (n) => `${n.driver} · ${n.scope}`,
  open: (hostId, _action, n) => openDialog().openDialog({ kind: 'network-remove', hostId, networkId: n.id }),
};

/** Browse opens the volume's file view, which lives in its section, not in a dialog. */
const VOLUME_PALETTE_ACTIONS = actionsFor(VOLUME_ACTIONS, 'row').filter((a) => a.id !== 'browse');

const VOLUMES: ObjectKind<VolumeSummary> = {
  kind: 'volume',
  noun: 'Volume',
  plural: 'volumes',
  actions: VOLUME_PALETTE_ACTIONS,
  items: (hostId) => listOf(useVolumesStore, hostId),
  key: (v) => v.name,
  title: (v) => v.name,
  detail: (v) => `${v.driver}${v.size !== null ? ` · ${formatBytes(v.size)}` : ''}`,
  open: (hostId, action, v) =>
    action === 'remove'
      ? openDialog().openDialog({ kind: 'volume-remove', hostId, volume: v.name })
      : useMobilityStore.getState().open({
          kind: action as 'volume-copy' | 'volume-backup' | 'volume-restore',
          hostId,
          volume: v.name,
        }),
};

function kindCommands<Item>(kind: ObjectKind<Item>, host: HostView): Command[] {
  return kind.actions.map((a) => {
    const verdict = checkPolicy(host.policy, a.method);
    return {
      id: `${kind.plural}.row.${a.id}`,
      title: `${kind.noun}: ${actionText(a)}`,
      section: 'Current host',
      detail: `on ${host.name}`,
      keywords: [kind.plural, a.id],
      ...(verdict.ok ? {} : { disabled: verdict.reason }),
      run: () => ({
        heading: `${a.label} · ${kind.plural} on ${host.name}`,
        placeholder: `${kind.noun} to ${a.failed}`,
        empty: `No ${kind.plural} on ${host.name}.`,
        items: (): PickItem[] =>
          kind.items(host.id).map((item) => ({
            id: kind.key(item),
            title: kind.title(item),
            detail: kind.detail(item),
            kind: kind.kind,
            ...(a.appliesTo(item) ? {} : { disabled: a.unavailable ?? `${a.label} does not apply` }),
            run: () => kind.open(host.id, a.id, item),
          })),
      }),
    };
  });
}

/**
 * The row actions of the current host's images, networks and volumes, read from their descriptor
 * tables as the rows read them: the same words, the same policy verdict (a refused one is listed
 * greyed with the reason), and the same dialog to confirm.
 */
export function resourceActionCommands(host: HostView): Command[] {
  return [...kindCommands(IMAGES, host), ...kindCommands(NETWORKS, host), ...kindCommands(VOLUMES, host)];
}
