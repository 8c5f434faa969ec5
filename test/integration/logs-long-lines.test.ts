import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOG_STDERR, LOG_STDOUT, type LogEvent } from '@shared/contract';
import { LogDecoder, type DecodedLine } from '../../src/renderer/src/components/log-viewer/log-decoder';
import { LogModel } from '../../src/renderer/src/components/log-viewer/log-model';
import { compileSearch } from '../../src/renderer/src/components/log-viewer/search';
import { startTestBackend } from './support/backend';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { connectWs } from './support/ws-client';

/**
 * The engine logs a line longer than 16 KiB as 16 KiB pieces, each with its own timestamp, and
 * cuts a multi-byte character wherever the boundary falls. The viewer must show the line that
 * `docker logs` shows (without -t), with one timestamp (the one `docker logs -t` shows first).
 */

const run = promisify(execFile);
const PIECE = 16 * 1024;
const LENGTHS = [16_383, 16_384, 16_385, 50_000, 200_000];
const EURO = Buffer.from('€'); // three bytes

/** A line of exactly `bytes` bytes with a three-byte character across every 16 KiB boundary. */
function longLine(index: number, bytes: number): Buffer {
  const b = Buffer.alloc(bytes);
  // Letters from a small generator, not a short cycle: a search must match in one place only.
  let x = (index + 1) * 0x9e3779b9;
  for (let i = 0; i < bytes; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = 97 + ((x >>> 0) % 26);
  }
  b.write(`line ${index} `, 0, 'latin1');
  for (let k = 1; k * PIECE <= bytes + 2; k++) {
    // Cut after the first byte on odd boundaries, after the second on even ones.
    const at = Math.min(k * PIECE - (k % 2 ? 1 : 2), bytes - EURO.length);
    EURO.copy(b, at);
  }
  return b;
}

const payloadLines = LENGTHS.map((n, i) => longLine(i, n));
const payload = Buffer.concat(payloadLines.flatMap((l) => [l, Buffer.from('\n')]));
const expected = payloadLines.map((l) => l.toString('utf8'));

let lab: Lab;
let t: Awaited<ReturnType<typeof startTestBackend>>;
let ws: Awaited<ReturnType<typeof connectWs>>;
let hostId: string;
let dir: string;
const made: string[] = [];

beforeAll(async () => {
  lab = loadLab();
  t = await startTestBackend();
  ws = await connectWs(t.server.port, t.server.token);
  hostId = (await ws.api.hosts.list({}))[0]?.id as string;
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-long-lines-'));
  await fs.writeFile(path.join(dir, 'payload'), payload);
}, 60_000);

afterAll(async () => {
  for (const name of made) await docker(lab.engineA.socketPath, 'rm', '-f', name).catch(() => undefined);
  ws?.socket.close();
  await t?.stop();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
}, 60_000);

/** A container that printed the payload (on stdout and stderr without a TTY) and exited. */
async function printed(driver: string, tty: boolean): Promise<string> {
  const name = uniqueName('it-long-lines');
  made.push(name);
  const script = tty ? 'cat /payload' : 'cat /payload; cat /payload >&2';
  const sock = lab.engineA.socketPath;
  await docker(
    sock,
    'create',
    '--label',
    'berthmaster.test=1',
    '--name',
    name,
    '--log-driver',
    driver,
    ...(tty ? ['-t'] : []),
    lab.image,
    'sh',
    '-c',
    script,
  );
  await docker(sock, 'cp', path.join(dir, 'payload'), `${name}:/payload`);
  await docker(sock, 'start', name);
  await docker(sock, 'wait', name);
  // The log driver may still be writing when the container has exited: wait for every byte.
  await vi.waitFor(
    async () => {
      const { out, err } = await cliLogs(name, false);
      const chars = [...out, ...err].reduce((n, l) => n + Buffer.byteLength(l), 0);
      expect(chars).toBeGreaterThanOrEqual((payload.length - LENGTHS.length) * (tty ? 1 : 2));
    },
    { timeout: 20_000, interval: 200 },
  );
  return name;
}

