import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A unix socket in front of a real engine that keeps the request lines reaching it (method and
 * path), so a benchmark can say which requests an idle app still makes.
 */
export async function requestProxy(targetSocket: string) {
  const socketPath = path.join(
    os.tmpdir(),
    `berthmaster-bench-${process.pid}-${Math.random().toString(36).slice(2, 8)}.sock`,
  );
  const lines: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetSocket);
    sockets.add(client).add(upstream);
    client.on('data', (chunk: Buffer) => {
      for (const m of chunk.toString('latin1').matchAll(/^(GET|POST|PUT|DELETE|HEAD) (\S+)/gm))
        lines.push(`${m[1]} ${m[2]}`);
    });
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    socketPath,
    lines,
    /** Closes the listener and every open link (event streams stay open otherwise). */
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
