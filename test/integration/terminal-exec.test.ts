import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppError, Endpoint, HostsSnapshot } from '@shared/contract';
import { docker, loadLab, read, uniqueName, type Lab } from './support/lab';
import { startTerminalBackend } from './support/terminal-backend';
import { terminalProxy } from './support/terminal-proxy';
import { viewSession } from './support/terminal-session';
import { connectWs } from './support/ws-client';

type Client = Awaited<ReturnType<typeof connectWs>>;

/** busybox sh's prompt (it then asks for the cursor position, which this test doesn't answer). */
const PROMPT = /\/ # /;

let lab: Lab;
let backend: Awaited<ReturnType<typeof startTerminalBackend>>;
let client: Client;
const made: Array<[string, string]> = [];

async function run(socketPath: string, ...args: string[]): Promise<string> {
  const name = uniqueName('it-term');
  await docker(socketPath, 'run', '-d', '--label', 'berthmaster.test=1', '--name', name, ...args);
  made.push([socketPath, name]);
  return name;
}

async function waitConnected(hostId: string) {
  await vi.waitFor(
    async () => {
      const snap = await new Promise<HostsSnapshot>((resolve) => {
        const sub = client.api.hosts.watch({}, { onEvent: (s) => (sub.close(), resolve(s)) });
      });
      expect(snap.statuses[hostId]?.state).toBe('connected');
    },
    { timeout: 20_000, interval: 200 },
  );
}

async function addHost(name: string, endpoint: Endpoint): Promise<string> {
  const host = await client.api.hosts.add({ name, color: '#10b981', endpoint });
  await waitConnected(host.id);
  return host.id;
}

/** Processes in the container besides its main one (shells we started). */
async function extraProcesses(socketPath: string, name: string): Promise<number> {
  const out = await docker(socketPath, 'top', name, '-o', 'pid,args');
  return out
    .split('\n')
    .slice(1)
    .filter((l) => !/sleep 600/.test(l)).length;
}

beforeAll(async () => {
  lab = loadLab();
  backend = await startTerminalBackend();
  client = await connectWs(backend.server.port, backend.server.token);
  for (const line of read(lab.ssh.knownHosts).split('\n')) {
    const [, keyType, key] = line.trim().split(/\s+/);
    if (keyType && key)
      await client.api.hosts.trustHostKey({ host: lab.ssh.host, port: lab.ssh.port, keyType, key });
  }
});

// A failed test must not leave its shells running for the next one to count.
afterEach(async () => {
  for (const s of await client.api.exec.list({})) await client.api.exec.close({ sessionId: s.id });
});

afterAll(async () => {
  client?.socket.close();
  await backend?.stop();
  for (const [sock, name] of made) await docker(sock, 'rm', '-f', name).catch(() => undefined);
});

const transports: Array<{ label: string; engine: () => string; endpoint: () => Endpoint }> = [
  {
    label: 'engine A over its socket',
    engine: () => lab.engineA.socketPath,
    endpoint: () => ({ kind: 'socket', socketPath: lab.engineA.socketPath }),
  },
  {
    label: 'engine B over TLS',
    engine: () => lab.engineB.socketPath,
    endpoint: () => ({
      kind: 'tls',
      host: lab.engineB.tlsHost,
      port: lab.engineB.tlsPort,
      ca: read(lab.tls.ca),
      cert: read(lab.tls.cert),
      key: read(lab.tls.key),
    }),
  },
  {
    label: 'engine B over SSH',
    engine: () => lab.engineB.socketPath,
    endpoint: () => ({
      kind: 'ssh',
      host: lab.ssh.host,
      port: lab.ssh.port,
      user: lab.ssh.user,
      privateKey: read(lab.ssh.ed25519Key),
      useAgent: false,
    }),
  },
];

