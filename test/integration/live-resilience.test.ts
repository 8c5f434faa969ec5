import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  isStatsSample,
  type AppError,
  type EventBatch,
  type ExecOutputEvent,
  type LogEvent,
  type StatsEvent,
} from '@shared/contract';
import { LogDecoder } from '../../src/renderer/src/components/log-viewer/log-decoder';
import { liveEngineStreams } from '../../src/main/services/logs/live-streams';
import { fault, healEngineB, startFaultBench, withLinkCut, type FaultBench } from './support/faults';
import { docker, uniqueName, type Lab } from './support/lab';

/**
 * Issue #7, "streams across host failure", against the real lab: engine B is crashed and its
 * link cut while logs, stats, events and a terminal stream from it. The bounds (5 s to say
 * "disconnected", 5 s to resume after B is back, 10 s for a call over a cut link) are the issue's
 * requirements, so they are measured and asserted here.
 */

let bench: FaultBench | undefined;
let lab: Lab;
let t: FaultBench['backend'];
let api: FaultBench['api'];
let aId: string;
let bId: string;
const made: Array<[string, string]> = [];

const state = (id: string) => bench?.state(id);

/** A container on B that logs a numbered line every 200 ms, comes back after B restarts, and stops at once. */
async function ticker(socketPath: string): Promise<string> {
  const name = uniqueName('it-resil');
  const script =
    'trap "exit 0" TERM; i=0; while true; do i=$((i+1)); echo "tick $i"; sleep 0.2 & wait $!; done';
  await docker(
    socketPath,
    'run',
    '-d',
    '--label',
    'berthmaster.test=1',
    '--restart',
    'always',
    '--name',
    name,
    lab.image,
    'sh',
    '-c',
    script,
  );
  made.push([socketPath, name]);
  return name;
}

beforeAll(async () => {
  bench = await startFaultBench(30_000);
  ({ lab, backend: t, api, aId, bId } = bench);
}, 60_000);

afterAll(async () => {
  // Leave the lab as we found it, whatever happened.
  await healEngineB();
  for (const [socket, name] of made) await docker(socket, 'rm', '-f', name).catch(() => undefined);
  await bench?.stop();
}, 120_000);

/** Milliseconds from `since` until `check` holds (polled every 20 ms, up to `timeout`). */
async function timeUntil(since: number, check: () => boolean, timeout: number): Promise<number> {
  await vi.waitFor(() => expect(check()).toBe(true), { timeout, interval: 20 });
  return Date.now() - since;
}

