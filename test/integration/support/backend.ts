import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../../../src/main/app/backend';
import { startWebServer, type WebServer } from '../../../src/main/web/web-server';

export const quietLog = { info: () => undefined, error: () => undefined };

/** A full backend (temp config) behind a real web server, as browser mode runs it. */
export async function startTestBackend(): Promise<{
  backend: Backend;
  server: WebServer;
  configDir: string;
  stop(): Promise<void>;
}> {
  const configDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-it-'));
  const rendererDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-renderer-'));
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Berthmaster</title>');
  const backend = await createBackend({ configDir, env: {}, homeDir: '/nonexistent-home', log: quietLog });
  const server = await startWebServer({
    dispatcher: backend.dispatcher,
    rendererDir,
    port: 0,
    log: quietLog,
  });
  return {
    backend,
    server,
    configDir,
    stop: async () => {
      await server.close();
      backend.dispose();
      await fs.rm(configDir, { recursive: true, force: true });
      await fs.rm(rendererDir, { recursive: true, force: true });
    },
  };
}