describe.each(transports)('interactive shells: $label', ({ label, engine, endpoint }) => {
  let hostId: string;
  let container: string;

  beforeAll(async () => {
    hostId = await addHost(`term ${label}`, endpoint());
    container = await run(engine(), lab.image, 'sleep', '600');
  });

  const open = (extra: { cols?: number; rows?: number } = {}) =>
    client.api.exec.open({ hostId, containerId: container, cols: extra.cols ?? 80, rows: extra.rows ?? 24 });

  it('runs a command, follows a resize, and reports the exit code', async () => {
    const info = await open({ cols: 90, rows: 30 });
    expect(info).toMatchObject({ state: 'running', kind: 'exec', command: ['auto'], cols: 90, rows: 30 });
    const view = viewSession(client.api, info.id);
    await client.api.exec.input({ sessionId: info.id, data: 'echo $((6*7))\r' });
    // The echo of the command line shows "6*7"; only the shell's answer is a bare 42.
    await view.waitFor(/\r\n42\r\n/);
    await client.api.exec.input({ sessionId: info.id, data: 'stty size\r' });
    await view.waitFor(/\r\n30 90\r\n/);
    await client.api.exec.resize({ sessionId: info.id, cols: 123, rows: 45 });
    await client.api.exec.input({ sessionId: info.id, data: 'stty size\r' });
    await view.waitFor(/\r\n45 123\r\n/);
    await client.api.exec.input({ sessionId: info.id, data: 'exit 3\r' });
    await view.waitForEnd();
    expect(view.error).toBeUndefined();
    expect(view.final).toMatchObject({ state: 'exited', exitCode: 3 });
    expect((await client.api.exec.list({})).find((s) => s.id === info.id)?.state).toBe('exited');
    await client.api.exec.close({ sessionId: info.id });
  });

  it('delivers multi-byte UTF-8 intact when characters are split across chunks', async () => {
    const info = await open();
    try {
      const view = viewSession(client.api, info.id, { keepBytes: true });
      await client.api.exec.input({
        sessionId: info.id,
        // One 1.8 MB line: the engine reads it in blocks whose edges may fall inside characters.
        data: "echo B$((1+1))B; printf 'é€😀%.0s' $(seq 1 200000); echo; echo E$((1+1))E\r",
      });
      await view.waitFor(/E2E\r\n/, 30_000);
      const body = view.text.slice(view.text.indexOf('B2B\r\n') + 5, view.text.indexOf('\r\nE2E'));
      expect(body).toBe('é€😀'.repeat(200000));
      // Where the engine's chunks fell inside a character, the viewer's decoder carried it over.
      const splits = view.chunks.filter((c) => c.length > 0 && ((c[0] as number) & 0xc0) === 0x80).length;
      console.info(`${label}: ${view.chunks.length} chunks, ${splits} of them start inside a character`);
      expect(splits).toBeGreaterThan(0);
    } finally {
      await client.api.exec.close({ sessionId: info.id });
    }
  });

  it('streams 100 MB to a slow terminal with bounded memory', { timeout: 300_000 }, async () => {
    // Over structured-clone messages as in Electron: the WebSocket's JSON codec would be the
    // bottleneck here, not the session.
    const ipc = backend.connectMemory();
    try {
      const info = await ipc.api.exec.open({ hostId, containerId: container, cols: 80, rows: 24 });
      const view = viewSession(ipc.api, info.id, { ackDelayMs: 2 });
      await view.waitFor(PROMPT);
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
      const started = Date.now();
      const before = view.bytes;
      try {
        // `yes` writes 2-byte lines; dd gathers them into big writes as `cat` of a file would.
        await ipc.api.exec.input({
          sessionId: info.id,
          data: "sh -c 'yes | dd bs=50000 count=2000 iflag=fullblock 2>/dev/null'; echo D$((2+2))D\r",
        });
        await view.waitFor(/D4D\r\n/, 290_000);
      } finally {
        clearInterval(sampler);
      }
      // 100,000,000 bytes of "y\n"; the TTY turns each into "y\r\n".
      expect(view.bytes - before).toBeGreaterThan(150_000_000);
      const growthMb = (peak - baseline) / 1024 / 1024;
      const seconds = (Date.now() - started) / 1000;
      console.info(
        `${label}: 150 MB to a slow terminal in ${seconds.toFixed(0)} s, rss growth ${growthMb.toFixed(1)} MB`,
      );
      expect(growthMb).toBeLessThan(200);
      await ipc.api.exec.close({ sessionId: info.id });
    } finally {
      ipc.close();
    }
  });

  it('closing the session ends the shell in the container', async () => {
    const info = await open();
    const view = viewSession(client.api, info.id);
    await view.waitFor(PROMPT);
    expect(await extraProcesses(engine(), container)).toBeGreaterThan(0);
    await client.api.exec.close({ sessionId: info.id });
    await view.waitForEnd();
    await vi.waitFor(async () => expect(await extraProcesses(engine(), container)).toBe(0), {
      timeout: 10_000,
      interval: 200,
    });
    expect((await client.api.exec.list({})).some((s) => s.id === info.id)).toBe(false);
  });
});

