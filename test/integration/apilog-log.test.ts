import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiLogDetails, ApiLogEntry, RunSpec } from '@shared/contract';
import { copyAs, curlCommand, type CopyFormat } from '@shared/apilog/copy-as';
import {
  buildFormCopy,
  execFormCopy,
  networkFormCopy,
  pullFormCopy,
  volumeFormCopy,
  type FormCopy,
} from '@shared/apilog/form-copy';
import { connectionEnv } from '@shared/apilog/copy-as/connection';
import { requestOfLogEntry } from '@shared/apilog/log-request';
import type { EngineTarget } from '@shared/apilog/engine-request';
import { startTestBackend } from './support/backend';
import { confirmLocalEngine } from './support/lab-hosts';
import { docker, loadLab, read, uniqueName, type Lab } from './support/lab';
import { connectWs } from './support/ws-client';
import { waitForTask } from './support/images-backend';
import { containerShape, runWith } from './apilog-support';
import { GO_MODE, openGoRunner, type GoRunner } from './apilog-go';
import { ApiLogBook } from '../../src/main/engine/request-log/api-log-book';
import { openEngineClient } from '../../src/main/services/hosts/engine-client';

let lab: Lab;
let rig: Awaited<ReturnType<typeof startTestBackend>>;
let api: Awaited<ReturnType<typeof connectWs>>['api'];
let close: () => void;
let localId: string;
let tlsId: string;
let certDir: string;
let dockerConfig: string;
let go: GoRunner;
const SECRET_ENV = `tok-${Math.random().toString(36).slice(2)}-value`;
const repo = uniqueName('berthmaster-test/apilog');
const made: Array<{ socket: string; name: string }> = [];
const resourcesMade: Array<{ socket: string; kind: 'network' | 'volume'; name: string }> = [];
const imagesMade: string[] = [];
const WORKTREE = path.resolve(__dirname, '../..');

const spec = (name: string): RunSpec => ({
  image: lab.image,
  name,
  env: ['FOO=bar', `API_TOKEN=${SECRET_ENV}`],
  ports: [{ hostIp: '', containerPort: 8080, protocol: 'tcp' }],
  mounts: [{ type: 'volume', source: '', target: '/data', readOnly: false }],
  restartPolicy: { name: 'on-failure', maxRetries: 2 },
  labels: { 'berthmaster.test': '1', 'berthmaster.apilog': 'copy' },
  tty: false,
  interactive: false,
  autoRemove: false,
  memoryBytes: 64 * 1024 * 1024,
  cmd: ['sleep', '300'],
});

beforeAll(async () => {
  lab = loadLab();
  rig = await startTestBackend();
  const ws = await connectWs(rig.server.port, rig.server.token);
  api = ws.api;
  close = () => ws.socket.close();
  // The registry login is used on this engine: it is confirmed as this computer's own.
  localId = await confirmLocalEngine(api);
  const tls = await api.hosts.add({
    name: 'lab-b-tls',
    color: '#10b981',
    endpoint: {
      kind: 'tls',
      host: lab.engineB.tlsHost,
      port: lab.engineB.tlsPort,
      ca: read(lab.tls.ca),
      cert: read(lab.tls.cert),
      key: read(lab.tls.key),
    },
  });
  tlsId = tls.id;
  await rig.backend.hosts.client(tlsId);
  certDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-apilog-certs-'));
  await fs.copyFile(lab.tls.ca, path.join(certDir, 'ca.pem'));
  await fs.copyFile(lab.tls.cert, path.join(certDir, 'cert.pem'));
  await fs.copyFile(lab.tls.key, path.join(certDir, 'key.pem'));
  dockerConfig = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-apilog-dockercfg-'));
  go = await openGoRunner();
});

