import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface LogsProxyOptions {
  /**
   * Re-chunk the engine's replies into pieces of this many bytes, each written on its own turn
   * of the event loop, so frame headers and payloads arrive split (as they do on slow links).
   */
  chunkBytes?: number;
}

/**
 * A unix socket in front of a real engine that knows how many connections are open right now:
 * an engine stream that was really closed shows up as a connection that went away.
 */
export async function logsProxy(targetSocket: string, opts: LogsProxyOptions = {}) {
  const socketPath = path.join(
    os.tmpdir(),
    `berthmaster-logs-proxy-${process.pid}-${Math.random().toString(36).slice(2, 10)}.sock`,
  );
  let live = 0;
  let total = 0;
  /** The last request line seen on each open connection. */
  const lastRequest = new Map<net.Socket, string>();
  const server = net.createServer((client) => {
    live++;
    total++;
    lastRequest.set(client, '');
    client.on('data', (chunk: Buffer) => {
      const lines = chunk.toString('latin1').match(/^(GET|POST|PUT|DELETE|HEAD) \S+/gm);
      if (lines) lastRequest.set(client, lines[lines.length - 1] as string);
    });
    const upstream = net.connect(targetSocket);
    client.pipe(upstream);
    let closed = false;
    let upstreamGone = false;
    const end = () => {
      if (closed) return;
      closed = true;
      live--;
      lastRequest.delete(client);
      client.destroy();
      upstream.destroy();
    };
    if (opts.chunkBytes) {
      const size = opts.chunkBytes;
      const queue: Buffer[] = [];
      let draining = false;
      const drain = () => {
        const next = queue.shift();
        if (!next) {
          draining = false;
          if (upstreamGone) end();
          else upstream.resume();
          return;
        }
        client.write(next);
        setImmediate(drain);
      };
      upstream.on('data', (chunk: Buffer) => {
        for (let i = 0; i < chunk.length; i += size) queue.push(chunk.subarray(i, i + size));
        if (!draining) {
          draining = true;
          upstream.pause();
          setImmediate(drain);
        }
      });
      // Whatever is still queued is delivered before the client side closes.
      upstream.on('close', () => {
        upstreamGone = true;
        if (!draining) end();
      });
    } else {
      upstream.pipe(client);
      upstream.on('close', end);
    }
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    socketPath,
    /** Connections open now (keep-alive idle ones included). */
    get live() {
      return live;
    },
    get total() {
      return total;
    },
    /** Open connections whose latest request contains `text` (e.g. "/containers/x/stats"). */
    openWith(text: string): number {
      let n = 0;
      for (const line of lastRequest.values()) if (line.includes(text)) n++;
      return n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Open file descriptors of the engine process on one container's json log: 1 (the writer) + readers. */
export async function engineLogReaders(pidFile: string, containerId: string): Promise<number> {
  const { readFile, readdir, readlink } = await import('node:fs/promises');
  const pid = (await readFile(pidFile, 'utf8')).trim();
  let n = 0;
  for (const fd of await readdir(`/proc/${pid}/fd`)) {
    try {
      if ((await readlink(`/proc/${pid}/fd/${fd}`)).endsWith(`${containerId}-json.log`)) n++;
    } catch {
      // fd closed while listing
    }
  }
  return n;
}
