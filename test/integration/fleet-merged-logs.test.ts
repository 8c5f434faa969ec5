import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MergedLogEvent, MergedLogLine } from '@shared/contract';
import { tsToUnix } from '../../src/main/services/logs/log-position';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { eventually, startFleetBackend, type FleetBackend } from './support/fleet';

let lab: Lab;
let be: FleetBackend;
let hostB: string;
const project = uniqueName('bm-fleet-logs').toLowerCase();
const made: Array<{ socket: string; name: string }> = [];
const LINES = 60;

/** Prints LINES numbered lines, then waits; a restart prints them again (a new run). */
const script = `i=0; while [ $i -lt ${LINES} ]; do echo "$HOSTNAME $i"; i=$((i+1)); sleep 0.02; done; sleep 3600`;

async function runOn(socket: string, label: string): Promise<string> {
  const name = uniqueName(`berthmaster-test-merged-${label}`);
  made.push({ socket, name });
  return docker(
    socket,
    'run',
    '-d',
    '--name',
    name,
    '--label',
    'berthmaster.test=1',
    '--label',
    `com.docker.compose.project=${project}`,
    lab.image,
    'sh',
    '-c',
    script,
  );
}

/** A container's whole log as the engine keeps it: [unix ts, text] per line. */
async function engineLog(socket: string, id: string): Promise<string[]> {
  const out = await docker(socket, 'logs', '--timestamps', id);
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const sp = l.indexOf(' ');
      return `${tsToUnix(l.slice(0, sp))} ${l.slice(sp + 1)}`;
    });
}

beforeAll(async () => {
  lab = loadLab();
  be = await startFleetBackend();
  hostB = await be.addEngineB(lab);
  await eventually(
    () => be.backend.events.openStreams(),
    (n) => n >= 2,
    'both events streams open',
  );
}, 60_000);

afterAll(async () => {
  for (const m of made) await docker(m.socket, 'rm', '-f', m.name).catch(() => undefined);
  await be?.stop();
});

describe('merged logs across hosts', () => {
  it('three containers on two hosts: one stream in timestamp order, nothing lost or repeated across a restart', async () => {
    const events: MergedLogEvent[] = [];
    const lines: MergedLogLine[] = [];
    const sub = be.api.mergedLogs.follow(
      { selector: { kind: 'project', project, hostIds: [be.localId, hostB] }, tail: 0 },
      {
        onEvent: (e) => {
          events.push(e);
          if (e.type === 'lines') lines.push(...e.lines);
        },
        onEnd: () => undefined,
      },
    );
    try {
      // Created after the subscription: they join as they appear, with their whole log.
      const a1 = await runOn(lab.engineA.socketPath, 'a1');
      const a2 = await runOn(lab.engineA.socketPath, 'a2');
      const b1 = await runOn(lab.engineB.socketPath, 'b1');
      const count = (id: string) => lines.filter((l) => l.containerId === id).length;
      await eventually(
        () => [a1, a2, b1].map(count),
        (c) => c.every((n) => n >= LINES),
        'every first run',
      );
      await docker(lab.engineA.socketPath, 'restart', '-t', '0', a1);
      await eventually(
        () => count(a1),
        (n) => n >= 2 * LINES,
        'the second run of a1',
      );
      // Wait until the reorder window has let everything out, then compare with the engines' logs.
      const expected = {
        [a1]: await engineLog(lab.engineA.socketPath, a1),
        [a2]: await engineLog(lab.engineA.socketPath, a2),
        [b1]: await engineLog(lab.engineB.socketPath, b1),
      };
      await eventually(
        () => [a1, a2, b1].map((id) => count(id) - (expected[id]?.length ?? 0)),
        (d) => d.every((n) => n >= 0),
        'all lines merged',
      );
      for (const id of [a1, a2, b1]) {
        const got = lines.filter((l) => l.containerId === id).map((l) => `${l.ts} ${l.text}`);
        expect(got).toEqual(expected[id]);
      }
      expect(expected[a1]).toHaveLength(2 * LINES);
      // One stream, in engine-timestamp order across hosts and containers.
      const ts = lines.map((l) => l.ts.padStart(21, '0'));
      expect(ts).toEqual([...ts].sort());
      expect(new Set(lines.map((l) => l.hostId))).toEqual(new Set([be.localId, hostB]));
      const joined = events.flatMap((e) => (e.type === 'joined' ? [e.member.containerId] : []));
      expect(joined.sort()).toEqual([a1, a2, b1].sort());
      expect(events.some((e) => e.type === 'restarted' && e.containerId === a1)).toBe(true);
    } finally {
      sub.close();
    }
  }, 120_000);
});