describe('sessions live in main', () => {
  let hostId: string;
  let container: string;

  beforeAll(async () => {
    hostId = (await client.api.hosts.list({})).find((h) => h.name === 'local')?.id as string;
    await waitConnected(hostId);
    container = await run(lab.engineA.socketPath, lab.image, 'sleep', '600');
  });

  it('replays recent output to a new viewer (reload) and keeps the session when viewers leave', async () => {
    const info = await client.api.exec.open({ hostId, containerId: container, cols: 80, rows: 24 });
    const first = viewSession(client.api, info.id);
    await client.api.exec.input({ sessionId: info.id, data: 'echo R$((5*5))R\r' });
    await first.waitFor(/R25R\r\n/);
    first.close();
    // A second "renderer" (another WebSocket), as after a reload.
    const other = await connectWs(backend.server.port, backend.server.token);
    try {
      const list = await other.api.exec.list({});
      expect(list.find((s) => s.id === info.id)?.state).toBe('running');
      const second = viewSession(other.api, info.id);
      await second.waitFor(/R25R\r\n/);
      await other.api.exec.input({ sessionId: info.id, data: 'echo $((7*6))\r' });
      await second.waitFor(/\r\n42\r\n/);
      second.close();
    } finally {
      other.socket.close();
    }
    await client.api.exec.close({ sessionId: info.id });
  });

  it('"start again" opens a new shell with the same settings', async () => {
    const info = await client.api.exec.open({
      hostId,
      containerId: container,
      shell: ['/bin/sh'],
      env: ['GREETING=hej'],
      workingDir: '/tmp',
      cols: 80,
      rows: 24,
    });
    const view = viewSession(client.api, info.id);
    await client.api.exec.input({ sessionId: info.id, data: 'exit 7\r' });
    await view.waitForEnd();
    expect(view.final).toMatchObject({ state: 'exited', exitCode: 7 });
    const again = await client.api.exec.reopen({ sessionId: info.id });
    expect(again.id).not.toBe(info.id);
    expect(again.command).toEqual(['/bin/sh']);
    const view2 = viewSession(client.api, again.id);
    await client.api.exec.input({ sessionId: again.id, data: 'echo "$GREETING in $PWD"\r' });
    await view2.waitFor(/\r\nhej in \/tmp\r\n/);
    expect((await client.api.exec.list({})).some((s) => s.id === info.id)).toBe(false);
    await client.api.exec.close({ sessionId: again.id });
  });

  it('a missing shell shows the engine message and a non-zero exit code', async () => {
    const info = await client.api.exec.open({
      hostId,
      containerId: container,
      shell: ['/bin/no-such-shell'],
      cols: 80,
      rows: 24,
    });
    const view = viewSession(client.api, info.id);
    await view.waitForEnd();
    expect(view.text).toMatch(/no-such-shell/);
    expect(view.final?.state).toBe('exited');
    expect(view.final?.exitCode).not.toBe(0);
    await client.api.exec.close({ sessionId: info.id });
  });

  it('refuses bad input before any engine call', async () => {
    const bad: unknown[] = [
      { hostId, containerId: '../../images', cols: 80, rows: 24 },
      { hostId, containerId: container, cols: 80, rows: 24, user: 'root; rm' },
      { hostId, containerId: container, cols: 80, rows: 24, env: ['not an env'] },
      { hostId, containerId: container, cols: 80, rows: 24, workingDir: 'relative' },
      { hostId, containerId: container, cols: 0, rows: 24 },
    ];
    for (const input of bad) {
      const err = await client.api.exec.open(input as never).then(
        () => undefined,
        (e: AppError) => e,
      );
      expect(err?.code, JSON.stringify(input)).toBe('INVALID_INPUT');
    }
    const tooBig = await client.api.exec
      .input({ sessionId: 's-0000000000000000', data: 'x'.repeat(70_000) })
      .then(
        () => undefined,
        (e: AppError) => e,
      );
    expect(tooBig?.code).toBe('INVALID_INPUT');
  });

  it('a stopped container gives a clear conflict', async () => {
    const stopped = uniqueName('it-term-stopped');
    await docker(
      lab.engineA.socketPath,
      'create',
      '--label',
      'berthmaster.test=1',
      '--name',
      stopped,
      lab.image,
      'sh',
    );
    made.push([lab.engineA.socketPath, stopped]);
    const err = await client.api.exec.open({ hostId, containerId: stopped, cols: 80, rows: 24 }).then(
      () => undefined,
      (e: AppError) => e,
    );
    expect(err?.code).toBe('CONFLICT');
    expect(err?.message).toMatch(/not running/i);
  });
});

