import { promises as fs } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError, HostPolicy, RunSpec } from '@shared/contract';
import { startTestBackend } from './support/backend';
import { engineEvents, eventsAbout } from './support/engine-events';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { connectWs } from './support/ws-client';

/**
 * The policies of SECURITY.md against the real engines, through the full backend behind the web
 * server (as browser mode runs it): every refusal is checked on the engine's own event log.
 */

let lab: Lab;
let t: Awaited<ReturnType<typeof startTestBackend>>;
let ws: Awaited<ReturnType<typeof connectWs>>;
let hostA: string;
let hostB: string;
let container = '';
const tag = uniqueName('berthmaster-test-policy');
const allowedDir = `/tmp/${uniqueName('berthmaster-test-binds')}`;
const made: string[] = [];

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a rejection');
}

const setPolicy = (id: string, policy: HostPolicy, allowedBindPaths: string[] = []) =>
  ws.api.hosts.update({ id, policy, allowedBindPaths });

const spec = (over: Partial<RunSpec> = {}): RunSpec => ({
  image: lab.image,
  cmd: ['sleep', '300'],
  env: [],
  ports: [],
  mounts: [],
  restartPolicy: { name: 'no' },
  labels: { 'berthmaster.test': '1' },
  tty: false,
  interactive: false,
  autoRemove: false,
  ...over,
});

beforeAll(async () => {
  lab = loadLab();
  await fs.mkdir(allowedDir, { recursive: true });
  t = await startTestBackend();
  ws = await connectWs(t.server.port, t.server.token);
  const first = (await ws.api.hosts.list({}))[0];
  if (!first) throw new Error('no first host');
  hostA = first.id;
  const b = await ws.api.hosts.add({
    name: 'lab-b',
    color: '#10b981',
    endpoint: {
      kind: 'tls',
      host: lab.engineB.tlsHost,
      port: lab.engineB.tlsPort,
      ca: await fs.readFile(lab.tls.ca, 'utf8'),
      cert: await fs.readFile(lab.tls.cert, 'utf8'),
      key: await fs.readFile(lab.tls.key, 'utf8'),
    },
  });
  hostB = b.id;
  container = uniqueName('berthmaster-test-policy-c');
  made.push(container);
  await docker(
    lab.engineA.socketPath,
    'run',
    '-d',
    '--name',
    container,
    '--label',
    'berthmaster.test=1',
    lab.image,
    'sleep',
    '300',
  );
  await docker(lab.engineA.socketPath, 'tag', lab.image, `${tag}:v1`);
});

afterAll(async () => {
  for (const n of made) await docker(lab.engineA.socketPath, 'rm', '-f', n).catch(() => undefined);
  await docker(lab.engineA.socketPath, 'rmi', `${tag}:v1`).catch(() => undefined);
  await docker(lab.engineB.socketPath, 'rmi', `${tag}:v1`).catch(() => undefined);
  ws?.socket.close();
  await t?.stop();
  await fs.rm(allowedDir, { recursive: true, force: true });
});

describe('every host a call names is judged', () => {
  it('images.copy into a read-only host is refused, and the target engine never hears of it', async () => {
    await setPolicy(hostA, 'full');
    await setPolicy(hostB, 'read-only');
    const since = Date.now();
    const err = await rejection(
      ws.api.images.copy({ hostId: hostA, targetHostId: hostB, references: [`${tag}:v1`] }),
    );
    const until = Date.now();
    expect(err.code).toBe('PERMISSION_DENIED');
    expect(err.message).toMatch(/lab-b \(read-only\) does not allow changes \(targetHostId\)/);
    expect(eventsAbout(await engineEvents(lab.engineB.socketPath, since, until), [tag])).toEqual([]);
    expect(eventsAbout(await engineEvents(lab.engineA.socketPath, since, until), [tag])).toEqual([]);
    await expect(docker(lab.engineB.socketPath, 'image', 'inspect', `${tag}:v1`)).rejects.toThrow();
    // The audit entry names both hosts.
    const entry = t.backend.audit.list(20).find((e) => e.action === 'images.copy');
    expect(entry).toMatchObject({
      hostId: hostA,
      outcome: 'error',
      otherHosts: [{ field: 'targetHostId', hostId: hostB, hostName: 'lab-b' }],
    });
  });

  it('registries.testLogin on a read-only host is refused before POST /auth', async () => {
    const err = await rejection(
      ws.api.registries.testLogin({
        hostId: hostB,
        address: lab.registry.address,
        username: 'u',
        secret: 'nope',
      }),
    );
    expect(err.code).toBe('PERMISSION_DENIED');
  });
});

