import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TaskView } from '@shared/contract';
import { createBackend } from '../../../src/main/app/backend';
import { startWebServer } from '../../../src/main/web/web-server';
import { read, type Lab } from './lab';
import { connectWs } from './ws-client';

const quiet = { info: () => undefined, error: () => undefined };

export type Api = Awaited<ReturnType<typeof connectWs>>['api'];

/**
 * The whole backend behind the real web server (policy, audit and tasks included), with the lab's
 * SSH host key known, and the three ways to reach the lab's engines added as hosts.
 */
export async function startStacksBackend(lab: Lab) {
  const configDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-it-stacks-'));
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-it-stacks-home-'));
  const rendererDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-renderer-'));
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Berthmaster</title>');
  await fs.mkdir(path.join(home, '.ssh'));
  await fs.copyFile(lab.ssh.knownHosts, path.join(home, '.ssh', 'known_hosts'));
  const backend = await createBackend({ configDir, env: {}, homeDir: home, log: quiet });
  const server = await startWebServer({ dispatcher: backend.dispatcher, rendererDir, port: 0, log: quiet });
  const { api, socket } = await connectWs(server.port, server.token);
  const add = (name: string, endpoint: Parameters<Api['hosts']['add']>[0]['endpoint']) =>
    api.hosts.add({ name, color: '#10b981', endpoint });
  const hosts = {
    socket: await add('a-socket', { kind: 'socket', socketPath: lab.engineA.socketPath }),
    tls: await add('b-tls', {
      kind: 'tls',
      host: lab.engineB.tlsHost,
      port: lab.engineB.tlsPort,
      ca: read(lab.tls.ca),
      cert: read(lab.tls.cert),
      key: read(lab.tls.key),
    }),
    ssh: await add('b-ssh', {
      kind: 'ssh',
      host: lab.ssh.host,
      port: lab.ssh.port,
      user: lab.ssh.user,
      privateKey: read(lab.ssh.ed25519Key),
    }),
  };
  return {
    api,
    hosts,
    configDir,
    stop: async () => {
      socket.close();
      await server.close();
      backend.dispose();
      for (const d of [configDir, home, rendererDir]) await fs.rm(d, { recursive: true, force: true });
    },
  };
}

/** Follows tasks.watch until the task has finished; resolves with its last state. */
export function settled(api: Api, taskId: string): Promise<TaskView> {
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

export function output(api: Api, taskId: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    api.tasks.output(
      { taskId },
      { onEvent: (ev) => lines.push(...ev.lines), onEnd: (err) => (err ? reject(err) : resolve(lines)) },
    );
  });
}
