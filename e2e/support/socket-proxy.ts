import { rmSync } from 'node:fs';
import net from 'node:net';

export interface SocketProxy {
  path: string;
  /** Listens (again) on `path`. */
  start(): Promise<void>;
  /** Closes the listener and cuts every open connection: to the app, the engine is gone. */
  stop(): Promise<void>;
}

/**
 * A unix socket that forwards to another one (an engine's), so a test can make "the engine" vanish
 * and come back without touching the shared engine itself.
 */
export function socketProxy(path: string, target: string): SocketProxy {
  let server: net.Server | undefined;
  const open = new Set<net.Socket>();
  return {
    path,
    async start() {
      if (server) return;
      rmSync(path, { force: true });
      const s = net.createServer((client) => {
        const upstream = net.connect(target);
        open.add(client);
        open.add(upstream);
        client.pipe(upstream);
        upstream.pipe(client);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          open.delete(client);
          open.delete(upstream);
        };
        client.on('error', drop);
        upstream.on('error', drop);
        client.on('close', drop);
        upstream.on('close', drop);
      });
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(path, () => resolve());
      });
      server = s;
    },
    async stop() {
      const s = server;
      server = undefined;
      if (!s) return;
      for (const sock of open) sock.destroy();
      open.clear();
      await new Promise<void>((resolve) => s.close(() => resolve()));
      rmSync(path, { force: true });
    },
  };
}
