import http from 'node:http';
import type { Duplex } from 'node:stream';
import { engineRequest } from './engine';

/** A TTY exec of `sh` on a raw hijacked Engine API stream: the reference for keystroke latency. */
export async function rawShell(socketPath: string, container: string): Promise<Duplex> {
  const created = await engineRequest(socketPath, 'POST', `/containers/${container}/exec`, {
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    Tty: true,
    Cmd: ['sh'],
  });
  const { Id } = JSON.parse(created.body.toString('utf8')) as { Id: string };
  const body = JSON.stringify({ Detach: false, Tty: true });
  return new Promise((resolve, reject) => {
    const req = http.request({
      socketPath,
      method: 'POST',
      path: `/exec/${Id}/start`,
      agent: false,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        connection: 'Upgrade',
        upgrade: 'tcp',
      },
    });
    req.on('upgrade', (_res, socket: Duplex) => resolve(socket));
    req.on('response', (res) => reject(new Error(`exec start: ${res.statusCode} (no upgrade)`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Types one character at a time and waits for its echo: the round trip of each, in ms. */
export async function rawEchoLatencies(shell: Duplex, chars: string[], chunk: number): Promise<number[]> {
  let received = '';
  let waiting: { c: string; resolve: () => void } | undefined;
  shell.on('data', (d: Buffer) => {
    received += d.toString('latin1');
    if (waiting && received.includes(waiting.c)) waiting.resolve();
  });
  await new Promise((r) => setTimeout(r, 500));
  const out: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    received = '';
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no echo of "${c}" in 5 s`)), 5_000);
      waiting = {
        c,
        resolve: () => {
          clearTimeout(timer);
          waiting = undefined;
          resolve();
        },
      };
      shell.write(c);
    });
    out.push(performance.now() - t0);
    if ((i + 1) % chunk === 0) {
      // Ctrl-U clears the line, as the Berthmaster run does, so both shells echo the same way.
      shell.write('\x15');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return out;
}
