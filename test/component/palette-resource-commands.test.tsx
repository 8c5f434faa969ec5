import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostView, ImageSummary, NetworkSummary, VolumeSummary } from '@shared/contract';

// The palette's reading of the descriptor tables over a fake transport: what the engine decides is
// not in question here (the e2e palette spec removes a real volume).
vi.mock('../../src/renderer/src/rpc/api', () => import('./recording-api'));
const { calls, resetInvoke } = await import('./recording-api');

const { resourceActionCommands } = await import('../../src/renderer/src/views/palette/resource-commands');
const { PaletteDialogs } = await import('../../src/renderer/src/views/PaletteDialogs');
const { PaletteList } = await import('../../src/renderer/src/views/palette/PaletteList');
const { buildRows } = await import('../../src/renderer/src/views/palette/rows');
const { useHostsStore } = await import('../../src/renderer/src/stores/hosts');
const { useImagesStore, EMPTY_HOST_IMAGES } = await import('../../src/renderer/src/stores/images');
const { useNetworksStore, EMPTY_HOST_NETWORKS } = await import('../../src/renderer/src/stores/networks');
const { useVolumesStore, EMPTY_HOST_VOLUMES } = await import('../../src/renderer/src/stores/volumes');
const { useMobilityStore } = await import('../../src/renderer/src/stores/mobility');
const { usePaletteStore } = await import('../../src/renderer/src/stores/palette');
const { checkPolicy } = await import('../../src/renderer/src/lib/policy');
const { button, cleanup, render } = await import('./render');

function host(policy: HostView['policy']): HostView {
  return {
    id: 'h1',
    name: 'alpha',
    color: '#3b82f6',
    endpoint: { kind: 'socket', socketPath: '/var/run/docker.sock' } as HostView['endpoint'],
    policy,
    production: false,
    labels: [],
  };
}

const tagged: ImageSummary = {
  id: 'sha256:aaaaaaaaaaaaaaaa',
  repoTags: ['web:1'],
  repoDigests: [],
  size: 1000,
  created: 0,
  containers: 0,
  dangling: false,
  labels: {},
};
const dangling: ImageSummary = { ...tagged, id: 'sha256:bbbbbbbbbbbbbbbb', repoTags: [], dangling: true };
const network = {
  id: 'n1',
  name: 'backend',
  driver: 'bridge',
  scope: 'local',
  containerCount: 2,
  builtin: false,
} as unknown as NetworkSummary;
const volume = { name: 'data', driver: 'local', size: 2048 } as unknown as VolumeSummary;

beforeEach(() => {
  resetInvoke();
  useImagesStore.setState({ byHost: { h1: { ...EMPTY_HOST_IMAGES, items: [tagged, dangling] } } });
  useNetworksStore.setState({ byHost: { h1: { ...EMPTY_HOST_NETWORKS, items: [network] } } });
  useVolumesStore.setState({ byHost: { h1: { ...EMPTY_HOST_VOLUMES, items: [volume] } } });
  usePaletteStore.setState({ dialog: undefined });
});
afterEach(cleanup);

const byTitle = (h: HostView, title: string) => {
  const c = resourceActionCommands(h).find((x) => x.title === title);
  if (!c) throw new Error(`no command "${title}"`);
  return c;
};

describe('palette: image, network and volume row actions', () => {
  it('lists each row action with its button words, and greys those the policy refuses with its reason', () => {
    const titles = resourceActionCommands(host('full')).map((c) => c.title);
    expect(titles).toEqual([
      'Image: Tag…',
      'Image: Push…',
      'Image: Copy to another host…',
      'Image: Save to a file…',
      'Image: Remove…',
      'Network: Remove…',
      'Volume: Copy to another host…',
      'Volume: Back up to a file…',
      'Volume: Restore from a file…',
      'Volume: Remove…',
    ]);
    expect(resourceActionCommands(host('full')).every((c) => c.disabled === undefined)).toBe(true);

    const restricted = host('restricted');
    const refusal = checkPolicy('restricted', 'images.remove');
    expect(refusal.ok).toBe(false);
    expect(byTitle(restricted, 'Image: Remove…').disabled).toBe(!refusal.ok && refusal.reason);
    expect(byTitle(restricted, 'Network: Remove…').disabled).toMatch(/Restricted host/);
    expect(byTitle(restricted, 'Image: Tag…').disabled).toBeUndefined();

    // The palette draws a refused command greyed, and Enter/click do not run it.
    const rows = buildRows({
      query: '',
      commands: resourceActionCommands(restricted),
      hits: [],
      hosts: [],
      mac: false,
    });
    const onRun = vi.fn();
    const el = render(
      <PaletteList
        id="p"
        rows={rows}
        activeIndex={0}
        optionId={(i) => `p-${i}`}
        onHover={() => {}}
        onRun={onRun}
      />,
    );
    const remove = [...el.querySelectorAll('[role="option"]')].find((o) =>
      o.textContent?.includes('Image: Remove…'),
    );
    expect(remove?.getAttribute('aria-disabled')).toBe('true');
    expect(remove?.textContent).toContain('Restricted host');
  });

  it('picks an image: an action that does not apply is greyed with its reason; a pick opens the row dialog', () => {
    const push = byTitle(host('full'), 'Image: Push…').run();
    if (!push) throw new Error('expected a picker');
    const items = push.items();
    expect(items.map((i) => [i.title, i.disabled])).toEqual([
      ['web:1', undefined],
      ['<none> bbbbbbbbbbbb', 'Push: the image needs a tag first'],
    ]);
    items[0]?.run();
    expect(usePaletteStore.getState().dialog).toEqual({
      kind: 'image-action',
      hostId: 'h1',
      action: 'push',
      imageId: tagged.id,
    });
  });

  it('confirms a network removal in the row dialog, then calls networks.remove', async () => {
    useHostsStore.setState({ hosts: [host('full')] });
    const picker = byTitle(host('full'), 'Network: Remove…').run();
    if (!picker) throw new Error('expected a picker');
    act(() => picker.items()[0]?.run());
    const el = render(<PaletteDialogs />);
    const doc = el.ownerDocument;
    expect(doc.body.textContent).toContain('Remove network backend?');
    expect(doc.body.textContent).toContain('2 containers are still attached.');
    expect(calls).toEqual([]);
    await act(async () => button(doc.body, 'Remove').click());
    expect(calls).toEqual([{ method: 'networks.remove', input: { hostId: 'h1', id: 'n1' } }]);
  });

  it('opens the volume mobility dialogs and the removal confirmation as the row does', () => {
    const open = vi.spyOn(useMobilityStore.getState(), 'open');
    const backup = byTitle(host('full'), 'Volume: Back up to a file…').run();
    backup?.items()[0]?.run();
    expect(open).toHaveBeenCalledWith({ kind: 'volume-backup', hostId: 'h1', volume: 'data' });
    byTitle(host('full'), 'Volume: Remove…').run()?.items()[0]?.run();
    expect(usePaletteStore.getState().dialog).toEqual({
      kind: 'volume-remove',
      hostId: 'h1',
      volume: 'data',
    });
  });
});