describe('live resilience: engine B crashes with streams open', () => {
  it('logs, stats, events and a terminal say "disconnected" within 5 s and resume within 5 s of the restart', async () => {
    const name = await ticker(lab.engineB.socketPath);

    // Logs, decoded as the viewer decodes them.
    const decoder = new LogDecoder(true);
    const lines: Array<{ ts: string; text: string }> = [];
    const logEvents: Array<{ at: number; e: LogEvent }> = [];
    let logsEnded = false;
    const logs = api.logs.follow(
      { hostId: bId, id: name, follow: true, tail: 'all', timestamps: true },
      {
        onEvent(e) {
          logEvents.push({ at: Date.now(), e });
          if (e.type === 'data') lines.push(...decoder.push(e.text, e.runs));
        },
        onEnd: () => (logsEnded = true),
      },
    );
    // Stats.
    const statsEvents: Array<{ at: number; e: StatsEvent }> = [];
    const stats = api.stats.container(
      { hostId: bId, id: name },
      { onEvent: (e) => statsEvents.push({ at: Date.now(), e }) },
    );
    // Events.
    const batches: Array<{ at: number; b: EventBatch }> = [];
    const events = api.events.watch({ hostId: bId }, { onEvent: (b) => batches.push({ at: Date.now(), b }) });
    // A terminal.
    const session = await api.exec.open({
      hostId: bId,
      containerId: name,
      shell: ['sh'],
      cols: 80,
      rows: 24,
    });
    const termEvents: Array<{ at: number; e: ExecOutputEvent }> = [];
    const term = api.exec.output(
      { sessionId: session.id },
      { onEvent: (e) => termEvents.push({ at: Date.now(), e }) },
    );

    try {
      await vi.waitFor(
        () => {
          expect(lines.length).toBeGreaterThan(2);
          expect(statsEvents.some((s) => isStatsSample(s.e))).toBe(true);
          expect(termEvents.some((s) => s.e.type === 'attached')).toBe(true);
        },
        { timeout: 15_000 },
      );

      await fault('b-crash');
      const crashedAt = Date.now();
      const logsLost = await timeUntil(
        crashedAt,
        () => logEvents.some((x) => x.e.type === 'disconnected'),
        5_000,
      );
      const statsLost = await timeUntil(
        crashedAt,
        () => statsEvents.some((x) => !isStatsSample(x.e) && x.e.type === 'disconnected'),
        5_000,
      );
      const eventsLost = await timeUntil(
        crashedAt,
        () => batches.some((x) => x.b.disconnected?.includes(bId)),
        5_000,
      );
      const termLost = await timeUntil(
        crashedAt,
        () => termEvents.some((x) => x.e.type === 'state' && x.e.session.state === 'disconnected'),
        5_000,
      );
      const beforeCrash = lines.length;
      console.log(
        `[resilience] disconnection reported after: logs ${logsLost} ms, stats ${statsLost} ms, events ${eventsLost} ms, terminal ${termLost} ms`,
      );
      for (const ms of [logsLost, statsLost, eventsLost, termLost]) expect(ms).toBeLessThanOrEqual(5_000);
      // Calls to the dead host fail fast; A answers.
      const started = Date.now();
      const err = await api.containers.list({ hostId: bId, all: true }).then(
        () => undefined,
        (e: unknown) => e as AppError,
      );
      expect(['ENGINE_UNREACHABLE', 'TIMEOUT']).toContain(err?.code);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(Array.isArray(await api.containers.list({ hostId: aId, all: true }))).toBe(true);

      await fault('b-restart');
      const restartedAt = Date.now();
      const logsBack = await timeUntil(
        restartedAt,
        () => logEvents.some((x) => x.e.type === 'resumed'),
        5_000,
      );
      const statsBack = await timeUntil(
        restartedAt,
        () => statsEvents.some((x) => !isStatsSample(x.e) && x.e.type === 'resumed'),
        5_000,
      );
      const eventsBack = await timeUntil(
        restartedAt,
        () => batches.some((x) => x.at >= restartedAt && !!x.b.resync?.includes(bId)),
        5_000,
      );
      // A shell can't outlive its engine: the terminal is offered to reopen, and that works now.
      const reopened = await vi.waitFor(() => api.exec.reopen({ sessionId: session.id }), {
        timeout: 5_000,
        interval: 100,
      });
      const termBack = Date.now() - restartedAt;
      console.log(
        `[resilience] resumed after B was back: logs ${logsBack} ms, stats ${statsBack} ms, events ${eventsBack} ms, terminal reopened ${termBack} ms`,
      );
      for (const ms of [logsBack, statsBack, eventsBack, termBack]) expect(ms).toBeLessThanOrEqual(5_000);
      expect(reopened.state).toBe('running');
      await api.exec.close({ sessionId: reopened.id });

      // Lines flow again, after a separator for the container's new run, with no line twice.
      await vi.waitFor(() => expect(lines.length).toBeGreaterThan(beforeCrash + 3), { timeout: 10_000 });
      // Readings again (a new stream's first one takes about 2 s).
      await vi.waitFor(
        () => expect(statsEvents.some((x) => x.at > restartedAt && isStatsSample(x.e))).toBe(true),
        { timeout: 10_000 },
      );
      const kinds = logEvents.map((x) => x.e.type).filter((k) => k !== 'data');
      expect(kinds).toEqual(['start', 'disconnected', 'resumed', 'restarted']);
      const stamps = lines.map((l) => l.ts);
      expect(new Set(stamps).size).toBe(stamps.length);
      expect([...stamps].sort()).toEqual(stamps);
      expect(logsEnded).toBe(false);
    } finally {
      logs.close();
      stats.close();
      events.close();
      term.close();
      await api.exec.close({ sessionId: session.id }).catch(() => undefined);
      await fault('b-restart').catch(() => undefined);
    }
  }, 120_000);
});

