import { promises as fs } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, type AnyDef, type AppErrorShape, type HostPolicy, type RunSpec } from '@shared/contract';
import { policyAllows } from '@shared/policy/method-access';
import { hostFieldsOf } from '../../src/main/security/host-fields';
import { startTestBackend } from './support/backend';
import { engineEvents, eventsAbout } from './support/engine-events';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { connectWs } from './support/ws-client';

/**
 * A seeded fuzzer over every contract method that names a host, and over the run spec's options,
 * on each pair of policy levels. Whatever comes back refused must have left no trace on either
 * engine (their own /events with since/until); whatever a restricted host accepted must, on the
 * engine's inspect, not be root on its machine. Bounded: a fixed number of cases.
 */

const SEED = 18_2026;
const CASES_PER_PHASE = 48;
const RUN_CASES = 40;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Berthmaster's own configuration: not engine calls, and changing it would break the rig. */
const CONFIG_METHODS =
  /^(app|hosts|settings|audit|contexts|search)\.|^registries\.(add|update|remove|importDockerConfig|list|match)$/;
/**
 * Heavy or slow when allowed (they stream files, or open a shell that may wait for the engine's
 * timeout): fuzzed only where the policy refuses them.
 */
const HEAVY = new Set([
  'images.build',
  'images.load',
  'images.save',
  'volumes.download',
  'volumes.browse',
  'containers.filesDownload',
  'exec.open',
  'exec.attach',
]);

type Def = { type: string } & Record<string, unknown>;
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

interface Ctx {
  r: () => number;
  marker: string;
  hosts: string[];
  container: string;
  allowedDir: string;
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

function stringFor(key: string, schema: z.ZodType, c: Ctx): string {
  const k = key.toLowerCase();
  const candidates: string[] = [];
  if (k.endsWith('hostid')) candidates.push(pick(c.r, c.hosts));
  if (k === 'id' || k === 'containerid' || k === 'container')
    candidates.push(c.container, `${c.marker}-img:v1`, `${c.marker}-obj`);
  if (k.includes('reference') || k === 'image' || k === 'target') candidates.push(`${c.marker}-img:v1`);
  if (k.includes('name') || k === 'network' || k === 'volume') candidates.push(`${c.marker}-obj`);
  if (k.includes('path') || k === 'workingdir') candidates.push('/tmp', c.allowedDir);
  candidates.push(
    `${c.marker}-obj`,
    'x1',
    '/tmp',
    `berthmaster.fuzz=${c.marker}`,
    'tcp',
    '1',
    's-0123456789abcdef',
    'a'.repeat(32),
  );
  return candidates.find((v) => schema.safeParse(v).success) ?? 'x1';
}

function sample(schema: unknown, key: string, c: Ctx, depth = 0): unknown {
  const def = defOf(schema);
  const s = schema as z.ZodType;
  if (depth > 8) return undefined;
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
        const t = defOf(v).type;
        // Prunes without a label filter would reach other people's objects: always scope them.
        if ((t === 'optional' || t === 'default') && k !== 'labels' && !/timeout/i.test(k) && c.r() < 0.5)
          continue;
        out[k] = sample(v, k, c, depth + 1);
      }
      return out;
    }
    case 'string':
      return stringFor(key, s, c);
    case 'number':
      if (/timeout/i.test(key)) return [0, 1].find((n) => s.safeParse(n).success) ?? 1;
      return [1, 24, 80, 0, 5, 1024].find((n) => s.safeParse(n).success) ?? 1;
    case 'boolean':
      return c.r() < 0.5;
    case 'enum':
      return pick(c.r, Object.values(def.entries as Record<string, string>));
    case 'literal':
      return (def.values as unknown[])[0];
    case 'array': {
      if (key === 'labels') return [`berthmaster.fuzz=${c.marker}`];
      const n = 1 + Math.floor(c.r() * 2);
      return Array.from({ length: n }, () => sample(def.element, key, c, depth + 1));
    }
    case 'union':
      return sample(pick(c.r, def.options as unknown[]), key, c, depth + 1);
    case 'record':
      return key === 'labels' ? { 'berthmaster.fuzz': c.marker } : {};
    case 'pipe':
      return defOf(def.in).type === 'custom'
        ? sample(def.out, key, c, depth + 1)
        : sample(def.in, key, c, depth + 1);
    case 'custom':
      return new Uint8Array([1, 2, 3]);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return sample(def.innerType, key, c, depth + 1);
    default:
      return {};
  }
}

let lab: Lab;
let t: Awaited<ReturnType<typeof startTestBackend>>;
let ws: Awaited<ReturnType<typeof connectWs>>;
let hostA = '';
let hostB = '';
const marker = uniqueName('berthmaster-fuzz');
const container = `${marker}-c`;
const allowedDir = `/tmp/${marker}-binds`;

interface Outcome {
  method: string;
  input: unknown;
  policies: Record<string, HostPolicy>;
  t0: number;
  t1: number;
  error?: AppErrorShape;
}

const outcomes: Outcome[] = [];