describe('attach to the main process', () => {
  it('types into a TTY container without leaking the request body, and detaches with ctrl-p ctrl-q', async () => {
    const hostId = (await client.api.hosts.list({})).find((h) => h.name === 'local')?.id as string;
    const name = await run(lab.engineA.socketPath, '-it', lab.image, 'sh');
    const info = await client.api.exec.attach({ hostId, containerId: name, cols: 100, rows: 30 });
    expect(info).toMatchObject({ kind: 'attach', containerName: name, state: 'running' });
    const view = viewSession(client.api, info.id);
    await client.api.exec.input({ sessionId: info.id, data: 'echo $((6*7)); stty size\r' });
    await view.waitFor(/\r\n42\r\n30 100\r\n/);
    // Anything the engine fed to stdin besides our keys would have been echoed by the TTY.
    expect(view.text).not.toMatch(/stream|stdin|\{"/);
    await client.api.exec.input({ sessionId: info.id, data: '\x10\x11' });
    await view.waitForEnd();
    expect(view.final?.state).toBe('detached');
    expect(await docker(lab.engineA.socketPath, 'inspect', '-f', '{{.State.Running}}', name)).toBe('true');
    await client.api.exec.close({ sessionId: info.id });
  });

  it('refuses a container without a TTY with a sentence', async () => {
    const hostId = (await client.api.hosts.list({})).find((h) => h.name === 'local')?.id as string;
    const name = await run(lab.engineA.socketPath, lab.image, 'sleep', '600');
    const err = await client.api.exec.attach({ hostId, containerId: name, cols: 80, rows: 24 }).then(
      () => undefined,
      (e: AppError) => e,
    );
    expect(err?.code).toBe('CONFLICT');
    expect(err?.message).toMatch(/not started with a terminal/);
  });
});

describe('when the engine goes away', () => {
  it('a dead engine connection reports the session disconnected at once', async () => {
    const proxy = await terminalProxy(lab.engineA.socketPath);
    try {
      const hostId = await addHost('term proxied', { kind: 'socket', socketPath: proxy.socketPath });
      const container = await run(lab.engineA.socketPath, lab.image, 'sleep', '600');
      const info = await client.api.exec.open({ hostId, containerId: container, cols: 80, rows: 24 });
      const view = viewSession(client.api, info.id);
      await view.waitFor(PROMPT);
      // Each session is one hijacked connection to the engine; closing its tab releases it.
      expect(proxy.streams).toBe(1);
      const second = await client.api.exec.open({ hostId, containerId: container, cols: 80, rows: 24 });
      expect(proxy.streams).toBe(2);
      await client.api.exec.close({ sessionId: second.id });
      await vi.waitFor(() => expect(proxy.streams).toBe(1));

      proxy.cut();
      await view.waitForEnd(5_000);
      expect(view.final?.state).toBe('disconnected');
      expect(view.final?.error?.message).toBeTruthy();
      await client.api.exec.close({ sessionId: info.id });
      await client.api.hosts.remove({ id: hostId });
    } finally {
      await proxy.close();
    }
  });

  it('a link that stops answering reports the session disconnected within seconds', async () => {
    const proxy = await terminalProxy(lab.engineA.socketPath);
    try {
      const hostId = await addHost('term frozen', { kind: 'socket', socketPath: proxy.socketPath });
      const container = await run(lab.engineA.socketPath, lab.image, 'sleep', '600');
      const info = await client.api.exec.open({ hostId, containerId: container, cols: 80, rows: 24 });
      const view = viewSession(client.api, info.id);
      await view.waitFor(PROMPT);
      const started = Date.now();
      proxy.freeze();
      await view.waitForEnd(25_000);
      expect(view.final?.state).toBe('disconnected');
      console.info(`frozen link noticed after ${((Date.now() - started) / 1000).toFixed(1)} s`);
      await client.api.exec.close({ sessionId: info.id });
      await client.api.hosts.remove({ id: hostId });
    } finally {
      proxy.cut();
      await proxy.close();
    }
  });
});