/** `docker logs` of the container: stdout and stderr, split into lines (a TTY's CR removed). */
async function cliLogs(name: string, timestamps: boolean): Promise<{ out: string[]; err: string[] }> {
  const args = ['-H', `unix://${lab.engineA.socketPath}`, 'logs', ...(timestamps ? ['-t'] : []), name];
  const { stdout, stderr } = await run('docker', args, { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  const lines = (b: Buffer) => {
    const all = b.toString('utf8').replace(/\r\n/g, '\n').split('\n');
    // A last line without a newline is a line too (the local driver can end so).
    return all[all.length - 1] === '' ? all.slice(0, -1) : all;
  };
  return { out: lines(stdout), err: lines(stderr) };
}

/** The logs as the viewer gets them, decoded as it decodes them, and the model it keeps. */
async function viewerLogs(
  name: string,
  timestamps: boolean,
): Promise<{ lines: DecodedLine[]; model: LogModel }> {
  const decoder = new LogDecoder(timestamps);
  const model = new LogModel();
  const lines: DecodedLine[] = [];
  await new Promise<void>((resolve, reject) => {
    ws.api.logs.follow(
      { hostId, id: name, follow: false, tail: 'all', timestamps },
      {
        onEvent(e: LogEvent) {
          if (e.type !== 'data') return;
          lines.push(...decoder.push(e.text, e.runs));
          model.ingest(e.text, e.runs);
        },
        onEnd(error) {
          lines.push(...decoder.flush());
          model.finish();
          if (error) reject(new Error(error.message));
          else resolve();
        },
      },
    );
  });
  return { lines, model };
}

/** Lines compared by length and hash: a failing 200 KB line would print 200 KB. */
const digest = (lines: readonly string[]) =>
  lines.map(
    (l) => `${l.length} chars ${createHash('sha1').update(l).digest('hex').slice(0, 12)} ${l.slice(0, 12)}`,
  );
/** What the local driver of this engine returns: a line cut into pieces loses its newline. */
function localDriverLines(tty: boolean): string[] {
  const out: string[] = [];
  let carry = '';
  for (const line of expected) {
    carry += line;
    // A TTY's "\r" counts: 16,383 bytes and "\r" fill a piece.
    if (Buffer.byteLength(line) + (tty ? 1 : 0) < PIECE) {
      out.push(carry);
      carry = '';
    }
  }
  if (carry) out.push(carry);
  return out;
}
const texts = (lines: DecodedLine[], stream: number) =>
  lines.filter((l) => l.stream === stream).map((l) => l.text);
const TS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z /;

describe.each([
  ['json-file', false],
  ['json-file', true],
  ['local', false],
  ['local', true],
])('lines longer than 16 KiB (%s driver, tty %s)', (driver, tty) => {
  let name: string;
  beforeAll(async () => {
    name = await printed(driver as string, tty as boolean);
  }, 60_000);

  it('shows the lines docker logs shows, with no character broken that docker logs keeps', async () => {
    const cli = await cliLogs(name, false);
    const { lines } = await viewerLogs(name, false);
    expectSameLines(texts(lines, LOG_STDOUT), cli.out, false);
    if (tty) expect(texts(lines, LOG_STDERR)).toEqual([]);
    else expectSameLines(texts(lines, LOG_STDERR), cli.err, false);
  });

  it('with timestamps: one per line, the first of its pieces, and the text docker logs shows', async () => {
    const plain = await cliLogs(name, false);
    const stamped = await cliLogs(name, true);
    const { lines } = await viewerLogs(name, true);
    for (const [stream, ref, refTs] of [
      [LOG_STDOUT, plain.out, stamped.out],
      [LOG_STDERR, plain.err, stamped.err],
    ] as const) {
      if (tty && stream === LOG_STDERR) continue;
      const mine = lines.filter((l) => l.stream === stream);
      expectSameLines(
        mine.map((l) => l.text),
        ref,
        true,
      );
      const firstStamps = refTs.map((l) => (TS.exec(l)?.[0] ?? '').trim());
      if (driver === 'json-file') expect(mine.map((l) => l.ts)).toEqual(firstStamps);
      else for (const l of mine) expect(refTs.join('\n')).toContain(`${l.ts} `);
      expect(mine.filter((l) => /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z /.test(l.text))).toHaveLength(0);
    }
  });

  /**
   * The viewer's lines against `docker logs`. This engine (20.10) keeps json-file lines whole but
   * stores a character cut at a boundary as U+FFFDs, so there the two must be equal. Its local
   * driver keeps every byte but drops the newline after a long line's last piece: `docker logs`
   * runs lines together; the viewer puts the newline back where the frames show it (no TTY), and
   * with a TTY shows the same bytes (cut at its 256K-character line limit).
   */
  function expectSameLines(mine: string[], cli: string[], timestamps: boolean): void {
    if (driver === 'json-file') {
      expect(cli).toHaveLength(LENGTHS.length);
      expect(digest(mine)).toEqual(digest(cli));
    } else if (timestamps) {
      // The timestamps show where each line started: the viewer puts the lost newlines back.
      expect(digest(cli.map((l) => l.replace(/\r/g, '')))).toEqual(digest(localDriverLines(tty as boolean)));
      expect(digest(mine.map((l) => l.replace(/\r$/, '')))).toEqual(digest(expected));
    } else {
      // Without them nothing tells: the same bytes as docker logs, cut at the viewer's line limit.
      const joined = (lines: string[]) => lines.join('').replace(/\r/g, '');
      expect(joined(mine).length).toBe(joined(cli).length);
      expect(joined(mine) === joined(cli)).toBe(true);
    }
  }

  it('search finds text across a piece boundary, and Save writes the joined lines', async () => {
    const { model, lines } = await viewerLogs(name, true);
    const last = expected[expected.length - 1] as string;
    // Ten characters either side of the character cut at the fifth boundary (which json-file
    // stores as U+FFFDs, hence the regex).
    const at =
      Buffer.from(last)
        .subarray(0, 5 * PIECE)
        .toString('utf8').length - 1;
    const query = `${last.slice(at - 10, at)}.{1,3}${last.slice(at + 1, at + 11)}`;
    expect(last.charAt(at)).toBe('€');
    const { search } = compileSearch(query, { regex: true, caseSensitive: true });
    model.setFilters({ showStdout: true, showStderr: true, search, onlyMatches: true });
    const found = [...model.plainRows(false)];
    expect(found.map((l) => l.slice(0, 7))).toEqual(tty ? ['line 4 '] : ['line 4 ', 'line 4 ']);
    model.setFilters({ showStdout: true, showStderr: true, search: undefined, onlyMatches: false });
    const saved = [...model.plainRows(false)];
    expect(digest(saved.sort())).toEqual(digest(lines.map((l) => l.text).sort()));
    expect(saved.filter((l) => /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z /.test(l))).toHaveLength(0);
  });
});
