import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../src/main/app/backend';
import { startWebServer, type WebServer } from '../../src/main/web/web-server';
import { deleteFromRegistry, waitForTask } from './support/images-backend';
import { docker, loadLab, read, uniqueName, type Lab } from './support/lab';
import { connectWs } from './support/ws-client';
import { confirmLocalEngine } from './support/lab-hosts';

/**
 * The secrets used here must never show up where the renderer, a log or a file could show them:
 * not in any WebSocket message, not in the audit or connection log, not on stderr (even with
 * DEBUG=*), not in any file of the config folder; neither plainly nor base64-encoded.
 */

interface DebugModule {
  enable(ns: string): void;
  disable(): string;
}
const modemDebug = (): DebugModule => {
  const req = createRequire(import.meta.url);
  return createRequire(req.resolve('docker-modem'))('debug') as DebugModule;
};

let lab: Lab;
let backend: Backend;
let server: WebServer;
let configDir: string;
let home: string;
let rendererDir: string;
let api: Awaited<ReturnType<typeof connectWs>>['api'];
const wsMessages: string[] = [];
const logLines: string[] = [];
const stderrWrites: string[] = [];
let restoreStderr: () => void = () => undefined;
let debugBefore = '';
const repo = uniqueName('berthmaster-test-secrets');
const ref = () => `${lab.registry.address}/${repo}:v1`;

