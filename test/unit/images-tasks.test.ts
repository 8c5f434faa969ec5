import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError, type TaskOutputEvent, type TasksEvent } from '@shared/contract';
import { toAppError } from '../../src/main/errors/to-app-error';
import type { StreamSink } from '../../src/main/rpc/handlers';
import { readJsonLines, type EngineProgress } from '../../src/main/engine/progress-stream';
import { MAX_LINES } from '../../src/main/services/tasks/output-buffer';
import { TaskRegistry } from '../../src/main/services/tasks/task-registry';
import { streamTaskOutput, watchTasks } from '../../src/main/services/tasks/task-streams';

const registry = () => new TaskRegistry({ mapError: (e) => toAppError(e) });

/** A subscriber that holds `window` events before it stops acknowledging (until `drain`). */
function fakeSink<E>(window = 1000) {
  const events: E[] = [];
  const controller = new AbortController();
  let credit = window;
  let waiters: Array<() => void> = [];
  let ended: unknown = false;
  const sink: StreamSink<E> = {
    emit(ev) {
      events.push(ev);
      credit--;
      return credit > 0;
    },
    writable: () => (credit > 0 ? Promise.resolve() : new Promise<void>((r) => waiters.push(r))),
    end: (err?: unknown) => {
      ended = err ?? true;
    },
    signal: controller.signal,
  };
  return {
    sink,
    events,
    get ended() {
      return ended;
    },
    drain(n: number) {
      credit += n;
      const w = waiters;
      waiters = [];
      for (const f of w) f();
    },
  };
}

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('task registry', () => {
  it('runs a body, reports progress and output, and ends succeeded with its result', async () => {
    const reg = registry();
    const t = reg.start({ kind: 'pull', hostId: 'h-1', title: 'Pull x' }, async (ctl) => {
      ctl.update({ phase: 'Downloading', progress: { fraction: 0.5 } });
      ctl.output('line 1');
      return { imageId: 'sha256:1' };
    });
    expect(t).toMatchObject({ state: 'running', title: 'Pull x', progress: { fraction: null } });
    const done = await reg.settled(t.id);
    expect(done).toMatchObject({
      state: 'succeeded',
      result: { imageId: 'sha256:1' },
      progress: { fraction: 1 },
      outputLines: 1,
    });
    expect(done.endedAt).toBeGreaterThanOrEqual(done.startedAt);
  });

  it('a failure becomes the contract error; a cancel aborts the body and ends cancelled', async () => {
    const reg = registry();
    const failed = reg.start({ kind: 'push', hostId: 'h-1', title: 'Push x' }, () =>
      Promise.reject(new AppError({ code: 'AUTH_FAILED', message: 'no' })),
    );
    expect(await reg.settled(failed.id)).toMatchObject({
      state: 'failed',
      error: { code: 'AUTH_FAILED', message: 'no' },
    });

    let sawAbort = false;
    const slow = reg.start(
      { kind: 'build', hostId: 'h-1', title: 'Build x' },
      (ctl) =>
        new Promise((_, reject) => {
          ctl.signal.addEventListener('abort', () => {
            sawAbort = true;
            reject(new Error('socket hang up'));
          });
        }),
    );
    reg.cancel(slow.id);
    expect(await reg.settled(slow.id)).toMatchObject({ state: 'cancelled', error: { code: 'CANCELLED' } });
    expect(sawAbort).toBe(true);
    expect(() => reg.cancel('t-unknown')).toThrow(/no longer known/);
  });

  it('clear forgets finished tasks only', async () => {
    const reg = registry();
    const done = reg.start({ kind: 'save', hostId: 'h', title: 'a' }, async () => undefined);
    const running = reg.start({ kind: 'save', hostId: 'h', title: 'b' }, () => new Promise(() => undefined));
    await reg.settled(done.id);
    reg.clear();
    expect(reg.list().map((t) => t.id)).toEqual([running.id]);
    reg.dispose();
  });

  it('watch: a snapshot, then coalesced upserts, paused while the subscriber is full', async () => {
    const reg = registry();
    const sub = fakeSink<TasksEvent>(2);
    const dispose = watchTasks(reg, sub.sink);
    expect(sub.events[0]).toEqual({ type: 'snapshot', tasks: [] });
    let update: ((n: number) => void) | undefined;
    const t = reg.start(
      { kind: 'copy', hostId: 'h', title: 'c' },
      (ctl) =>
        new Promise<void>((resolve) => {
          update = (n) => (n < 0 ? resolve() : ctl.update({ progress: { fraction: n } }));
        }),
    );
    for (let i = 1; i <= 50; i++) update?.(i / 100);
    await tick(150);
    // 50 updates within one interval: one event, the latest state.
    expect(sub.events.length).toBe(2);
    expect(sub.events[1]).toMatchObject({ type: 'upsert', task: { id: t.id, progress: { fraction: 0.5 } } });
    // Window full: nothing more is sent, however much changes...
    update?.(0.9);
    await tick(150);
    expect(sub.events.length).toBe(2);
    // ...until the subscriber acknowledges; then the latest state arrives.
    sub.drain(10);
    await tick(150);
    expect(sub.events.at(-1)).toMatchObject({ type: 'upsert', task: { progress: { fraction: 0.9 } } });
    update?.(-1);
    await reg.settled(t.id);
    reg.clear(t.id);
    await tick(150);
    expect(sub.events.at(-1)).toEqual({ type: 'removed', ids: [t.id] });
    dispose();
  });

  it('output: what was kept, then live lines, then the end; bounded and counting what was dropped', async () => {
    const reg = registry();
    let finish: (() => void) | undefined;
    const t = reg.start({ kind: 'build', hostId: 'h', title: 'b' }, (ctl) => {
      for (let i = 0; i < MAX_LINES + 10; i++) ctl.output(`early ${i}`);
      return new Promise<void>((resolve) => {
        finish = () => {
          ctl.output('last');
          resolve();
        };
      });
    });
    const sub = fakeSink<TaskOutputEvent>();
    streamTaskOutput(reg, t.id, sub.sink);
    await tick(80);
    const lines = sub.events.flatMap((e) => e.lines);
    expect(lines.length).toBe(MAX_LINES);
    expect(lines[0]).toBe('early 10');
    expect(sub.events[0]?.dropped).toBe(10);
    finish?.();
    await reg.settled(t.id);
    await tick(80);
    expect(sub.events.flatMap((e) => e.lines).at(-1)).toBe('last');
    expect(sub.ended).toBe(true);
  });
});

describe('engine JSON lines', () => {
  it('parses objects split across chunks, keeps non-JSON as text, never throws', async () => {
    const src = new PassThrough();
    const seen: EngineProgress[] = [];
    const done = readJsonLines(src, (e) => seen.push(e));
    src.write('{"status":"Pulling fs layer","id":"a"}\n{"stat');
    src.write('us":"Downloading","progressDetail":{"current":1,"total":2},"id":"a"}\r\n');
    src.write('not json\n');
    src.end('{"errorDetail":{"message":"boom"},"error":"boom"}');
    await done;
    expect(seen).toEqual([
      { status: 'Pulling fs layer', id: 'a' },
      { status: 'Downloading', progressDetail: { current: 1, total: 2 }, id: 'a' },
      { stream: 'not json\n' },
      { errorDetail: { message: 'boom' }, error: 'boom' },
    ]);
  });

  it('a stream destroyed before its end rejects', async () => {
    const src = new PassThrough();
    const done = readJsonLines(src, () => undefined);
    src.write('{"status":"x"}\n');
    src.destroy();
    await expect(done).rejects.toThrow(/closed the stream early/);
  });
});