async function call(method: string, input: unknown): Promise<AppErrorShape | undefined> {
  const [ns, m] = method.split('.') as [string, string];
  const def = (contract as unknown as Record<string, Record<string, AnyDef>>)[ns]?.[m];
  const api = ws.api as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>;
  const fn = api[ns]?.[m];
  if (!def || !fn) throw new Error(`no ${method}`);
  if (def.kind === 'call') {
    try {
      const value = await (fn(input) as Promise<unknown>);
      const taskId = (value as { taskId?: unknown } | null)?.taskId;
      // A task runs on after the call returns: let it end before the next case's window opens.
      if (typeof taskId === 'string') await ws.api.tasks.cancel({ taskId }).catch(() => undefined);
      return undefined;
    } catch (e) {
      return e as AppErrorShape;
    }
  }
  return new Promise((resolve) => {
    let settled = false;
    const sub = fn(input, {
      onEvent: () => undefined,
      onEnd: (err?: AppErrorShape) => {
        if (settled) return;
        settled = true;
        resolve(err);
      },
    }) as { close(): void };
    setTimeout(() => {
      if (settled) return;
      settled = true;
      sub.close();
      resolve(undefined);
    }, 150);
  });
}

async function runCase(method: string, input: unknown, policies: Record<string, HostPolicy>) {
  const t0 = Date.now();
  const error = await call(method, input);
  const t1 = Date.now();
  outcomes.push({ method, input, policies, t0, t1, ...(error ? { error } : {}) });
  // Let an allowed call's trailing engine events (a kill's die) land before the next window.
  if (!error) await new Promise((r) => setTimeout(r, 60));
}

async function setPolicies(a: HostPolicy, b: HostPolicy) {
  await ws.api.hosts.update({ id: hostA, policy: a, allowedBindPaths: [allowedDir] });
  await ws.api.hosts.update({ id: hostB, policy: b, allowedBindPaths: [allowedDir] });
}

beforeAll(async () => {
  lab = loadLab();
  await fs.mkdir(allowedDir, { recursive: true });
  t = await startTestBackend();
  ws = await connectWs(t.server.port, t.server.token);
  hostA = (await ws.api.hosts.list({}))[0]?.id ?? '';
  hostB = (
    await ws.api.hosts.add({
      name: 'lab-b',
      color: '#10b981',
      endpoint: { kind: 'socket', socketPath: lab.engineB.socketPath },
    })
  ).id;
  for (const sock of [lab.engineA.socketPath, lab.engineB.socketPath]) {
    await docker(
      sock,
      'run',
      '-d',
      '--name',
      container,
      '--label',
      'berthmaster.test=1',
      '--label',
      `berthmaster.fuzz=${marker}`,
      '--init',
      '--stop-timeout',
      '1',
      lab.image,
      'sleep',
      '600',
    );
  }
});

afterAll(async () => {
  for (const sock of [lab.engineA.socketPath, lab.engineB.socketPath]) {
    const ids = await docker(sock, 'ps', '-aq', '--filter', `label=berthmaster.fuzz=${marker}`).catch(
      () => '',
    );
    const named = await docker(sock, 'ps', '-aq', '--filter', `name=${marker}`).catch(() => '');
    const all = [...new Set(`${ids}\n${named}`.split('\n').filter(Boolean))];
    if (all.length) await docker(sock, 'rm', '-f', ...all).catch(() => undefined);
    const nets = await docker(sock, 'network', 'ls', '-q', '--filter', `name=${marker}`).catch(() => '');
    for (const n of nets.split('\n').filter(Boolean))
      await docker(sock, 'network', 'rm', n).catch(() => undefined);
    const vols = await docker(sock, 'volume', 'ls', '-q', '--filter', `name=${marker}`).catch(() => '');
    for (const v of vols.split('\n').filter(Boolean))
      await docker(sock, 'volume', 'rm', '-f', v).catch(() => undefined);
    const imgs = await docker(sock, 'images', '-q', '--filter', `reference=${marker}*`).catch(() => '');
    for (const i of [...new Set(imgs.split('\n').filter(Boolean))])
      await docker(sock, 'rmi', '-f', i).catch(() => undefined);
  }
  ws?.socket.close();
  await t?.stop();
  await fs.rm(allowedDir, { recursive: true, force: true });
});

const PHASES: Array<[HostPolicy, HostPolicy]> = [
  ['restricted', 'read-only'],
  ['read-only', 'restricted'],
  ['read-only', 'full'],
  ['full', 'read-only'],
  ['restricted', 'restricted'],
];

