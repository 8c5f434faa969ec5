import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '@shared/contract';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import {
  deleteFromRegistry,
  startImagesBackend,
  waitForTask,
  type ImagesBackend,
} from './support/images-backend';

/**
 * Engine B lives in its own network namespace, where 127.0.0.1:5000 is not the lab registry. Two
 * hops bring it there for this test: B's 127.0.0.1:5000 → 10.123.0.1:<port> (a forwarder inside
 * B's namespace) → the registry (a forwarder here, which also sees what B sends the registry).
 */
const NETNS_FORWARDER = `
const net = require('node:net');
const [target, port] = process.argv.slice(1);
net.createServer((c) => {
  const u = net.connect(Number(port), target);
  c.pipe(u).pipe(c);
  const end = () => { c.destroy(); u.destroy(); };
  c.on('error', end); u.on('error', end); c.on('close', end); u.on('close', end);
}).listen(5000, '127.0.0.1', () => console.log('ready'));
`;

let lab: Lab;
let be: ImagesBackend;
let hostB: string;
let hostSide: net.Server;
let netnsForwarder: ChildProcess | undefined;
/** Everything engine B sent to the registry (HTTP, in the clear on this hop). */
let registryTraffic = '';
const repo = uniqueName('berthmaster-test-consent');
const ref = () => `${lab.registry.address}/${repo}:v1`;

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
  be = await startImagesBackend();
  hostB = await be.addEngineB(lab);
  const [regHost, regPort] = lab.registry.address.split(':');
  hostSide = net.createServer((c) => {
    const u = net.connect(Number(regPort), regHost);
    c.on('data', (chunk: Buffer) => {
      registryTraffic += chunk.toString('latin1');
    });
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
  const child = spawn(
    'ip',
    ['netns', 'exec', lab.engineB.netns, process.execPath, '-e', NETNS_FORWARDER, '10.123.0.1', String(port)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  netnsForwarder = child;
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`netns forwarder exited (${code})`)));
  });
  // The image to pull, pushed to the registry from engine A (a local socket host: no consent needed).
  await docker(lab.engineA.socketPath, 'tag', lab.image, ref());
});

afterAll(async () => {
  await docker(lab.engineA.socketPath, 'rmi', ref()).catch(() => undefined);
  await docker(lab.engineB.socketPath, 'rmi', ref()).catch(() => undefined);
  await deleteFromRegistry(lab, repo, 'v1').catch(() => undefined);
  if (netnsForwarder?.pid) process.kill(netnsForwarder.pid);
  await new Promise<void>((resolve) => hostSide?.close(() => resolve()));
  await be?.stop();
});

describe('registry credentials and remote engines', () => {
  let loginId = '';

  it('a local socket host uses a stored login without asking', async () => {
    const view = await be.api.registries.add({
      address: lab.registry.address,
      username: lab.registry.username,
      secret: lab.registry.password,
    });
    loginId = view.id;
    expect(view.allowedHosts).toEqual([]);
    const { taskId } = await be.api.images.push({ hostId: be.localId, reference: ref() });
    expect(await waitForTask(be.api, taskId)).toMatchObject({ state: 'succeeded' });
  });

  it('a pull on a remote host that was not allowed fails before the engine hears of it', async () => {
    const err = await rejection(be.api.images.pull({ hostId: hostB, reference: ref() }));
    expect(err.code).toBe('PERMISSION_DENIED');
    expect(err.message).toMatch(/not allowed on lab-b/);
    expect(err.message).toMatch(/Allow for this host/);
    expect(err.data).toMatchObject({ registryConsent: true, registryId: loginId, hostId: hostB });
    // Nothing reached the registry from engine B, and B has no such image.
    expect(registryTraffic).toBe('');
    await expect(docker(lab.engineB.socketPath, 'image', 'inspect', ref())).rejects.toThrow();
    // Push and a login test with the stored secret are refused the same way.
    expect((await rejection(be.api.images.push({ hostId: hostB, reference: ref() }))).code).toBe(
      'PERMISSION_DENIED',
    );
    expect((await rejection(be.api.registries.testLogin({ hostId: hostB, id: loginId }))).code).toBe(
      'PERMISSION_DENIED',
    );
    expect(registryTraffic).toBe('');
  });

  it('once allowed for that host, the pull sends the login through engine B and works', async () => {
    const view = await be.api.registries.allowHost({ id: loginId, hostId: hostB, allowed: true });
    expect(view.allowedHosts).toEqual([hostB]);
    const { taskId } = await be.api.images.pull({ hostId: hostB, reference: ref() });
    expect(await waitForTask(be.api, taskId)).toMatchObject({ state: 'succeeded' });
    const basic = Buffer.from(`${lab.registry.username}:${lab.registry.password}`).toString('base64');
    expect(registryTraffic).toContain(`Authorization: Basic ${basic}`);
    expect(await docker(lab.engineB.socketPath, 'image', 'inspect', '-f', '{{.Id}}', ref())).toMatch(
      /^sha256:/,
    );
    // The consent is stored with the login (survives a restart of the service).
    expect((await be.api.registries.list({})).find((r) => r.id === loginId)?.allowedHosts).toEqual([hostB]);
  });

  it('withdrawing consent refuses again', async () => {
    await be.api.registries.allowHost({ id: loginId, hostId: hostB, allowed: false });
    expect((await rejection(be.api.images.pull({ hostId: hostB, reference: ref() }))).code).toBe(
      'PERMISSION_DENIED',
    );
  });

  it('references without a stored login need no consent (nothing secret is sent)', async () => {
    const { taskId } = await be.api.images.pull({
      hostId: hostB,
      reference: '127.0.0.1:5999/nothing/here:1',
    });
    const task = await waitForTask(be.api, taskId);
    expect(task.state).toBe('failed');
    expect(task.error?.code).not.toBe('PERMISSION_DENIED');
  });
});
