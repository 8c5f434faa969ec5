import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from './app/backend';
import { consoleLog } from './app/console-log';
import { prepareStartupConfig } from './startup-config';
import { startWebServer } from './web/web-server';

/** `npm run web`: the backend and the renderer for a browser, without Electron. */
function parsePort(argv: string[]): number {
  const i = argv.indexOf('--port');
  const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--port='))?.slice(7);
  if (raw === undefined) return 7420;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`Berthmaster web: --port must be 0-65535, got "${raw}"`);
    process.exit(2);
  }
  return n;
}

/** `--listen ADDR` binds beyond loopback: allowed, but only when asked for, and loudly. */
function parseListen(argv: string[]): string | undefined {
  const i = argv.indexOf('--listen');
  const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--listen='))?.slice(9);
  if (raw === undefined) return undefined;
  if (!/^[0-9a-fA-F.:]+$/.test(raw)) {
    console.error(`Berthmaster web: --listen takes an IP address, got "${raw}"`);
    process.exit(2);
  }
  return raw;
}

async function main() {
  const port = parsePort(process.argv.slice(2));
  const listen = parseListen(process.argv.slice(2));
  if (listen && listen !== '127.0.0.1') {
    console.error(
      `Berthmaster web: WARNING: listening on ${listen}, not only this machine. Anyone who can reach this port ` +
        'and learns the token controls every Docker host configured here. Traffic is not encrypted.',
    );
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  const rendererDir = process.env.BERTHMASTER_RENDERER_DIR ?? path.resolve(here, '../renderer');
  const log = consoleLog;
  // Last resort: a fault no handler caught is logged by its shape and the server keeps serving.
  process.on('uncaughtException', (e) => log.error('an uncaught exception', e));
  process.on('unhandledRejection', (e) => log.error('an unhandled rejection', e));
  const { configDir } = prepareStartupConfig(log.info);
  const backend = await createBackend({ configDir, log });
  const server = await startWebServer({
    dispatcher: backend.dispatcher,
    rendererDir,
    port,
    log,
    ...(listen ? { listen } : {}),
  });
  console.log(`Berthmaster web: ${server.url}`);
  const stop = async () => {
    await server.close();
    backend.dispose();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  console.error(`Berthmaster web failed to start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
