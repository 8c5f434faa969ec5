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

/** A per-host list store (stores/resource-store.ts) of one kind of object. */
interface ListStore<Item> {
  getState(): {
    byHost: Record<string, { items: Item[] } | undefined>;
    fetch(hostId: string): Promise<unknown>;
  };
}

/** One kind of object whose row actions the palette offers: where its list is, how it opens them. */
interface ObjectKind<Item> {
  /** Also its name in the palette's words: "Image: Remove…", "images on host". */
  kind: SearchKind;
  actions: readonly RowAction<Item>[];
  store: ListStore<Item>;
  key(item: Item): string;
  title(item: Item): string;
  detail(item: Item): string;
  /** Opens the action's dialog (the same one the row's button opens). */
  open(hostId: string, actionId: string, item: Item): void;
}

/** The host's list, loaded when it has not been yet. */
function listOf<Item>(store: ListStore<Item>, hostId: string): readonly Item[] {
  const data = store.getState().byHost[hostId];
  if (!data) void store.getState().fetch(hostId);
  return data?.items ?? [];
}

const openDialog = usePaletteStore.getState;

const IMAGES: ObjectKind<ImageSummary> = {
  kind: 'image',
  actions: actionsFor(IMAGE_ACTIONS, 'row'),
  store: useImagesStore,
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
  actions: actionsFor(NETWORK_ACTIONS, 'row'),
  store: useNetworksStore,
  key: (n) => n.id,
  title: (n) => n.name,
  detail: (n) => `${n.driver} · ${n.scope}`,
  open: (hostId, _action, n) => openDialog().openDialog({ kind: 'network-remove', hostId, networkId: n.id }),
};

/** Browse opens the volume's file view, which lives in its section, not in a dialog. */
const VOLUME_PALETTE_ACTIONS = actionsFor(VOLUME_ACTIONS, 'row').filter((a) => a.id !== 'browse');

const VOLUMES: ObjectKind<VolumeSummary> = {
  kind: 'volume',
  actions: VOLUME_PALETTE_ACTIONS,
  store: useVolumesStore,
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
  const noun = kind.kind.charAt(0).toUpperCase() + kind.kind.slice(1);
  const plural = `${kind.kind}s`;
  return kind.actions.map((a) => {
    const verdict = checkPolicy(host.policy, a.method);
    return {
      id: `${plural}.row.${a.id}`,
      title: `${noun}: ${actionText(a)}`,
      section: 'Current host',
      detail: `on ${host.name}`,
      keywords: [plural, a.id],
      ...(verdict.ok ? {} : { disabled: verdict.reason }),
      run: () => ({
        heading: `${a.label} · ${plural} on ${host.name}`,
        placeholder: `${noun} to ${a.failed}`,
        empty: `No ${plural} on ${host.name}.`,
        items: (): PickItem[] =>
          listOf(kind.store, host.id).map((item) => ({
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
