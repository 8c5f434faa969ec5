import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LogEvent } from '@shared/contract';
import { startTestBackend } from './support/backend';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { connectWs } from './support/ws-client';

/**
 * A followed log re-opens its engine request after every container restart. Each attempt's
 * requests get their own child signal (streams/child-abort.ts): sharing the follow's signal left
 * three abort listeners a restart on it, and Node warned (MaxListenersExceededWarning) by the fourth.
 */

const RESTARTS = 6;

let lab: Lab;
let t: Awaited<ReturnType<typeof startTestBackend>>;
let ws: Awaited<ReturnType<typeof connectWs>>;
let name: string | undefined;
const warnings: Error[] = [];
const onWarning = (w: Error) => {
  if (w.name === 'MaxListenersExceededWarning') warnings.push(w);
};

beforeAll(async () => {
  lab = loadLab();
  t = await startTestBackend();
  ws = await connectWs(t.server.port, t.server.token);
  process.on('warning', onWarning);
}, 60_000);

afterAll(async () => {
  process.off('warning', onWarning);
  if (name) await docker(lab.engineA.socketPath, 'rm', '-f', name).catch(() => undefined);
  ws?.socket.close();
  await t?.stop();
}, 60_000);

describe('logs across restarts', () => {
  it(`a followed log survives ${RESTARTS} restarts without piling abort listeners up`, async () => {
    name = uniqueName('it-restarts');
    const script =
      'trap "exit 0" TERM; i=0; while true; do i=$((i+1)); echo "tick $i"; sleep 0.2 & wait $!; done';
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
    const kinds: string[] = [];
    let lines = 0;
    const logs = ws.api.logs.follow(
      { hostId, id: name, follow: true, tail: 1, timestamps: true },
      {
        onEvent(e: LogEvent) {
          if (e.type === 'data') lines++;
          else kinds.push(e.type);
        },
      },
    );
    try {
      await vi.waitFor(() => expect(lines).toBeGreaterThan(0), { timeout: 15_000 });
      for (let i = 1; i <= RESTARTS; i++) {
        await docker(lab.engineA.socketPath, 'restart', '-t', '5', name);
        await vi.waitFor(() => expect(kinds.filter((k) => k === 'restarted')).toHaveLength(i), {
          timeout: 15_000,
        });
      }
      const before = lines;
      // Still following: lines of the last run arrive.
      await vi.waitFor(() => expect(lines).toBeGreaterThan(before), { timeout: 10_000 });
      expect(warnings.map((w) => w.message)).toEqual([]);
    } finally {
      logs.close();
    }
  }, 150_000);
});