describe('live resilience: container restarts (A)', () => {
  it('a followed log carries on across stop/start and restart, without repeating a line, and ends on removal', async () => {
    const name = await ticker(lab.engineA.socketPath);
    const decoder = new LogDecoder(true);
    const lines: Array<{ ts: string; text: string }> = [];
    const kinds: string[] = [];
    let ended = false;
    const logs = api.logs.follow(
      { hostId: aId, id: name, follow: true, tail: 'all', timestamps: true },
      {
        onEvent(e) {
          if (e.type === 'data') lines.push(...decoder.push(e.text, e.runs));
          else kinds.push(e.type);
        },
        onEnd: () => (ended = true),
      },
    );
    try {
      await vi.waitFor(() => expect(lines.length).toBeGreaterThan(2), { timeout: 15_000 });
      await docker(lab.engineA.socketPath, 'stop', '-t', '5', name);
      await vi.waitFor(() => expect(kinds).toContain('stopped'), { timeout: 10_000 });
      const atStop = lines.length;
      await docker(lab.engineA.socketPath, 'start', name);
      await vi.waitFor(() => expect(kinds).toEqual(['start', 'stopped', 'restarted']), { timeout: 10_000 });
      await vi.waitFor(() => expect(lines.length).toBeGreaterThan(atStop + 2), { timeout: 10_000 });
      // The new run numbers its lines from 1 again.
      expect(lines.slice(atStop).map((l) => l.text)).toContain('tick 1');

      // `docker restart` (no pause in between) also shows a separator, once.
      const atRestart = lines.length;
      await docker(lab.engineA.socketPath, 'restart', '-t', '5', name);
      await vi.waitFor(() => expect(kinds.filter((k) => k === 'restarted')).toHaveLength(2), {
        timeout: 15_000,
      });
      await vi.waitFor(() => expect(lines.length).toBeGreaterThan(atRestart + 2), { timeout: 10_000 });
      const stamps = lines.map((l) => l.ts);
      expect(new Set(stamps).size).toBe(stamps.length);
      expect([...stamps].sort()).toEqual(stamps);
      expect(ended).toBe(false);

      await docker(lab.engineA.socketPath, 'rm', '-f', name);
      await vi.waitFor(() => expect(ended).toBe(true), { timeout: 10_000 });
      await vi.waitFor(() => expect(liveEngineStreams('logs')).toBe(0), { timeout: 5_000 });
    } finally {
      logs.close();
    }
  }, 90_000);
});

describe('live resilience: B link cut', () => {
  it('calls to B fail within 10 s with TIMEOUT or ENGINE_UNREACHABLE while A keeps answering; streams say so', async () => {
    await vi.waitFor(() => expect(state(bId)).toBe('connected'), { timeout: 30_000 });
    const name = await ticker(lab.engineB.socketPath);
    const logEvents: LogEvent[] = [];
    const logs = api.logs.follow(
      { hostId: bId, id: name, follow: true, tail: 10, timestamps: true },
      { onEvent: (e) => logEvents.push(e) },
    );
    await vi.waitFor(() => expect(logEvents.some((e) => e.type === 'data')).toBe(true), { timeout: 15_000 });
    await withLinkCut(async (cutAt) => {
      const [b, a] = await Promise.allSettled([
        api.containers.list({ hostId: bId, all: true }),
        // Timed on its own: allSettled waits for B too.
        api.containers.list({ hostId: aId, all: true }).then(() => Date.now() - cutAt),
      ]);
      expect(a.status).toBe('fulfilled');
      const aTook = a.status === 'fulfilled' ? a.value : Infinity;
      expect(aTook).toBeLessThan(2_000);
      if (b.status === 'rejected') {
        expect(['ENGINE_UNREACHABLE', 'TIMEOUT']).toContain((b.reason as AppError).code);
        expect(Date.now() - cutAt).toBeLessThanOrEqual(10_000);
      }
      // Squeezed through before the cut bit, or not: within 10 s the host is down and calls fail.
      await vi.waitFor(() => expect(state(bId)).toBe('error'), { timeout: 10_500 });
      const failed = await api.containers.list({ hostId: bId, all: true }).then(
        () => undefined,
        (e: unknown) => e as AppError,
      );
      expect(['ENGINE_UNREACHABLE', 'TIMEOUT']).toContain(failed?.code);
      const failedAt = Date.now() - cutAt;
      await vi.waitFor(() => expect(logEvents.some((e) => e.type === 'disconnected')).toBe(true), {
        timeout: 2_000,
      });
      console.log(`[resilience] cut link: A answered in ${aTook} ms; B failing after ${failedAt} ms`);
      expect(failedAt).toBeLessThanOrEqual(10_500);
      // A still answers while B is cut off.
      expect(Array.isArray(await api.containers.list({ hostId: aId, all: true }))).toBe(true);
    });
    await vi.waitFor(() => expect(logEvents.some((e) => e.type === 'resumed')).toBe(true), {
      timeout: 15_000,
    });
    logs.close();
  }, 90_000);
});