/** A secret's base64 at every byte alignment (what a leak inside a bigger encoded blob shows). */
function base64Variants(secret: string): string[] {
  const out: string[] = [];
  for (const pad of [0, 1, 2]) {
    const enc = Buffer.from(`${'\0'.repeat(pad)}${secret}`).toString('base64');
    // Drop the block touched by the padding and the last (partial) block.
    const stable = enc.slice(pad ? 4 : 0, enc.length - 4);
    if (stable.length >= 8) out.push(stable, stable.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return out;
}

/** The body lines of a PEM key: any one of them in a message means the key leaked. */
const pemLines = (pem: string) =>
  pem
    .split(/\r?\n/)
    .filter((l) => l.length >= 20 && !l.startsWith('-----'))
    .map((l) => l.trim());

function needles(): Array<[string, string]> {
  const { username, password, address } = lab.registry;
  const authJson = JSON.stringify({ username, password, serveraddress: address });
  const list: Array<[string, string]> = [
    ['registry password', password],
    ['registry user:password base64', Buffer.from(`${username}:${password}`).toString('base64')],
    ['X-Registry-Auth', Buffer.from(authJson).toString('base64').replace(/\+/g, '-').replace(/\//g, '_')],
    ['SSH key passphrase', lab.ssh.rsaPassphrase],
  ];
  for (const v of base64Variants(password)) list.push(['registry password (base64)', v]);
  for (const v of base64Variants(lab.ssh.rsaPassphrase)) list.push(['SSH passphrase (base64)', v]);
  for (const l of pemLines(read(lab.tls.key))) list.push(['TLS client key', l]);
  for (const l of pemLines(read(lab.ssh.rsaKey))) list.push(['SSH private key', l]);
  return list;
}

function leaks(where: string, text: string): string[] {
  return needles()
    .filter(([, n]) => text.includes(n))
    .map(([what]) => `${what} in ${where}`);
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

beforeAll(async () => {
  lab = loadLab();
  configDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-it-secrets-'));
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-home-'));
  rendererDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-renderer-'));
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Berthmaster</title>');
  await fs.mkdir(path.join(home, '.ssh'), { recursive: true });
  await fs.copyFile(lab.ssh.knownHosts, path.join(home, '.ssh', 'known_hosts'));
  // As if started with DEBUG=*: docker-modem would print every request's key and auth header.
  const debug = modemDebug();
  debugBefore = debug.disable();
  debug.enable('*');
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    stderrWrites.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return write(chunk, ...rest);
  }) as typeof process.stderr.write;
  restoreStderr = () => {
    process.stderr.write = write;
  };
  const log = {
    info: (msg: string) => logLines.push(msg),
    error: (msg: string, detail?: unknown) => logLines.push(`${msg} ${String(detail ?? '')}`),
  };
  backend = await createBackend({ configDir, env: {}, homeDir: home, log });
  server = await startWebServer({ dispatcher: backend.dispatcher, rendererDir, port: 0, log });
  const ws = await connectWs(server.port, server.token);
  // The tap: every message main sends the renderer, as sent.
  ws.socket.on('message', (data: Buffer) => wsMessages.push(data.toString('utf8')));
  api = ws.api;
  await docker(lab.engineA.socketPath, 'tag', lab.image, ref());
});

afterAll(async () => {
  restoreStderr();
  const debug = modemDebug();
  debug.disable();
  if (debugBefore) debug.enable(debugBefore);
  await docker(lab.engineA.socketPath, 'rmi', ref()).catch(() => undefined);
  await deleteFromRegistry(lab, repo, 'v1').catch(() => undefined);
  await server?.close();
  backend?.dispose();
  for (const d of [configDir, home, rendererDir]) await fs.rm(d, { recursive: true, force: true });
});

describe('secrets never leak', () => {
  it('uses every kind of secret for real', async () => {
    const events: unknown[] = [];
    const watch = api.hosts.watch({}, { onEvent: (s) => events.push(s), onEnd: () => undefined });
    const tlsHost = await api.hosts.add({
      name: 'secret-tls',
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
    const sshHost = await api.hosts.add({
      name: 'secret-ssh',
      color: '#8b5cf6',
      endpoint: {
        kind: 'ssh',
        host: lab.ssh.host,
        user: lab.ssh.user,
        privateKey: read(lab.ssh.rsaKey),
        passphrase: lab.ssh.rsaPassphrase,
        useAgent: false,
      },
    });
    await backend.hosts.client(tlsHost.id);
    await backend.hosts.client(sshHost.id);
    expect((await api.hosts.engineInfo({ hostId: sshHost.id })).id).toBeTruthy();
    // An edit that keeps the stored secrets, and a failing test (errors must not carry them).
    await api.hosts.update({ id: sshHost.id, name: 'secret-ssh-2' });
    await api.hosts
      .test({
        endpoint: {
          kind: 'ssh',
          host: lab.ssh.host,
          user: lab.ssh.user,
          privateKey: read(lab.ssh.rsaKey),
          passphrase: `${lab.ssh.rsaPassphrase}-wrong`,
          useAgent: false,
        },
      })
      .catch(() => undefined);

    // The registry login is used on this engine: it is confirmed as this computer's own.
    const local = { id: await confirmLocalEngine(api) };
    const login = await api.registries.add({
      address: lab.registry.address,
      username: lab.registry.username,
      secret: lab.registry.password,
    });
    expect((await api.registries.testLogin({ hostId: local.id, id: login.id })).status).toMatch(/Succeeded/);
    const pushed = await api.images.push({ hostId: local.id, reference: ref() });
    expect(await waitForTask(api, pushed.taskId)).toMatchObject({ state: 'succeeded' });
    await docker(lab.engineA.socketPath, 'rmi', ref());
    const pulled = await api.images.pull({ hostId: local.id, reference: ref() });
    const done = await waitForTask(api, pulled.taskId);
    expect(done.state).toBe('succeeded');
    await new Promise<void>((resolve, reject) =>
      api.tasks.output(
        { taskId: pulled.taskId },
        { onEvent: () => undefined, onEnd: (e) => (e ? reject(e) : resolve()) },
      ),
    );
    // What the renderer can read back.
    for (const h of await api.hosts.list({})) await api.hosts.connectionLog({ id: h.id });
    await api.registries.list({});
    await api.audit.list({});
    watch.close();
    expect(events.length).toBeGreaterThan(0);
  });

  it('the scan finds each secret when it is there (self-check)', () => {
    expect(leaks('self-check', read(lab.tls.key))).not.toEqual([]);
    expect(leaks('self-check', read(lab.ssh.rsaKey))).not.toEqual([]);
    expect(leaks('self-check', JSON.stringify({ h: base64Variants(lab.registry.password)[2] }))).not.toEqual(
      [],
    );
  });

  it('no WebSocket message to the renderer contains them', () => {
    expect(wsMessages.length).toBeGreaterThan(20);
    const all = wsMessages.join('\n');
    // The tap sees the traffic (sanity): host names and the registry address went through.
    expect(all).toContain('secret-ssh-2');
    expect(all).toContain(lab.registry.address);
    expect(leaks('WebSocket messages', all)).toEqual([]);
  });

  it('no file under the config folder, audit log included, contains them', async () => {
    const files = await filesUnder(configDir);
    expect(files.map((f) => path.basename(f))).toEqual(
      expect.arrayContaining(['hosts.json', 'registries.json', 'audit.jsonl']),
    );
    const found: string[] = [];
    for (const f of files) {
      const bytes = await fs.readFile(f);
      found.push(...leaks(path.relative(configDir, f), bytes.toString('utf8')));
      found.push(...leaks(`${path.relative(configDir, f)} (latin1)`, bytes.toString('latin1')));
      expect((await fs.stat(f)).mode & 0o077).toBe(0);
    }
    expect(found).toEqual([]);
    const audit = await fs.readFile(path.join(configDir, 'audit.jsonl'), 'utf8');
    expect(audit).toContain('registries.add');
  });

  it('the connection logs do not contain them', () => {
    const text = JSON.stringify(backend.hosts.list().map((h) => backend.hosts.connectionLog(h.id)));
    expect(text).toContain('Connected');
    expect(leaks('connection logs', text)).toEqual([]);
  });

  it('logs and stderr stay clean with DEBUG=* (docker-modem debug is off)', () => {
    expect(leaks('backend log', logLines.join('\n'))).toEqual([]);
    const stderr = stderrWrites.join('');
    expect(stderr).not.toMatch(/\bmodem Sending/);
    expect(stderr).not.toContain('X-Registry-Auth');
    expect(leaks('stderr', stderr)).toEqual([]);
  });
});
