import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiLogEntry } from '@shared/contract';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { requestProxy } from './support/request-proxy';
import { startResourcesRig, type ResourcesRig } from './support/resources-backend';

/**
 * Create calls carry their options in the JSON body only: dockerode also writes every create
 * option into the URL query (Env with its secrets, labels, commands), where proxies, engine debug
 * logs and access logs keep them. Checked on the wire (a proxy in front of the engine) and in the
 * app's own API log.
 */

let lab: Lab;
let rig: ResourcesRig;
let proxy: Awaited<ReturnType<typeof requestProxy>>;
let hostId: string;
const SECRET = `sek-${Math.random().toString(36).slice(2)}-value`;
const made: Array<[kind: 'container' | 'network' | 'volume', name: string]> = [];

beforeAll(async () => {
  lab = loadLab();
  rig = await startResourcesRig(lab);
  proxy = await requestProxy(lab.engineA.socketPath);
  hostId = await rig.addHost('proxied', { kind: 'socket', socketPath: proxy.socketPath });
});

afterAll(async () => {
  for (const [kind, name] of made.reverse()) {
    const args = kind === 'container' ? ['rm', '-fv', name] : [kind, 'rm', name];
    await docker(lab.engineA.socketPath, ...args).catch(() => undefined);
  }
  await rig?.close();
  await proxy?.close();
});

/** The query parameter names of the wire requests to `path` (e.g. "/containers/create"). */
function wireQueries(path: string): string[][] {
  return proxy.lines
    .map((l) => /^POST \/v1\.\d+(\/[^?]*)(\?.*)?$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null && m[1] === path)
    .map((m) => [...new URLSearchParams(m[2] ?? '').keys()]);
}

async function logged(path: string): Promise<ApiLogEntry[]> {
  const list = await rig.api.apilog.list({ hostId, limit: 20_000 });
  return list.filter((e) => e.method === 'POST' && e.path.endsWith(path));
}

function noSecretOnTheWire(): void {
  for (const line of proxy.lines) {
    expect(line).not.toContain(SECRET);
    expect(decodeURIComponent(line)).not.toContain(SECRET);
  }
}

describe('create options never go into the URL', () => {
  it('run container: only name (and platform) in the query; Env with a secret only in the body', async () => {
    const name = uniqueName('bm-query');
    made.push(['container', name]);
    await rig.api.containers.create({
      hostId,
      start: false,
      spec: {
        image: lab.image,
        name,
        env: [`API_TOKEN=${SECRET}`, 'PLAIN=1'],
        ports: [],
        mounts: [],
        restartPolicy: { name: 'no' },
        labels: { 'berthmaster.test': '1' },
        tty: false,
        interactive: false,
        autoRemove: false,
        cmd: ['sleep', '30'],
      },
    });
    expect(wireQueries('/containers/create')).toEqual([['name']]);
    noSecretOnTheWire();
    const [entry] = await logged('/containers/create');
    expect(entry?.query).toEqual([['name', name]]);
    // The engine still got the whole config from the body.
    const env = await docker(lab.engineA.socketPath, 'inspect', '-f', '{{json .Config.Env}}', name);
    expect(env).toContain(`API_TOKEN=${SECRET}`);
  });

  it('create network and create volume: no query at all', async () => {
    const net = uniqueName('bm-query-net');
    const vol = uniqueName('bm-query-vol');
    made.push(['network', net], ['volume', vol]);
    await rig.api.networks.create({
      hostId,
      name: net,
      driver: 'bridge',
      labels: { 'berthmaster.test': '1', token: SECRET },
    });
    await rig.api.volumes.create({
      hostId,
      name: vol,
      driver: 'local',
      labels: { 'berthmaster.test': '1', token: SECRET },
    });
    expect(wireQueries('/networks/create')).toEqual([[]]);
    expect(wireQueries('/volumes/create')).toEqual([[]]);
    noSecretOnTheWire();
    expect((await logged('/networks/create'))[0]?.query).toEqual([]);
    expect((await logged('/volumes/create'))[0]?.query).toEqual([]);
    const labels = await docker(lab.engineA.socketPath, 'volume', 'inspect', '-f', '{{json .Labels}}', vol);
    expect(labels).toContain(SECRET);
  });

  it("every dockerode create on the app's engine client (stacks, mobility, helpers) keeps the body out of the URL", async () => {
    const { docker: client } = await rig.backend.hosts.client(hostId);
    const name = uniqueName('bm-query-raw');
    const net = uniqueName('bm-query-rawnet');
    const vol = uniqueName('bm-query-rawvol');
    made.push(['container', name], ['network', net], ['volume', vol]);
    const before = proxy.lines.length;
    await client.createContainer({
      name,
      Image: lab.image,
      Env: [`DB_PASSWORD=${SECRET}`],
      Cmd: ['true'],
      Labels: { 'berthmaster.test': '1' },
    });
    await client.createNetwork({ Name: net, Labels: { 'berthmaster.test': '1', k: SECRET } });
    await client.createVolume({ Name: vol, Labels: { 'berthmaster.test': '1', k: SECRET } });
    const lines = proxy.lines.slice(before).filter((l) => l.startsWith('POST '));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^POST /v1\\.\\d+/containers/create\\?name=${name}$`));
    expect(lines[1]).toMatch(/^POST \/v1\.\d+\/networks\/create$/);
    expect(lines[2]).toMatch(/^POST \/v1\.\d+\/volumes\/create$/);
    noSecretOnTheWire();
    const env = await docker(lab.engineA.socketPath, 'inspect', '-f', '{{json .Config.Env}}', name);
    expect(env).toContain(`DB_PASSWORD=${SECRET}`);
  });
});
