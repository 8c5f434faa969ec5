import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A unix socket in front of a real engine that counts open connections, and can freeze (stop
 * forwarding, like a cut link) or cut (drop every connection, like a dead engine).
 */
export async function terminalProxy(targetSocket: string) {
  const socketPath = path.join(os.tmpdir(), `berthmaster-term-proxy-${process.pid}-${Date.now()}.sock`);
  const pairs = new Set<[net.Socket, net.Socket]>();
  /** Connections the engine upgraded to a raw stream (exec start, attach). */
  const upgraded = new Set<[net.Socket, net.Socket]>();
  let frozen = false;
  const server = net.createServer((client) => {
    if (frozen) return; // accepted but never answered, like packets dropped
    const upstream = net.connect(targetSocket);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    client.pipe(upstream).pipe(client);
    upstream.on('data', (chunk: Buffer) => {
      if (chunk.toString('latin1').startsWith('HTTP/1.1 101')) upgraded.add(pair);
    });
    const end = () => {
      pairs.delete(pair);
      upgraded.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    socketPath,
    /** Connections currently open through the proxy. */
    get open() {
      return pairs.size;
    },
    /** Open connections that carry a hijacked stream. */
    get streams() {
      return upgraded.size;
    },
    freeze() {
      frozen = true;
      for (const [c, u] of pairs) {
        c.unpipe(u);
        u.unpipe(c);
        c.pause();
        u.pause();
      }
    },
    cut() {
      for (const [c, u] of pairs) {
        c.destroy();
        u.destroy();
      }
      pairs.clear();
      upgraded.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const [c, u] of pairs) {
          c.destroy();
          u.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
