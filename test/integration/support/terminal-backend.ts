import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contract } from '@shared/contract';
import { createClient } from '@shared/rpc/client';
import { createMemoryPair } from '@shared/rpc/memory-transport';
import type { ClientMessage, ServerMessage } from '@shared/rpc/protocol';
import type { AppContext } from '../../../src/main/app/app-context';
import { toAppError } from '../../../src/main/errors/to-app-error';
import { createDispatcher } from '../../../src/main/rpc/dispatcher';
import { execHandlers } from '../../../src/main/services/exec/handlers';
import { hostsHandlers } from '../../../src/main/services/hosts/handlers';
import { HostService } from '../../../src/main/services/hosts/host-service';
import { startWebServer } from '../../../src/main/web/web-server';

const quiet = { info: () => undefined, error: () => undefined };

/**
 * The hosts and exec namespaces exactly as the app composes them, behind the real web server:
 * terminal tests don't depend on every other namespace being wired.
 */
export async function startTerminalBackend() {
  const configDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-it-term-'));
  const rendererDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-renderer-'));
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Berthmaster</title>');
  const hosts = new HostService({ configDir, env: {}, homeDir: '/nonexistent-home', log: quiet });
  await hosts.init();
  const cleanups: Array<() => void> = [];
  const ctx: Pick<AppContext, 'hosts' | 'onDispose'> = {
    hosts,
    onDispose: (fn) => {
      cleanups.push(fn);
    },
  };
  const subset = { hosts: contract.hosts, exec: contract.exec };
  const dispatcher = createDispatcher({
    contract: subset,
    handlers: { hosts: hostsHandlers(ctx as AppContext), exec: execHandlers(ctx) },
    mapError: (e) => toAppError(e),
    log: quiet,
  });
  const server = await startWebServer({ dispatcher, rendererDir, port: 0, log: quiet });
  return {
    hosts,
    server,
    /** A client over structured-clone messages, as Electron's IPC carries them. */
    connectMemory() {
      const [clientEnd, serverEnd] = createMemoryPair<ServerMessage, ClientMessage>();
      const connection = dispatcher.connect(serverEnd);
      const api = createClient(contract, clientEnd);
      return { api, close: () => (api.dispose(), connection.close()) };
    },
    stop: async () => {
      await server.close();
      for (const fn of cleanups.splice(0)) fn();
      hosts.dispose();
      await fs.rm(configDir, { recursive: true, force: true });
      await fs.rm(rendererDir, { recursive: true, force: true });
    },
  };
}
