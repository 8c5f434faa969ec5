import { promises as fs } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { contract, type TaskView } from '@shared/contract';
import type { AppContext } from '../../../src/main/app/app-context';
import { toAppError } from '../../../src/main/errors/to-app-error';
import { createDispatcher } from '../../../src/main/rpc/dispatcher';
import { hostsHandlers } from '../../../src/main/services/hosts/handlers';
import { HostService } from '../../../src/main/services/hosts/host-service';
import { imagesHandlers } from '../../../src/main/services/images/handlers';
import { registriesHandlers } from '../../../src/main/services/registries/handlers';
import { tasksHandlers } from '../../../src/main/services/tasks/handlers';
import { startWebServer } from '../../../src/main/web/web-server';
import type { Lab } from './lab';
import { connectWs } from './ws-client';
import { addLabEngineB, confirmLocalEngine } from './lab-hosts';

const quiet = { info: () => undefined, error: () => undefined };

/**
 * The hosts, images, registries and tasks namespaces as the app composes them, behind the real
 * web server, with a typed client over a real WebSocket.
 */
export async function startImagesBackend(homeDir = '/nonexistent-home') {
  const configDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-it-images-'));
  const rendererDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-renderer-'));
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Berthmaster</title>');
  const hosts = new HostService({ configDir, env: {}, homeDir, log: quiet });
  await hosts.init();
  const cleanups: Array<() => void> = [];
  const ctx = {
    hosts,
    configDir,
    homeDir,
    onDispose: (fn: () => void) => cleanups.push(fn),
  } as unknown as AppContext;
  const subset = {
    hosts: contract.hosts,
    images: contract.images,
    registries: contract.registries,
    tasks: contract.tasks,
  };
  const dispatcher = createDispatcher({
    contract: subset,
    handlers: {
      hosts: hostsHandlers(ctx),
      images: imagesHandlers(ctx),
      registries: registriesHandlers(ctx),
      tasks: tasksHandlers(ctx),
    },
    mapError: (e) => toAppError(e),
    log: quiet,
  });
  const server = await startWebServer({ dispatcher, rendererDir, port: 0, log: quiet });
  const { api, socket } = await connectWs(server.port, server.token);
  const localId = await confirmLocalEngine(api);
  return {
    api,
    configDir,
    hosts,
    localId,
    /** Adds engine B over TLS: a copy then goes socket → TLS. */
    addEngineB: (lab: Lab): Promise<string> => addLabEngineB(api, lab, (id) => hosts.client(id)),
    stop: async () => {
      socket.close();
      await server.close();
      for (const fn of cleanups.splice(0).reverse()) fn();
      hosts.dispose();
      await fs.rm(configDir, { recursive: true, force: true });
      await fs.rm(rendererDir, { recursive: true, force: true });
    },
  };
}

export type ImagesBackend = Awaited<ReturnType<typeof startImagesBackend>>;

/** Follows tasks.watch until the task has finished; resolves with its last state. */
export function waitForTask(
  api: ImagesBackend['api'],
  taskId: string,
  onUpdate?: (t: TaskView) => void,
): Promise<TaskView> {
  return new Promise((resolve, reject) => {
    const check = (t: TaskView) => {
      if (t.id !== taskId) return;
      onUpdate?.(t);
      if (t.state !== 'running') {
        sub.close();
        resolve(t);
      }
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

/** Every output line of a (finished) task. */
export function taskOutput(api: ImagesBackend['api'], taskId: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    api.tasks.output(
      { taskId },
      {
        onEvent: (ev) => lines.push(...ev.lines),
        onEnd: (err) => (err ? reject(err) : resolve(lines)),
      },
    );
  });
}

/** Deletes a tag's manifest from the lab registry (it has deletes enabled), so tests leave nothing. */
export async function deleteFromRegistry(lab: Lab, repo: string, tag: string): Promise<void> {
  const auth = `Basic ${Buffer.from(`${lab.registry.username}:${lab.registry.password}`).toString('base64')}`;
  const [host, port] = lab.registry.address.split(':');
  const request = (method: string, p: string, headers: Record<string, string> = {}) =>
    new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.request(
        { host, port: Number(port), method, path: p, headers: { authorization: auth, ...headers } },
        (res) => {
          res.resume();
          resolve(res);
        },
      );
      req.on('error', reject);
      req.end();
    });
  const head = await request('HEAD', `/v2/${repo}/manifests/${tag}`, {
    accept: 'application/vnd.docker.distribution.manifest.v2+json',
  });
  const digest = head.headers['docker-content-digest'];
  if (typeof digest === 'string') await request('DELETE', `/v2/${repo}/manifests/${digest}`);
}
