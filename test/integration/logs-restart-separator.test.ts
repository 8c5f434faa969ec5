import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LogEvent } from '@shared/contract';
import { LogDecoder } from '../../src/renderer/src/components/log-viewer/log-decoder';
import { startTestBackend } from './support/backend';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { connectWs } from './support/ws-client';

/**
 * The "container restarted" separator belongs where the new run begins by the container's own
 * start time, not where the data arrived: lines of run N (its last words on SIGTERM included)
 * come before the separator of run N+1, and that run's lines after it.
 */

const RESTARTS = 3;

let lab: Lab;
let t: Awaited<ReturnType<typeof startTestBackend>>;
let ws: Awaited<ReturnType<typeof connectWs>>;
let name: string | undefined;

beforeAll(async () => {
  lab = loadLab();
  t = await startTestBackend();
  ws = await connectWs(t.server.port, t.server.token);
}, 60_000);

afterAll(async () => {
  if (name) await docker(lab.engineA.socketPath, 'rm', '-f', name).catch(() => undefined);
  ws?.socket.close();
  await t?.stop();
}, 60_000);

type Item = { kind: 'line'; run: number; ts: string } | { kind: 'separator' };

describe('the restart separator', () => {
  it('sits between the last line of one run and the first of the next, by timestamps', async () => {
    name = uniqueName('it-separator');
    // Each run counts itself in a file that survives restarts, prints its number all along, and
    // says goodbye in a burst when stopped.
    const script = [
      'n=$(cat /run-count 2>/dev/null || echo 0); n=$((n+1)); echo $n > /run-count',
      'trap \'for i in 1 2 3 4 5 6 7 8; do echo "run $n bye $i"; done; exit 0\' TERM',
      'i=0; while true; do i=$((i+1)); echo "run $n tick $i"; sleep 0.1 & wait $!; done',
    ].join('; ');
    await docker(
      lab.engineA.socketPath,
      'run',
      '-d',
      '--label',
      'berthmaster.test=1',
      '--name',
      name,
      lab.image,
      'sh',
      '-c',
      script,
    );
    const hostId = (await ws.api.hosts.list({}))[0]?.id as string;
    const decoder = new LogDecoder(true);
    const items: Item[] = [];
    const logs = ws.api.logs.follow(
      { hostId, id: name, follow: true, tail: 'all', timestamps: true },
      {
        onEvent(e: LogEvent) {
          if (e.type === 'data') {
            for (const l of decoder.push(e.text, e.runs)) {
              const run = /^run (\d+) /.exec(l.text);
              if (run) items.push({ kind: 'line', run: Number(run[1]), ts: l.ts });
            }
          } else if (e.type === 'restarted') items.push({ kind: 'separator' });
        },
      },
    );
    const separators = () => items.filter((i) => i.kind === 'separator').length;
    const linesOf = (run: number) => items.filter((i) => i.kind === 'line' && i.run === run).length;
    try {
      await vi.waitFor(() => expect(linesOf(1)).toBeGreaterThan(2), { timeout: 15_000 });
      for (let r = 1; r <= RESTARTS; r++) {
        await docker(lab.engineA.socketPath, 'restart', '-t', '5', name);
        await vi.waitFor(
          () => {
            expect(separators()).toBe(r);
            expect(linesOf(r + 1)).toBeGreaterThan(2);
          },
          { timeout: 20_000 },
        );
      }
    } finally {
      logs.close();
    }

    // Every line of run N (its goodbyes too) is above separator N, every line of run N+1 below.
    let seen = 0;
    for (const item of items) {
      if (item.kind === 'separator') seen++;
      else
        expect({ run: item.run, separatorsAbove: seen }).toEqual({
          run: item.run,
          separatorsAbove: item.run - 1,
        });
    }
    // And by time: the lines come in timestamp order across each separator.
    const stamps = items.flatMap((i) => (i.kind === 'line' ? [i.ts] : []));
    expect(stamps).toEqual([...stamps].sort());
  }, 150_000);
});
