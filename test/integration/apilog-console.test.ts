import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppError, ConsoleStreamEvent } from '@shared/contract';
import type { HttpMethod } from '@shared/apilog/engine-request';
import { startTestBackend } from './support/backend';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { connectWs } from './support/ws-client';

let lab: Lab;
let rig: Awaited<ReturnType<typeof startTestBackend>>;
let api: Awaited<ReturnType<typeof connectWs>>['api'];
let close: () => void;
let fullId: string;
let readOnlyId: string;
let prodId: string;
const run = uniqueName('apilog-console');
const volumes: string[] = [];
const containers: string[] = [];

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  lab = loadLab();
  rig = await startTestBackend();
  const ws = await connectWs(rig.server.port, rig.server.token);
  api = ws.api;
  close = () => ws.socket.close();
  const local = (await api.hosts.list({}))[0];
  if (!local) throw new Error('no local host');
  fullId = local.id;
  const endpoint = { kind: 'socket' as const, socketPath: lab.engineA.socketPath };
  readOnlyId = (await api.hosts.add({ name: 'a-read-only', color: '#64748b', endpoint, policy: 'read-only' }))
    .id;
  prodId = (await api.hosts.add({ name: 'a-prod', color: '#ef4444', endpoint, production: true })).id;
  await rig.backend.hosts.client(readOnlyId);
  await rig.backend.hosts.client(prodId);
});

afterAll(async () => {
  for (const v of volumes)
    await docker(lab.engineA.socketPath, 'volume', 'rm', '-f', v).catch(() => undefined);
  for (const c of containers) await docker(lab.engineA.socketPath, 'rm', '-fv', c).catch(() => undefined);
  close?.();
  await rig?.stop();
});

/** Engine events on A between two instants (seconds), filtered; nothing else on the shared engine counts. */
async function events(since: number, until: number, ...filters: string[]): Promise<string[]> {
  const out = await docker(
    lab.engineA.socketPath,
    'events',
    '--since',
    String(since),
    '--until',
    String(until),
    ...filters.flatMap((f) => ['--filter', f]),
    '--format',
    '{{json .}}',
  );
  return out ? out.split('\n') : [];
}

const now = () => Math.floor(Date.now() / 1000);