describe('restricted is not root on the engine', () => {
  it('refuses host binds outside the allow-list, root and host namespaces, naming each field', async () => {
    await setPolicy(hostA, 'restricted', [allowedDir]);
    const names = [1, 2, 3, 4].map(() => uniqueName('berthmaster-test-restricted'));
    made.push(...names);
    const since = Date.now();
    const cases: Array<[RunSpec, RegExp]> = [
      [
        spec({ name: names[0], mounts: [{ type: 'bind', source: '/', target: '/host', readOnly: false }] }),
        /HostConfig\.Mounts\[0\]\.Source: bind mount of \/ is outside/,
      ],
      [spec({ name: names[1], user: '0:0' }), /User: running as 0:0 \(root\)/],
      [spec({ name: names[2], network: 'host' }), /HostConfig\.NetworkMode: the host's namespace/],
      [
        spec({
          name: names[3],
          mounts: [{ type: 'bind', source: `${allowedDir}/../../etc`, target: '/e', readOnly: true }],
        }),
        /outside the host's allowed paths/,
      ],
    ];
    for (const [s, why] of cases) {
      const err = await rejection(ws.api.containers.create({ hostId: hostA, spec: s, start: true }));
      expect(err.code).toBe('PERMISSION_DENIED');
      expect(err.message).toMatch(/\(restricted\)/);
      expect(err.message).toMatch(why);
    }
    const until = Date.now();
    expect(eventsAbout(await engineEvents(lab.engineA.socketPath, since, until), names)).toEqual([]);
  });

  it('allows what the policy allows: a bind inside the allow-list, an ordinary user', async () => {
    const name = uniqueName('berthmaster-test-restricted-ok');
    made.push(name);
    const res = await ws.api.containers.create({
      hostId: hostA,
      spec: spec({
        name,
        user: '1000',
        mounts: [{ type: 'bind', source: allowedDir, target: '/data', readOnly: true }],
      }),
      start: false,
    });
    const binds = await docker(
      lab.engineA.socketPath,
      'inspect',
      '-f',
      '{{json .HostConfig.Mounts}}',
      res.id,
    );
    expect(binds).toContain(allowedDir);
  });
});

describe('sessions follow the policy of their host', () => {
  it('a shell opened on a full host ends when the host becomes read-only, and cannot be reopened', async () => {
    await setPolicy(hostA, 'full');
    const s = await ws.api.exec.open({
      hostId: hostA,
      containerId: container,
      shell: ['sh'],
      cols: 80,
      rows: 24,
    });
    await ws.api.exec.input({ sessionId: s.id, data: 'echo hi\r' });
    const since = Date.now();
    await setPolicy(hostA, 'read-only');
    const ended = (await ws.api.exec.list({})).find((x) => x.id === s.id);
    expect(ended?.state).toBe('disconnected');
    expect(ended?.error).toMatchObject({ code: 'PERMISSION_DENIED' });
    expect(ended?.error?.message).toMatch(/now read-only, which does not allow shells/);
    expect((await rejection(ws.api.exec.input({ sessionId: s.id, data: 'id\r' }))).code).toBe(
      'PERMISSION_DENIED',
    );
    expect((await rejection(ws.api.exec.reopen({ sessionId: s.id }))).code).toBe('PERMISSION_DENIED');
    const until = Date.now();
    const execs = (await engineEvents(lab.engineA.socketPath, since, until)).filter(
      (e) => e.Action.startsWith('exec_create') || e.Action.startsWith('exec_start'),
    );
    expect(eventsAbout(execs, [container])).toEqual([]);
    await ws.api.exec.close({ sessionId: s.id });
  });

  it('an upload started on a full host is ended by a stricter policy, with the reason', async () => {
    await setPolicy(hostA, 'full');
    const file = uniqueName('upload');
    const { uploadId } = await ws.api.containers.filesUploadStart({
      hostId: hostA,
      id: container,
      path: '/tmp',
      files: [{ name: file, size: 4 }],
    });
    await setPolicy(hostA, 'restricted');
    const err = await rejection(
      ws.api.containers.filesUploadChunk({ uploadId, bytes: new Uint8Array([1, 2, 3, 4]) }),
    );
    expect(err.code).toBe('PERMISSION_DENIED');
    expect((await rejection(ws.api.containers.filesUploadFinish({ uploadId }))).code).toBe(
      'PERMISSION_DENIED',
    );
    await expect(docker(lab.engineA.socketPath, 'exec', container, 'ls', `/tmp/${file}`)).rejects.toThrow();
  });
});

describe('records and app methods', () => {
  it('a label named __proto__ is refused with a clear error; nothing is created', async () => {
    await setPolicy(hostA, 'full');
    const name = uniqueName('berthmaster-test-proto');
    made.push(name);
    const since = Date.now();
    const reply = new Promise<string>((resolve) =>
      ws.socket.once('message', (d: Buffer) => resolve(d.toString('utf8'))),
    );
    const body = JSON.stringify(spec({ name })).replace('"labels":{', '"labels":{"__proto__":"x",');
    ws.raw(
      `{"t":"call","id":990001,"method":"containers.create","input":{"hostId":"${hostA}","start":false,"spec":${body}}}`,
    );
    const msg = JSON.parse(await reply) as { error?: { code: string; message: string } };
    expect(msg.error?.code).toBe('INVALID_INPUT');
    expect(msg.error?.message).toMatch(/spec\.labels: "__proto__" is not allowed/);
    expect(eventsAbout(await engineEvents(lab.engineA.socketPath, since, Date.now()), [name])).toEqual([]);
  });

  it('exporting a restricted TLS host as a context asks before writing its key in clear', async () => {
    await setPolicy(hostB, 'restricted');
    const err = await rejection(ws.api.contexts.export({ hostId: hostB, name: uniqueName('ctx') }));
    expect(err.code).toBe('PERMISSION_DENIED');
    expect(err.data).toMatchObject({ confirmKeyExport: true });
    expect(err.message).toMatch(/TLS client key in clear/);
  });

  it("registry consent is for the host's endpoint: editing its address drops it", async () => {
    const login = await ws.api.registries.add({
      address: lab.registry.address,
      username: lab.registry.username,
      secret: lab.registry.password,
    });
    expect(
      (await ws.api.registries.allowHost({ id: login.id, hostId: hostB, allowed: true })).allowedHosts,
    ).toEqual([hostB]);
    await ws.api.hosts.update({
      id: hostB,
      endpoint: { kind: 'socket', socketPath: lab.engineB.socketPath },
    });
    const after = (await ws.api.registries.list({})).find((r) => r.id === login.id);
    expect(after?.allowedHosts).toEqual([]);
    await setPolicy(hostB, 'full');
    const err = await rejection(
      ws.api.images.pull({ hostId: hostB, reference: `${lab.registry.address}/${tag}:v1` }),
    );
    expect(err.code).toBe('PERMISSION_DENIED');
    expect(err.data).toMatchObject({ registryConsent: true });
  });
});
