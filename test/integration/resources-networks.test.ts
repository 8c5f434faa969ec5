import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingProxy } from './support/counting-proxy';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { rejection, startResourcesRig, type ResourcesRig } from './support/resources-backend';

const ENGINES = [
  { index: 0, name: 'A (socket)' },
  { index: 1, name: 'B (TLS)' },
];

let lab: Lab;
let rig: ResourcesRig;
/** [socketPath, kind, name] of everything this file made, removed at the end whatever happens. */
const made: Array<[string, 'container' | 'network', string]> = [];

beforeAll(async () => {
  lab = loadLab();
  rig = await startResourcesRig(lab);
});

afterAll(async () => {
  for (const [sock, kind, name] of made.reverse()) {
    if (kind === 'container') await docker(sock, 'rm', '-f', name).catch(() => undefined);
    else await docker(sock, 'network', 'rm', name).catch(() => undefined);
  }
  await rig?.close();
});

/** Creates a bridge network on a free random 10.x.y.0/24 (other tests share the engines). */
async function createTestNetwork(
  hostId: string,
  socketPath: string,
  extraLabels: Record<string, string> = {},
) {
  const name = uniqueName('it-net');
  for (let attempt = 0; ; attempt++) {
    const third = 1 + Math.floor(Math.random() * 250);
    const second = 180 + Math.floor(Math.random() * 60);
    const prefix = `10.${second}.${third}`;
    try {
      await rig.api.networks.create({
        hostId,
        name,
        driver: 'bridge',
        ipam: [{ subnet: `${prefix}.0/24`, gateway: `${prefix}.1` }],
        labels: { 'berthmaster.test': '1', ...extraLabels },
      });
      made.push([socketPath, 'network', name]);
      return { name, prefix };
    } catch (e) {
      // Pool overlaps with a network someone else made: try another block.
      if (attempt > 5 || (e as { code?: string }).code !== 'CONFLICT') throw e;
    }
  }
}

async function runSleeper(socketPath: string) {
  const name = uniqueName('it-net-c');
  await docker(
    socketPath,
    'run',
    '-d',
    '--label',
    'berthmaster.test=1',
    '--name',
    name,
    lab.image,
    'sleep',
    '600',
  );
  made.push([socketPath, 'container', name]);
  return name;
}

describe.each(ENGINES)('networks on engine $name', ({ index }) => {
  it('creates with a subnet, connects with an alias and a static IP, disconnects, removes', async () => {
    const { hostId, socketPath } = rig.engines[index] as ResourcesRig['engines'][number];
    const { name, prefix } = await createTestNetwork(hostId, socketPath);
    expect(await docker(socketPath, 'network', 'inspect', '-f', '{{json .IPAM.Config}}', name)).toContain(
      `"Subnet":"${prefix}.0/24"`,
    );

    const container = await runSleeper(socketPath);
    await rig.api.networks.connect({
      hostId,
      id: name,
      container,
      aliases: ['web-alias'],
      ipv4: `${prefix}.50`,
    });
    const endpoint = JSON.parse(
      await docker(
        socketPath,
        'inspect',
        '-f',
        `{{json (index .NetworkSettings.Networks "${name}")}}`,
        container,
      ),
    ) as { IPAddress: string; Aliases: string[] };
    expect(endpoint.IPAddress).toBe(`${prefix}.50`);
    expect(endpoint.Aliases).toContain('web-alias');

    const listed = (await rig.api.networks.list({ hostId })).find((n) => n.name === name);
    expect(listed).toMatchObject({ driver: 'bridge', containerCount: 1, builtin: false });
    expect(listed?.subnets).toEqual([{ subnet: `${prefix}.0/24`, gateway: `${prefix}.1` }]);
    const details = await rig.api.networks.details({ hostId, id: name });
    expect(details.containers).toEqual([
      expect.objectContaining({ name: container, ipv4: `${prefix}.50`, aliases: ['web-alias'] }),
    ]);
    expect(details.inspect).toMatchObject({ Name: name });

    // In use: refused, and the message names the container.
    const inUse = await rejection(rig.api.networks.remove({ hostId, id: name }));
    expect(inUse.code).toBe('CONFLICT');
    expect(inUse.message).toContain(container);
    expect(inUse.message).toMatch(/in use/);

    await rig.api.networks.disconnect({ hostId, id: name, container });
    expect(
      await docker(socketPath, 'inspect', '-f', '{{json .NetworkSettings.Networks}}', container),
    ).not.toContain(name);
    await rig.api.networks.remove({ hostId, id: name });
    await expect(docker(socketPath, 'network', 'inspect', name)).rejects.toThrow();
  });

  it('refuses a static IP outside the subnet, saying which subnet', async () => {
    const { hostId, socketPath } = rig.engines[index] as ResourcesRig['engines'][number];
    const { name, prefix } = await createTestNetwork(hostId, socketPath);
    const container = await runSleeper(socketPath);
    const err = await rejection(
      rig.api.networks.connect({ hostId, id: name, container, ipv4: '192.0.2.10', aliases: [] }),
    );
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain(`${prefix}.0/24`);
    expect(
      await docker(socketPath, 'inspect', '-f', '{{json .NetworkSettings.Networks}}', container),
    ).not.toContain(name);
  });
});