describe('API console', () => {
  it('on a read-only host refuses 50 mutating requests of every method with the policy reason; none reaches the engine', async () => {
    const name = `${run}-ro`;
    const label = { 'berthmaster.test': '1', 'berthmaster.apilogrun': run };
    const shapes: Array<{
      method: HttpMethod;
      path: string;
      query?: Array<[string, string]>;
      body?: unknown;
    }> = [
      {
        method: 'POST',
        path: '/containers/create',
        query: [['name', name]],
        body: { Image: lab.image, Labels: label },
      },
      { method: 'POST', path: `/containers/${name}/start` },
      { method: 'POST', path: `/containers/${name}/stop` },
      { method: 'POST', path: `/containers/${name}/restart` },
      { method: 'POST', path: `/containers/${name}/kill` },
      { method: 'POST', path: `/containers/${name}/pause` },
      { method: 'POST', path: `/containers/${name}/rename`, query: [['name', `${name}-2`]] },
      { method: 'POST', path: `/containers/${name}/update`, body: { Memory: 10_000_000 } },
      { method: 'DELETE', path: `/containers/${name}`, query: [['force', '1']] },
      {
        method: 'POST',
        path: '/containers/prune',
        query: [['filters', JSON.stringify({ label: [`berthmaster.apilogrun=${run}`] })]],
      },
      { method: 'PUT', path: `/containers/${name}/archive`, query: [['path', '/tmp']] },
      { method: 'POST', path: `/containers/${name}/exec`, body: { Cmd: ['true'] } },
      { method: 'POST', path: '/networks/create', body: { Name: name, Labels: label } },
      { method: 'DELETE', path: `/networks/${name}` },
      { method: 'POST', path: `/networks/${name}/connect`, body: { Container: name } },
      { method: 'POST', path: '/volumes/create', body: { Name: name, Labels: label } },
      { method: 'DELETE', path: `/volumes/${name}` },
      {
        method: 'POST',
        path: '/images/create',
        query: [
          ['fromImage', `${lab.registry.address}/${name}`],
          ['tag', 'x'],
        ],
      },
      { method: 'POST', path: `/images/${name}/tag`, query: [['repo', name]] },
      { method: 'DELETE', path: `/images/${name}` },
      { method: 'POST', path: '/build', query: [['t', name]] },
      { method: 'POST', path: `/images/${name}/push` },
      { method: 'POST', path: '/volumes/prune' },
      { method: 'PUT', path: `/volumes/${name}` },
      { method: 'POST', path: '/system/prune' },
    ];
    const since = now();
    const refusals: AppError[] = [];
    for (let i = 0; i < 50; i++) {
      const s = shapes[i % shapes.length];
      if (!s) throw new Error('no shape');
      // Every other one with the version prefix: the guard reads both.
      const path = i % 2 === 0 ? s.path : `/v1.41${s.path}`;
      const err = await rejection(
        api.apilog.send({ hostId: readOnlyId, method: s.method, path, query: s.query ?? [], body: s.body }),
      );
      refusals.push(err);
    }
    expect(new Set(refusals.map((e) => e.code))).toEqual(new Set(['PERMISSION_DENIED']));
    for (const e of refusals)
      expect(e.message).toMatch(/^The policy of a-read-only \(read-only\) does not allow /);
    expect(new Set(refusals.map((e) => e.message)).size).toBeGreaterThan(3);

    // Nothing left Berthmaster: no console request in the host's API log...
    const log = await api.apilog.list({ hostId: readOnlyId, limit: 20_000 });
    expect(log.filter((e) => e.origin?.method === 'apilog.send')).toEqual([]);
    // ...and the engine saw nothing of it.
    const until = now() + 1;
    expect(await events(since, until, `label=berthmaster.apilogrun=${run}`)).toEqual([]);
    expect(await events(since, until, `container=${name}`)).toEqual([]);
    expect(await events(since, until, `volume=${name}`)).toEqual([]);
    expect(await events(since, until, `network=${name}`)).toEqual([]);
    // Every attempt is in the audit log.
    const audit = rig.backend.audit
      .list(5000)
      .filter((a) => a.action === 'apilog.send' && a.hostId === readOnlyId);
    expect(audit.length).toBe(50);
    expect(audit.every((a) => a.outcome === 'error')).toBe(true);

    // Control: the same volume request on the full host does reach the engine and is seen above.
    const ok = await api.apilog.send({
      hostId: fullId,
      method: 'POST',
      path: '/volumes/create',
      query: [],
      body: { Name: name, Labels: label },
    });
    volumes.push(name);
    expect(ok.status).toBe(201);
    expect(await events(since, now() + 1, `volume=${name}`)).not.toEqual([]);
  });

  it('reads are allowed on the read-only host and answered as formatted JSON', async () => {
    const res = await api.apilog.send({
      hostId: readOnlyId,
      method: 'GET',
      path: '/containers/json',
      query: [['all', '1']],
    });
    expect(res.status).toBe(200);
    expect(res.bodyKind).toBe('json');
    expect(Array.isArray(res.body)).toBe(true);
    expect(res.warnings).toEqual([]);
    expect(res.logId).toBeGreaterThan(0);
    const versioned = await api.apilog.send({
      hostId: readOnlyId,
      method: 'GET',
      path: '/v1.41/version',
      query: [],
    });
    expect((versioned.body as { ApiVersion?: string }).ApiVersion).toMatch(/^1\.\d+$/);
  });

  it("shows the engine's own 4xx and warns (still sending) about what the API description does not know", async () => {
    const missing = await api.apilog.send({
      hostId: fullId,
      method: 'GET',
      path: `/containers/${run}-nope/json`,
      query: [],
    });
    expect(missing.status).toBe(404);
    expect((missing.body as { message: string }).message).toMatch(/No such container/);
    const odd = await api.apilog.send({
      hostId: fullId,
      method: 'GET',
      path: '/containers/json',
      query: [['bogus', '1']],
    });
    expect(odd.status).toBe(200);
    expect(odd.warnings.join(' ')).toMatch(/"bogus" is not a documented query parameter/);
    const badBody = await api.apilog.send({
      hostId: fullId,
      method: 'POST',
      path: '/volumes/create',
      query: [],
      body: { Name: `${run}-vol`, Labels: { 'berthmaster.test': '1' }, Colour: 'red' },
    });
    volumes.push(`${run}-vol`);
    expect(badBody.status).toBe(201);
    expect(badBody.warnings.join(' ')).toMatch(/"Colour" is not a documented field/);
  });

  it('refuses malformed paths and hijacking endpoints before the engine', async () => {
    const before = (await api.apilog.list({ hostId: fullId, limit: 20_000 })).filter(
      (e) => e.origin?.method === 'apilog.send',
    ).length;
    for (const path of [
      '/containers/../../etc/passwd',
      'http://evil.example/containers/json',
      '//evil/x',
      'containers/json',
      '/v2/containers/json',
      '/containers/json?all=1',
      '/containers/%2e%2e/json',
      '/containers//json',
    ]) {
      const err = await rejection(api.apilog.send({ hostId: fullId, method: 'GET', path, query: [] }));
      expect(err.code, path).toBe('INVALID_INPUT');
    }
    const hijack = await rejection(
      api.apilog.send({
        hostId: fullId,
        method: 'POST',
        path: '/exec/0123abcd/start',
        query: [],
        body: { Tty: true },
      }),
    );
    expect(hijack.code).toBe('INVALID_INPUT');
    expect(hijack.message).toMatch(/Terminal/);
    const attach = await rejection(
      api.apilog.send({
        hostId: fullId,
        method: 'POST',
        path: `/containers/${run}/attach`,
        query: [['stream', '1']],
      }),
    );
    expect(attach.message).toMatch(/Terminal/);
    const endless = await rejection(
      api.apilog.send({ hostId: fullId, method: 'GET', path: '/events', query: [] }),
    );
    expect(endless.message).toMatch(/streams until it is stopped/);
    const after = (await api.apilog.list({ hostId: fullId, limit: 20_000 })).filter(
      (e) => e.origin?.method === 'apilog.send',
    ).length;
    expect(after).toBe(before);
  });

  it('needs the typed host name for a change on a production host, not for a read', async () => {
    const name = `${run}-prod`;
    const body = { Name: name, Labels: { 'berthmaster.test': '1' } };
    const refused = await rejection(
      api.apilog.send({ hostId: prodId, method: 'POST', path: '/volumes/create', query: [], body }),
    );
    expect(refused.code).toBe('PERMISSION_DENIED');
    expect(refused.message).toMatch(/a-prod is a production host: type its name/);
    const wrong = await rejection(
      api.apilog.send({
        hostId: prodId,
        method: 'POST',
        path: '/volumes/create',
        query: [],
        body,
        confirm: 'a-pro',
      }),
    );
    expect(wrong.code).toBe('PERMISSION_DENIED');
    await expect(docker(lab.engineA.socketPath, 'volume', 'inspect', name)).rejects.toThrow();
    const ok = await api.apilog.send({
      hostId: prodId,
      method: 'POST',
      path: '/volumes/create',
      query: [],
      body,
      confirm: 'a-prod',
    });
    volumes.push(name);
    expect(ok.status).toBe(201);
    const read = await api.apilog.send({
      hostId: prodId,
      method: 'GET',
      path: `/volumes/${name}`,
      query: [],
    });
    expect(read.status).toBe(200);
  });

  it('follows a streaming endpoint until Stop; the log shows it open, then ended', async () => {
    const name = `${run}-ticker`;
    containers.push(name);
    await docker(
      lab.engineA.socketPath,
      'run',
      '-d',
      '--name',
      name,
      '--label',
      'berthmaster.test=1',
      lab.image,
      'sh',
      '-c',
      'while true; do echo tick; sleep 0.2; done',
    );
    const got: ConsoleStreamEvent[] = [];
    let sub: { close(): void } | undefined;
    await new Promise<void>((resolve, reject) => {
      sub = api.apilog.follow(
        {
          hostId: fullId,
          method: 'GET',
          path: `/containers/${name}/logs`,
          query: [
            ['follow', '1'],
            ['stdout', '1'],
          ],
        },
        {
          onEvent(e) {
            got.push(e);
            if (
              e.kind === 'chunk' &&
              got
                .map((g) => (g.kind === 'chunk' ? g.text : ''))
                .join('')
                .split('tick').length > 3
            )
              resolve();
          },
          onEnd: (err) => reject(err ?? new Error('ended early')),
        },
      );
    });
    expect(got[0]).toMatchObject({ kind: 'head', status: 200 });
    const open = (await api.apilog.list({ hostId: fullId, text: `${name}/logs` }))[0];
    expect(open?.state).toBe('open');
    expect(open?.streaming).toBe(true);
    sub?.close();
    await vi.waitFor(async () => {
      const e = (await api.apilog.list({ hostId: fullId, text: `${name}/logs` }))[0];
      expect(e?.state).toBe('done');
    });
  });
});