/** What could leak: engine streams, backend listeners, handles and file descriptors of this process. */
function counts() {
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles().length;
  return {
    logs: liveEngineStreams('logs'),
    stats: liveEngineStreams('stats'),
    eventListeners: t.backend.events.listenerCount(),
    hostWatchers: t.backend.hosts.watcherCount(),
    handles,
    fds: readdirSync('/proc/self/fd').length,
  };
}

describe('live resilience: no leaks', () => {
  it('50 subscribe/unsubscribe cycles of logs, stats, events and a terminal leave nothing behind', async () => {
    const name = await ticker(lab.engineA.socketPath);
    const cycle = async () => {
      let gotLogs = false;
      let gotStats = false;
      let gotEvents = false;
      const logs = api.logs.follow(
        { hostId: aId, id: name, follow: true, tail: 1, timestamps: true },
        { onEvent: (e) => (gotLogs ||= e.type === 'data') },
      );
      const stats = api.stats.container({ hostId: aId, id: name }, { onEvent: () => (gotStats = true) });
      const events = api.events.watch({ hostId: aId }, { onEvent: () => (gotEvents = true) });
      const session = await api.exec.open({
        hostId: aId,
        containerId: name,
        shell: ['sh'],
        cols: 80,
        rows: 24,
      });
      let attached = false;
      const term = api.exec.output(
        { sessionId: session.id },
        { onEvent: (e) => (attached ||= e.type === 'attached') },
      );
      await vi.waitFor(
        // The stats engine stream being open is what could leak; its first reading takes 2 s.
        () =>
          expect([gotLogs, gotStats || liveEngineStreams('stats') > 0, gotEvents, attached]).toEqual([
            true,
            true,
            true,
            true,
          ]),
        {
          timeout: 10_000,
          interval: 10,
        },
      );
      logs.close();
      stats.close();
      events.close();
      term.close();
      await api.exec.close({ sessionId: session.id });
    };
    // One warm-up cycle: lazily created agents and caches are not leaks.
    await cycle();
    await vi.waitFor(() => expect(counts().logs + counts().stats).toBe(0), { timeout: 10_000 });
    const before = counts();
    for (let i = 0; i < 50; i++) await cycle();
    // Closing is asynchronous down to the engine: give it a moment, then nothing may have grown.
    await vi.waitFor(
      () => {
        const after = counts();
        expect(after.logs).toBe(before.logs);
        expect(after.stats).toBe(before.stats);
        expect(after.eventListeners).toBe(before.eventListeners);
        expect(after.hostWatchers).toBe(before.hostWatchers);
        expect(after.handles).toBeLessThanOrEqual(before.handles);
        expect(after.fds).toBeLessThanOrEqual(before.fds);
      },
      { timeout: 15_000, interval: 200 },
    );
    console.log(
      `[resilience] after 50 cycles: before ${JSON.stringify(before)} after ${JSON.stringify(counts())}`,
    );
    expect(await api.exec.list({})).toHaveLength(0);
  }, 180_000);
});