afterAll(async () => {
  for (const c of made) await docker(c.socket, 'rm', '-fv', c.name).catch(() => undefined);
  for (const r of resourcesMade) await docker(r.socket, r.kind, 'rm', r.name).catch(() => undefined);
  for (const i of imagesMade) await docker(lab.engineA.socketPath, 'rmi', '-f', i).catch(() => undefined);
  close?.();
  await rig?.stop();
  if (certDir) await fs.rm(certDir, { recursive: true, force: true });
  if (dockerConfig) await fs.rm(dockerConfig, { recursive: true, force: true });
  if (go) {
    const total = go.builds.reduce((a, b) => a + b, 0);
    console.info(
      `[apilog] Go ${GO_MODE}: SDK compile ${go.warmup} ms, ${go.builds.length} snippet builds ${total} ms (${go.builds.join(', ')})`,
    );
    await go.dispose();
  }
});

const socketOf = (hostId: string) => (hostId === localId ? lab.engineA.socketPath : lab.engineB.socketPath);

async function entries(hostId: string): Promise<ApiLogEntry[]> {
  return api.apilog.list({ hostId, limit: 20_000 });
}

async function allDetails(hostId: string): Promise<ApiLogDetails[]> {
  const list = await entries(hostId);
  return Promise.all(list.map((e) => api.apilog.details({ hostId, id: e.id })));
}

/** The environment a snippet runs with: the host's connection, the cert folder, the secret values. */
function snippetEnv(target: EngineTarget): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of connectionEnv(target)) env[k] = v;
  if (target.kind === 'tls') env.DOCKER_CERT_PATH = certDir;
  env.DOCKER_CONFIG = dockerConfig;
  env.API_TOKEN = SECRET_ENV;
  env.REGISTRY_USER = lab.registry.username;
  env.REGISTRY_PASSWORD = lab.registry.password;
  return env;
}

async function runSnippet(format: CopyFormat, text: string, env: Record<string, string>): Promise<string> {
  switch (format) {
    case 'curl':
    case 'docker':
      return (await runWith('sh', ['-ec', text], env)).stdout;
    case 'python':
      return (await runWith('python3', ['-c', text], env)).stdout;
    case 'node':
      return (await runWith(process.execPath, ['-e', text], env, WORKTREE)).stdout;
    case 'go':
      return go.run(text, env);
  }
}

/**
 * In syntax mode (no Go SDK on this machine) a Go copy is only checked, not run: true when so,
 * and the caller skips its state assertions (the test names say which mode ran).
 */
const GO_NOTE =
  GO_MODE === 'run' ? 'Go built with the Debian SDK and run' : 'Go only syntax-checked: no Go SDK here';
/** The SDK copies that run here (Go only where its SDK is installed). */
const RUN_SDKS: Array<'python' | 'node' | 'go'> =
  GO_MODE === 'run' ? ['python', 'node', 'go'] : ['python', 'node'];

async function goOnlyChecked(format: CopyFormat, text: string): Promise<boolean> {
  if (format !== 'go' || GO_MODE === 'run') return false;
  await go.syntaxCheck(text);
  return true;
}