describe('policy fuzzer', () => {
  it(
    'nothing refused reaches an engine; nothing a restricted host accepted is root on it',
    { timeout: 120_000 },
    async () => {
      const start = Date.now();
      const r = rng(SEED);
      const c: Ctx = { r, marker, hosts: [], container, allowedDir };
      const methods = Object.entries(contract)
        .flatMap(([ns, members]) =>
          Object.entries(members as Record<string, AnyDef>).map(([m, d]) => [`${ns}.${m}`, d] as const),
        )
        .filter(
          ([m, d]) =>
            !CONFIG_METHODS.test(m) &&
            'hostId' in ((defOf(d.kind === 'call' ? d.input : d.params).shape as object) ?? {}),
        );
      let valid = 0;
      for (const [a, b] of PHASES) {
        await setPolicies(a, b);
        const policies = { [hostA]: a, [hostB]: b };
        c.hosts = [hostA, hostB];
        for (let i = 0; i < CASES_PER_PHASE; i++) {
          const [method, def] = pick(r, methods);
          const schema = def.kind === 'call' ? def.input : def.params;
          const input = sample(schema, '', c) as Record<string, unknown>;
          if (schema.safeParse(input).success) valid++;
          const named = Object.keys(hostFieldsOf(method, input))
            .map((f) => input[f])
            .filter((h): h is string => typeof h === 'string');
          if (HEAVY.has(method) && named.some((h) => policies[h] === 'full')) continue;
          await runCase(method, input, policies);
        }
        // The run spec's options, on the restricted host(s) of this phase.
        for (let i = 0; i < RUN_CASES / PHASES.length; i++) {
          const hostId = pick(r, [hostA, hostB]);
          const name = `${marker}-run-${outcomes.length}`;
          const spec: RunSpec = {
            image: lab.image,
            name,
            cmd: ['sleep', '600'],
            env: [],
            ports: [],
            mounts:
              r() < 0.7
                ? [
                    {
                      type: 'bind',
                      source: pick(r, [
                        '/',
                        '/etc',
                        '/var/run/docker.sock',
                        allowedDir,
                        `${allowedDir}/sub`,
                        `${allowedDir}/../..`,
                        `${allowedDir}-x`,
                      ]),
                      target: '/m',
                      readOnly: r() < 0.5,
                    },
                  ]
                : [],
            restartPolicy: { name: 'no' },
            labels: { 'berthmaster.test': '1', 'berthmaster.fuzz': marker },
            tty: false,
            interactive: false,
            autoRemove: false,
          };
          const user = pick(r, ['0', 'root', '0:0', 'root:root', '00', '1000', 'nobody', undefined]);
          if (user !== undefined) spec.user = user;
          const network = pick(r, ['host', 'bridge', 'none', undefined]);
          if (network !== undefined) spec.network = network;
          await runCase('containers.create', { hostId, spec, start: false }, policies);
        }
      }
      const end = Date.now();

      const refused = outcomes.filter(
        (o) => o.error && ['PERMISSION_DENIED', 'INVALID_INPUT'].includes(o.error.code),
      );
      const byPolicy = refused.filter((o) => o.error?.code === 'PERMISSION_DENIED');
      expect(outcomes.length).toBeGreaterThan(200);
      expect(byPolicy.length).toBeGreaterThan(60);
      expect(valid).toBeGreaterThan(120);
      // Every refusal on policy grounds is one a limited host's policy explains.
      for (const o of byPolicy) expect(Object.values(o.policies), o.method).not.toEqual(['full', 'full']);

      for (const sock of [lab.engineA.socketPath, lab.engineB.socketPath]) {
        const ours = eventsAbout(await engineEvents(sock, start, end), [marker]);
        const leaks = ours.filter((e) => {
          const at = e.timeNano / 1e6;
          return refused.some((o) => at >= o.t0 && at <= o.t1);
        });
        expect(
          leaks.map((e) => `${e.Type} ${e.Action} ${e.Actor.Attributes?.name ?? e.Actor.ID}`),
          'engine events inside the window of a refused call',
        ).toEqual([]);
      }

      // What restricted accepted, judged by the engine itself.
      for (const o of outcomes) {
        if (o.method !== 'containers.create' || o.error) continue;
        const { hostId, spec } = o.input as { hostId: string; spec: RunSpec };
        if (o.policies[hostId] !== 'restricted') continue;
        const sock = hostId === hostA ? lab.engineA.socketPath : lab.engineB.socketPath;
        const info = JSON.parse(await docker(sock, 'inspect', spec.name ?? '')) as Array<{
          Config: { User: string };
          HostConfig: { NetworkMode: string; Privileged: boolean };
          Mounts: Array<{ Type: string; Source: string }>;
        }>;
        const ci = info[0];
        expect(ci?.HostConfig.NetworkMode).not.toBe('host');
        expect(ci?.HostConfig.Privileged).toBe(false);
        expect(ci?.Config.User ?? '').not.toMatch(/^(0+|root)(:|$)/);
        for (const m of ci?.Mounts ?? [])
          if (m.Type === 'bind')
            expect(m.Source.startsWith(`${allowedDir}/`) || m.Source === allowedDir).toBe(true);
      }
      // And the policy itself is what refused: nothing allowed by it came back PERMISSION_DENIED for access.
      for (const o of byPolicy) {
        if (!/does not allow/.test(o.error?.message ?? '')) continue;
        const access = Object.entries(hostFieldsOf(o.method, o.input));
        expect(
          access.some(([f, a]) => {
            const h = (o.input as Record<string, unknown>)[f];
            return typeof h === 'string' && (!a || !policyAllows(o.policies[h] ?? 'full', a));
          }),
          o.method,
        ).toBe(true);
      }
    },
  );
});