describe('networks: refusals and prune', () => {
  it('refuses to remove a built-in network, and bad addressing, before any engine request', async () => {
    const proxy = await countingProxy(lab.engineA.socketPath);
    try {
      const hostId = await rig.addHost('counted', { kind: 'socket', socketPath: proxy.socketPath });
      const before = proxy.requests;
      for (const id of ['bridge', 'host', 'none']) {
        const err = await rejection(rig.api.networks.remove({ hostId, id }));
        expect(err.code).toBe('CONFLICT');
        expect(err.message).toBe(`"${id}" is a built-in network of the engine and cannot be removed.`);
      }
      const bad = await rejection(
        rig.api.networks.create({
          hostId,
          name: uniqueName('it-bad'),
          driver: 'bridge',
          ipam: [{ subnet: '10.250.0.0/24', gateway: '10.251.0.1' }],
        }),
      );
      expect(bad.code).toBe('INVALID_INPUT');
      expect(bad.message).toMatch(/gateway 10\.251\.0\.1 is not inside the subnet 10\.250\.0\.0\/24/);
      expect(proxy.requests).toBe(before);
      // The engine still has its bridge network.
      expect(await docker(lab.engineA.socketPath, 'network', 'inspect', '-f', '{{.Name}}', 'bridge')).toBe(
        'bridge',
      );
      await rig.api.hosts.remove({ id: hostId });
    } finally {
      await proxy.close();
    }
  });

  it('marks the built-in networks in the list', async () => {
    const { hostId } = rig.engines[1] as ResourcesRig['engines'][number];
    const list = await rig.api.networks.list({ hostId });
    const builtins = list.filter((n) => n.builtin).map((n) => n.name);
    expect(builtins.sort()).toEqual(['bridge', 'host', 'none']);
    const caps = await rig.api.networks.capabilities({ hostId });
    expect(caps.swarmManager).toBe(false);
    expect(caps.drivers).toContain('bridge');
  });

  it('refuses an overlay network on a host that is not a swarm manager', async () => {
    const { hostId } = rig.engines[0] as ResourcesRig['engines'][number];
    const err = await rejection(
      rig.api.networks.create({ hostId, name: uniqueName('it-ov'), driver: 'overlay' }),
    );
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toMatch(/swarm manager/);
  });

  it('prunes only the unused networks carrying its label and lists them', async () => {
    const { hostId, socketPath } = rig.engines[1] as ResourcesRig['engines'][number];
    const scope = `berthmaster.test.prune=${uniqueName('p')}`;
    const [key, value] = scope.split('=') as [string, string];
    const doomed = await createTestNetwork(hostId, socketPath, { [key]: value });
    const kept = await createTestNetwork(hostId, socketPath);
    const { removed } = await rig.api.networks.prune({ hostId, labels: [scope] });
    expect(removed).toEqual([doomed.name]);
    await expect(docker(socketPath, 'network', 'inspect', doomed.name)).rejects.toThrow();
    expect(await docker(socketPath, 'network', 'inspect', '-f', '{{.Name}}', kept.name)).toBe(kept.name);
  });
});
