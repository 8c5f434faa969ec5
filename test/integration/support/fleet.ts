import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import type { TaskView } from '@shared/contract';
import type { Lab } from './lab';
import { startTestBackend } from './backend';
import { connectWs } from './ws-client';
import { addLabEngineB, confirmLocalEngine } from './lab-hosts';

/** The whole backend as the app composes it (every namespace), with a typed WebSocket client. */
export async function startFleetBackend() {
  const t = await startTestBackend();
  const { api, socket } = await connectWs(t.server.port, t.server.token);
  const localId = await confirmLocalEngine(api);
  return {
    api,
    backend: t.backend,
    localId,
    addEngineB: (lab: Lab): Promise<string> => addLabEngineB(api, lab, (id) => t.backend.hosts.client(id)),
    stop: async () => {
      socket.close();
      await t.stop();
    },
  };
}

export type FleetBackend = Awaited<ReturnType<typeof startFleetBackend>>;

const NETNS_FORWARDER = `
const net = require('node:net');
const [target, port] = process.argv.slice(1);
const server = net.createServer((c) => {
  const u = net.connect(Number(port), target);
  c.pipe(u).pipe(c);
  const end = () => { c.destroy(); u.destroy(); };
  c.on('error', end); u.on('error', end); c.on('close', end); u.on('close', end);
});
server.on('error', (e) => { console.log(e.code === 'EADDRINUSE' ? 'shared' : 'failed'); process.exit(e.code === 'EADDRINUSE' ? 0 : 1); });
server.listen(5000, '127.0.0.1', () => console.log('ready'));
`;

/**
 * Engine B lives in its own network namespace, where 127.0.0.1:5000 is not the lab registry:
 * a forwarder inside B's namespace sends it to one here (10.123.0.1), which goes on to the
 * registry. When another test's forwarder already holds B's port, that one is used.
 */
export async function forwardRegistryToEngineB(lab: Lab): Promise<() => Promise<void>> {
  const [regHost, regPort] = lab.registry.address.split(':');
  const hostSide = net.createServer((c) => {
    const u = net.connect(Number(regPort), regHost);
    c.pipe(u).pipe(c);
    const end = () => {
      c.destroy();
      u.destroy();
    };
    c.on('error', end).on('close', end);
    u.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => hostSide.listen(0, '10.123.0.1', resolve));
  const port = (hostSide.address() as net.AddressInfo).port;
  const child: ChildProcess = spawn(
    'ip',
    ['netns', 'exec', lab.engineB.netns, process.execPath, '-e', NETNS_FORWARDER, '10.123.0.1', String(port)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`netns forwarder exited (${code})`)),
    );
  });
  return async () => {
    if (child.pid && child.exitCode === null) process.kill(child.pid);
    await new Promise<void>((resolve) => hostSide.close(() => resolve()));
  };
}

/** Builds an image from a Dockerfile given as text (no context), with the legacy builder. */
export function buildImage(socketPath: string, tag: string, dockerfile: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', ['-H', `unix://${socketPath}`, 'build', '-q', '-t', tag, '-'], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', DOCKER_BUILDKIT: '0' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`docker build: ${err}`)),
    );
    child.stdin.end(dockerfile);
  });
}

/** Follows tasks.watch until the task has finished. */
export function waitForTask(api: FleetBackend['api'], taskId: string): Promise<TaskView> {
  return new Promise((resolve, reject) => {
    const check = (t: TaskView) => {
      if (t.id !== taskId || t.state === 'running') return;
      sub.close();
      resolve(t);
    };
    const sub = api.tasks.watch(
      {},
      {
        onEvent(ev) {
          if (ev.type === 'snapshot') ev.tasks.forEach(check);
          else if (ev.type === 'upsert') check(ev.task);
        },
        onEnd: (err) => reject(err ?? new Error('tasks.watch ended')),
      },
    );
  });
}

/** Polls `read` until `done` holds for its value (tests assert outcomes, not times). */
export async function eventually<T>(
  read: () => Promise<T> | T,
  done: (v: T) => boolean,
  what: string,
): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const v = await read();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never happened: ${what}`);
}