describe('API log', () => {
  for (const which of ['socket', 'tls'] as const) {
    it(`records a run (create + start) on the ${which} host with origin, status and redacted env; every copy-as form makes the same container (${GO_NOTE})`, async () => {
      const hostId = which === 'socket' ? localId : tlsId;
      const name = uniqueName('bm-apilog');
      made.push({ socket: socketOf(hostId), name });
      await api.containers.create({ hostId, spec: spec(name), start: true });
      const list = await entries(hostId);
      const create = list.find(
        (e) =>
          e.method === 'POST' &&
          /\/containers\/create$/.test(e.path) &&
          e.query.some(([k, v]) => k === 'name' && v === name),
      );
      expect(create).toBeDefined();
      if (!create) return;
      expect(create.path).toMatch(/^\/v1\.\d+\/containers\/create$/);
      expect(create.status).toBe(201);
      expect(create.state).toBe('done');
      expect(create.origin?.method).toBe('containers.create');
      expect(create.bytesOut).toBeGreaterThan(0);
      expect(create.bytesIn).toBeGreaterThan(0);
      const start = list.find(
        (e) =>
          e.method === 'POST' &&
          /\/containers\/[0-9a-f]{64}\/start$/.test(e.path) &&
          e.origin?.callId === create.origin?.callId,
      );
      expect(start?.status).toBe(204);
      // Newest first.
      expect(list.findIndex((e) => e === start)).toBeLessThan(list.findIndex((e) => e === create));
      const details = await api.apilog.details({ hostId, id: create.id });
      expect(details.requestBody.kind).toBe('json');
      expect(details.requestBody.text).toContain('API_TOKEN=<redacted>');
      expect(details.requestBody.text).toContain('FOO=bar');
      expect(details.requestBody.text).not.toContain(SECRET_ENV);

      const target = (await api.apilog.target({ hostId })).target;
      expect(target.kind).toBe(which);
      const theirs = containerShape(
        JSON.parse(await docker(socketOf(hostId), 'container', 'inspect', name))[0],
      );
      expect(theirs.env).toContain(`API_TOKEN=${SECRET_ENV}`);
      const base = requestOfLogEntry(details);
      for (const form of copyAs(base, target)) {
        const copyName = `${name}-${form.format}`;
        expect(base.query).toEqual([['name', name]]);
        const req = { ...base, query: [['name', copyName]] as Array<[string, string]> };
        const text = copyAs(req, target).find((f) => f.format === form.format)?.text;
        expect(text, form.format).toBeDefined();
        if (!text) continue;
        expect(text).not.toContain(SECRET_ENV);
        expect(text).not.toContain(read(lab.tls.key).split('\n')[2]);
        if (await goOnlyChecked(form.format, text)) continue;
        made.push({ socket: socketOf(hostId), name: copyName });
        await runSnippet(form.format, text, snippetEnv(target));
        const copied = containerShape(
          JSON.parse(await docker(socketOf(hostId), 'container', 'inspect', copyName))[0],
        );
        expect(copied, form.format).toEqual(theirs);
      }
    });
  }

  it(`records a push and a pull with registry auth (X-Registry-Auth redacted); copy-as pulls work with the password from the environment (${GO_NOTE})`, async () => {
    const ref = `${lab.registry.address}/${repo}:v1`;
    imagesMade.push(ref);
    await docker(lab.engineA.socketPath, 'tag', lab.image, ref);
    await api.registries.add({
      address: lab.registry.address,
      username: lab.registry.username,
      secret: lab.registry.password,
    });
    const pushed = await api.images.push({ hostId: localId, reference: ref });
    expect(await waitForTask(api, pushed.taskId)).toMatchObject({ state: 'succeeded' });
    await docker(lab.engineA.socketPath, 'rmi', ref);
    const pulled = await api.images.pull({ hostId: localId, reference: ref });
    expect(await waitForTask(api, pulled.taskId)).toMatchObject({ state: 'succeeded' });
    const list = await entries(localId);
    const pull = list.find(
      (e) =>
        e.method === 'POST' &&
        e.path.endsWith('/images/create') &&
        e.query.some(([k, v]) => k === 'fromImage' && v.endsWith(repo)),
    );
    expect(pull?.status).toBe(200);
    expect(pull?.streaming).toBe(true);
    expect(pull?.state).toBe('done');
    expect(pull?.origin?.method).toBe('images.pull');
    const push = list.find((e) => e.method === 'POST' && /\/images\/.+\/push$/.test(e.path));
    expect(push?.status).toBe(200);
    if (!pull) return;
    const d = await api.apilog.details({ hostId: localId, id: pull.id });
    const authHeader = Object.entries(d.requestHeaders).find(([k]) => k.toLowerCase() === 'x-registry-auth');
    expect(authHeader?.[1]).toBe('<redacted>');
    expect(d.responseBody.text).toMatch(
      /Pull complete|Already exists|Downloaded newer image|Image is up to date/,
    );

    const target = (await api.apilog.target({ hostId: localId })).target;
    for (const form of copyAs(requestOfLogEntry(d), target)) {
      expect(form.text, form.format).toBeDefined();
      if (!form.text) continue;
      expect(form.text).not.toContain(lab.registry.password);
      if (await goOnlyChecked(form.format, form.text)) continue;
      await docker(lab.engineA.socketPath, 'rmi', ref);
      await runSnippet(form.format, form.text, snippetEnv(target));
      expect(
        await docker(lab.engineA.socketPath, 'image', 'inspect', '--format', '{{.Id}}', ref),
        form.format,
      ).toMatch(/^sha256:/);
    }
  });

  it('records requests over an SSH host too (the tunnel agent carries them)', async () => {
    const book = new ApiLogBook();
    const client = await openEngineClient(
      {
        kind: 'ssh',
        host: lab.ssh.host,
        port: lab.ssh.port,
        user: lab.ssh.user,
        privateKey: read(lab.ssh.ed25519Key),
        useAgent: false,
      },
      {
        knownHosts: () => read(lab.ssh.knownHosts).split('\n'),
        homeDir: '/nonexistent-home',
        recorder: { hostId: 'ssh-host', sink: book.sinkFor('ssh-host') },
      },
    );
    try {
      await client.docker.listContainers({ all: true });
      const list = book.list({ hostId: 'ssh-host', limit: 100 });
      expect(list.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
        `GET /v${client.apiVersion}/containers/json 200`,
        'GET /version 200',
      ]);
      expect(list.every((e) => e.state === 'done' && e.bytesIn > 0)).toBe(true);
    } finally {
      client.close();
    }
  });

  it('holds no secret anywhere: the whole log, every detail and both exports of both hosts', async () => {
    const keyLines = read(lab.tls.key)
      .split('\n')
      .filter((l) => l.length > 40);
    for (const hostId of [localId, tlsId]) {
      const blobs = [
        JSON.stringify(await entries(hostId)),
        JSON.stringify(await allDetails(hostId)),
        (await api.apilog.export({ hostId, format: 'json' })).content,
        (await api.apilog.export({ hostId, format: 'har' })).content,
      ];
      for (const blob of blobs) {
        expect(blob).not.toContain(lab.registry.password);
        expect(blob).not.toContain(SECRET_ENV);
        for (const line of keyLines) expect(blob).not.toContain(line);
      }
    }
    const har = JSON.parse((await api.apilog.export({ hostId: localId, format: 'har' })).content) as {
      log: { entries: Array<{ request: { url: string } }> };
    };
    expect(har.log.entries.some((e) => e.request.url.includes('/containers/create'))).toBe(true);
  });

  it('filters by method, status and text; watch sends the newest then new entries; clear empties', async () => {
    const posts = await api.apilog.list({ hostId: localId, methods: ['POST'] });
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((e) => e.method === 'POST')).toBe(true);
    const created = await api.apilog.list({ hostId: localId, status: ['201'] });
    expect(created.every((e) => e.status === 201)).toBe(true);
    const byText = await api.apilog.list({ hostId: localId, text: 'images/create' });
    expect(byText.length).toBeGreaterThan(0);
    expect(byText.every((e) => e.path.includes('images/create'))).toBe(true);

    const batches: Array<{ reset: boolean; entries: ApiLogEntry[] }> = [];
    const seen = new Promise<void>((resolve, reject) => {
      const sub = api.apilog.watch(
        { hostId: localId, text: '/version' },
        {
          onEvent(b) {
            batches.push(b);
            if (
              !b.reset &&
              b.entries.some((e) => e.state === 'done' && e.origin?.method === 'hosts.engineInfo')
            ) {
              sub.close();
              resolve();
            }
          },
          onEnd: (err) => reject(err ?? new Error('watch ended')),
        },
      );
    });
    await api.hosts.engineInfo({ hostId: localId });
    await seen;
    expect(batches[0]?.reset).toBe(true);
    await api.apilog.clear({ hostId: localId });
    const after = await entries(localId);
    expect(after.every((e) => !e.origin || e.origin.method !== 'hosts.engineInfo')).toBe(true);
  });
});

