import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A unix socket in front of a real engine that counts the HTTP requests reaching it. */
export async function countingProxy(targetSocket: string) {
  const socketPath = path.join(os.tmpdir(), `berthmaster-proxy-${process.pid}-${Date.now()}.sock`);
  let requests = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect(targetSocket);
    client.on('data', (chunk: Buffer) => {
      requests += (chunk.toString('latin1').match(/^(GET|POST|PUT|DELETE|HEAD) \//gm) ?? []).length;
    });
    client.pipe(upstream).pipe(client);
    const end = () => {
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
    get requests() {
      return requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