/** Waits until an exec has ended (a detached start returns at once). */
async function waitForExec(exec: { inspect(): Promise<unknown> }): Promise<void> {
  for (;;) {
    const state = (await exec.inspect()) as { Running: boolean; ExitCode: number | null };
    // ExitCode stays null until the process has ended.
    if (!state.Running && state.ExitCode !== null) {
      expect(state.ExitCode).toBe(0);
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs a form's curl form (every request in order) and returns the last answer. */
async function runCurl(copy: FormCopy, target: EngineTarget, env: Record<string, string>, cwd?: string) {
  let out = '';
  for (const r of copy.requests)
    out = (await runWith('sh', ['-ec', curlCommand(r, target)], env, cwd)).stdout;
  return out;
}

// Each test here compiles and runs up to four Go programs (3-4 s each when the machine is busy)
// besides curl, Python and Node: the default 30 s failed on a slower CI machine (28.7 s here).
describe(
  'copy as, before sending a form: each copy (curl, docker CLI, SDKs) makes what the app makes',
  { timeout: 120_000 },
  () => {
    const hosts = () => [
      { which: 'socket', hostId: localId },
      { which: 'tls', hostId: tlsId },
    ];

    it(`create network and create volume (curl, CLI, Python, Node, Go), on the socket and the TLS host (${GO_NOTE})`, async () => {
      for (const { which, hostId } of hosts()) {
        const socket = socketOf(hostId);
        const target = (await api.apilog.target({ hostId })).target;
        const env = snippetEnv(target);
        const netShape = async (name: string) => {
          const n = JSON.parse(await docker(socket, 'network', 'inspect', name))[0];
          return [n.Driver, n.Internal, n.Attachable, n.EnableIPv6, n.Labels, n.Options];
        };
        const volShape = async (name: string) => {
          const v = JSON.parse(await docker(socket, 'volume', 'inspect', name))[0];
          return [v.Driver, v.Labels, v.Options];
        };
        const net = (name: string) => ({
          hostId,
          name,
          driver: 'bridge' as const,
          internal: true,
          labels: { 'berthmaster.test': '1', team: 'api copy' },
          options: { 'com.docker.network.driver.mtu': '1400' },
        });
        const vol = (name: string) => ({
          name,
          driver: 'local',
          options: { type: 'tmpfs', device: 'tmpfs', o: 'size=1m' },
          labels: { 'berthmaster.test': '1', team: 'api copy' },
        });
        const appNet = uniqueName('bm-form-net');
        const appVol = uniqueName('bm-form-vol');
        resourcesMade.push(
          { socket, kind: 'network', name: appNet },
          { socket, kind: 'volume', name: appVol },
        );
        await api.networks.create(net(appNet));
        await api.volumes.create({ hostId, ...vol(appVol) });
        for (const form of ['curl', 'docker', 'python', 'node', 'go'] as const) {
          const copyNet = `${appNet}-${form}`;
          const copyVol = `${appVol}-${form}`;
          resourcesMade.push(
            { socket, kind: 'network', name: copyNet },
            { socket, kind: 'volume', name: copyVol },
          );
          const n = networkFormCopy(net(copyNet));
          const v = volumeFormCopy(vol(copyVol));
          if (form === 'curl') {
            await runCurl(n, target, env);
            await runCurl(v, target, env);
          } else if (form === 'docker') {
            await runWith('sh', ['-ec', n.dockerCli ?? 'false'], env);
            await runWith('sh', ['-ec', v.dockerCli ?? 'false'], env);
          } else {
            const texts = [n.requests[0]!, v.requests[0]!].map(
              (r) => copyAs(r, target).find((f) => f.format === form)?.text ?? '',
            );
            if (form === 'go' && GO_MODE === 'syntax') {
              for (const text of texts) await goOnlyChecked(form, text);
              continue;
            }
            for (const text of texts) await runSnippet(form, text, env);
          }
          expect(await netShape(copyNet), `${which} ${form}`).toEqual(await netShape(appNet));
          expect(await volShape(copyVol), `${which} ${form}`).toEqual(await volShape(appVol));
        }
      }
    });

    it(`exec: each copy (curl, Python, Node, Go) creates the exec the form describes and it runs with the secret from the environment; docker exec runs it too (${GO_NOTE})`, async () => {
      for (const { which, hostId } of hosts()) {
        const socket = socketOf(hostId);
        const name = uniqueName('bm-form-exec');
        made.push({ socket, name });
        await docker(
          socket,
          'run',
          '-d',
          '--name',
          name,
          '--label',
          'berthmaster.test=1',
          lab.image,
          'sleep',
          '300',
        );
        const target = (await api.apilog.target({ hostId })).target;
        const env = snippetEnv(target);
        const client = await rig.backend.hosts.client(hostId);
        // Each copy writes its own file, so each exec is seen to have run, and with what.
        const form = (by: string) => ({
          container: name,
          cmd: ['sh', '-c', `echo "$API_TOKEN" > /tmp/by-${by}`],
          tty: false,
          workingDir: '/tmp',
          env: [`API_TOKEN=${SECRET_ENV}`],
        });
        const cliCopy = execFormCopy(form('docker'));
        expect(cliCopy.dockerCli).not.toContain(SECRET_ENV);
        for (const by of ['curl', 'python', 'node', 'go'] as const) {
          const req = execFormCopy(form(by)).requests[0]!;
          const text =
            by === 'curl' ? curlCommand(req, target) : copyAs(req, target).find((f) => f.format === by)?.text;
          expect(text, `${which} ${by}`).toBeDefined();
          expect(text).not.toContain(SECRET_ENV);
          if (await goOnlyChecked(by, text ?? '')) continue;
          const out =
            by === 'curl'
              ? (await runWith('sh', ['-ec', text ?? 'false'], env)).stdout
              : await runSnippet(by, text ?? '', env);
          const { Id } = JSON.parse(out) as { Id: string };
          const exec = client.docker.getExec(Id);
          const created = (await exec.inspect()) as unknown as {
            ProcessConfig: { entrypoint: string; arguments: string[]; tty: boolean };
            ContainerID: string;
            Running: boolean;
          };
          expect(created.ProcessConfig, `${which} ${by}`).toMatchObject({ entrypoint: 'sh', tty: false });
          expect(created.ProcessConfig.arguments).toEqual(['-c', `echo "$API_TOKEN" > /tmp/by-${by}`]);
          expect(created.Running).toBe(false);
          await exec.start({ Detach: true });
          await waitForExec(exec);
          expect(await docker(socket, 'exec', name, 'cat', `/tmp/by-${by}`), `${which} ${by}`).toBe(
            SECRET_ENV,
          );
        }
        await runWith('sh', ['-ec', `${cliCopy.dockerCli ?? 'false'} </dev/null`], env);
        expect(await docker(socket, 'exec', name, 'cat', '/tmp/by-docker'), which).toBe(SECRET_ENV);
      }
    });

    it(`build: the curl, docker build, Python, Node and Go forms send the context and the secret build argument as the app does (${GO_NOTE})`, async () => {
      const context = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-apilog-build-'));
      await fs.mkdir(path.join(context, 'docker'));
      await fs.writeFile(
        path.join(context, 'docker', 'Dockerfile'),
        `FROM ${lab.image}\nARG VERSION\nARG API_TOKEN\nLABEL version=$VERSION berthmaster.test=1\nRUN test "$API_TOKEN" = "${SECRET_ENV}"\n`,
      );
      try {
        for (const { which, hostId } of hosts()) {
          const socket = socketOf(hostId);
          const target = (await api.apilog.target({ hostId })).target;
          // This machine's CLI has no buildx: the classic builder, as the app uses.
          const env = { ...snippetEnv(target), DOCKER_BUILDKIT: '0' };
          const tag = (by: string) => `berthmaster-test/apilog-build-${process.pid}-${which}-${by}:1`;
          const form = (by: string) => ({
            contextPath: context,
            dockerfile: 'docker/Dockerfile',
            tags: [tag(by)],
            buildArgs: { VERSION: '1.2', API_TOKEN: SECRET_ENV },
          });
          const started = await api.images.build({ hostId, ...form('app') });
          expect(await waitForTask(api, started.taskId)).toMatchObject({ state: 'succeeded' });
          const labels = async (by: string) =>
            JSON.parse(await docker(socket, 'image', 'inspect', '-f', '{{json .Config.Labels}}', tag(by)));
          const copy = buildFormCopy(form('curl'));
          expect(curlCommand(copy.requests[0]!, target)).not.toContain(SECRET_ENV);
          await runCurl(copy, target, env);
          const cli = buildFormCopy(form('docker')).dockerCli ?? 'false';
          expect(cli).not.toContain(SECRET_ENV);
          await runWith('sh', ['-ec', cli], env);
          for (const sdk of ['python', 'node', 'go'] as const) {
            const text = copyAs(buildFormCopy(form(sdk)).requests[0]!, target).find(
              (f) => f.format === sdk,
            )?.text;
            expect(text).not.toContain(SECRET_ENV);
            if (await goOnlyChecked(sdk, text ?? '')) continue;
            await runSnippet(sdk, text ?? '', env);
          }
          const copies = ['curl', 'docker', ...RUN_SDKS];
          for (const by of copies) expect(await labels(by), `${which} ${by}`).toEqual(await labels('app'));
          for (const by of ['app', ...copies]) await docker(socket, 'rmi', tag(by)).catch(() => undefined);
        }
      } finally {
        await fs.rm(context, { recursive: true, force: true });
      }
    });

    // Engine B cannot reach the lab registry (127.0.0.1 on this machine, outside its namespace):
    // the pull copies run on engine A's socket.
    it(`pull (with the registry login): the curl, CLI, Python, Node and Go forms pull the image the app pulled, the password only from the environment (${GO_NOTE})`, async () => {
      const ref = `${lab.registry.address}/${repo}:v1`;
      const target = (await api.apilog.target({ hostId: localId })).target;
      const env = snippetEnv(target);
      const copy = pullFormCopy(ref, true);
      const pulled = await api.images.pull({ hostId: localId, reference: ref });
      expect(await waitForTask(api, pulled.taskId)).toMatchObject({ state: 'succeeded' });
      const id = await docker(lab.engineA.socketPath, 'image', 'inspect', '--format', '{{.Id}}', ref);
      const sdk = (format: 'python' | 'node' | 'go') =>
        copyAs(copy.requests[0]!, target).find((f) => f.format === format)?.text;
      const copies = [
        {
          by: 'docker',
          run: () => runWith('sh', ['-ec', copy.dockerCli ?? 'false'], env),
          text: copy.dockerCli,
        },
        { by: 'curl', run: () => runCurl(copy, target, env), text: curlCommand(copy.requests[0]!, target) },
        ...RUN_SDKS.map((f) => ({
          by: f,
          run: () => runSnippet(f, sdk(f) ?? '', env),
          text: sdk(f),
        })),
      ];
      if (GO_MODE === 'syntax') await goOnlyChecked('go', sdk('go') ?? '');
      for (const { by, run, text } of copies) {
        expect(text, by).toBeDefined();
        expect(text).not.toContain(lab.registry.password);
        await docker(lab.engineA.socketPath, 'rmi', ref);
        await expect(docker(lab.engineA.socketPath, 'image', 'inspect', ref)).rejects.toThrow();
        await run();
        expect(await docker(lab.engineA.socketPath, 'image', 'inspect', '--format', '{{.Id}}', ref), by).toBe(
          id,
        );
      }
    });

    it(`Go copies: ${GO_NOTE}`, () => {
      // CI installs golang-go and golang-github-docker-docker-dev (.ci/run): there they must run.
      if (process.env.CI) expect(GO_MODE).toBe('run');
      expect(go.builds.length > 0).toBe(GO_MODE === 'run');
    });
  },
);
