import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EXEC_FLOW_HIGH, EXEC_FLOW_LOW, type ExecOutputEvent, type ExecSessionInfo } from '@shared/contract';
import { ExecSession, RING_BYTES } from '../../src/main/services/exec/exec-session';
import type { EngineTty, TtyOutcome } from '../../src/main/services/exec/engine-tty';
import type { StreamSink } from '../../src/main/rpc/handlers';

/** A stand-in for the engine's hijacked socket: a duplex whose pause state we can read. */
function fakeTty(outcome: TtyOutcome = { state: 'exited', exitCode: 0 }) {
  const socket = new PassThrough();
  const tty: EngineTty = {
    socket,
    resize: async () => undefined,
    outcome: async () => outcome,
  };
  return { tty, socket };
}

function info(): ExecSessionInfo {
  return {
    id: 's-0123456789abcdef',
    hostId: 'h-1',
    containerId: 'c1',
    containerName: 'c1',
    kind: 'exec',
    command: ['auto'],
    state: 'starting',
    cols: 80,
    rows: 24,
    createdAt: 0,
  };
}

/** A subscriber that records events and never fills its transport window. */
function sink() {
  const events: ExecOutputEvent[] = [];
  let ended = false;
  const controller = new AbortController();
  const s: StreamSink<ExecOutputEvent> = {
    emit: (e) => (events.push(e), true),
    writable: () => Promise.resolve(),
    end: () => {
      ended = true;
    },
    signal: controller.signal,
  };
  return {
    s,
    events,
    get ended() {
      return ended;
    },
    bytes: () => events.reduce((n, e) => n + (e.type === 'data' ? e.bytes.length : 0), 0),
    viewerId: () => (events[0]?.type === 'attached' ? events[0].viewerId : 0),
  };
}

const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));
const quiet = { error: () => undefined };

describe('ExecSession flow control', () => {
  it('pauses the engine stream when the viewer is behind, resumes once it acks', async () => {
    const { tty, socket } = fakeTty();
    const session = new ExecSession(info(), quiet);
    session.start(tty);
    const v = sink();
    session.addViewer(v.s);
    const chunk = Buffer.alloc(64 * 1024, 0x79);
    for (let i = 0; i * chunk.length <= EXEC_FLOW_HIGH; i++) socket.push(chunk);
    await tick();
    expect(socket.isPaused()).toBe(true);
    const received = v.bytes();
    expect(received).toBeGreaterThan(EXEC_FLOW_HIGH);
    session.ack(v.viewerId(), received - EXEC_FLOW_LOW - 1);
    expect(socket.isPaused()).toBe(true);
    session.ack(v.viewerId(), 2);
    expect(socket.isPaused()).toBe(false);
    await session.close();
  });

  it('reads unwatched output only up to the ring size, then replays it to the next viewer', async () => {
    const { tty, socket } = fakeTty();
    const session = new ExecSession(info(), quiet);
    session.start(tty);
    const chunk = Buffer.alloc(32 * 1024, 0x61);
    for (let i = 0; i * chunk.length <= RING_BYTES; i++) socket.push(chunk);
    await tick();
    expect(socket.isPaused()).toBe(true);
    const v = sink();
    session.addViewer(v.s);
    await tick();
    expect(v.events[0]?.type).toBe('attached');
    // The ring's bytes, then (the replay leaves the viewer at EXEC_FLOW_LOW, so reading resumes)
    // the one chunk the engine stream held while paused: nothing lost, nothing twice.
    expect(RING_BYTES).toBeLessThanOrEqual(EXEC_FLOW_LOW);
    expect(v.bytes()).toBe(RING_BYTES + chunk.length);
    await session.close();
  });

  it('ends every viewer with the exit code after the stream ended', async () => {
    const { tty, socket } = fakeTty({ state: 'exited', exitCode: 3 });
    const session = new ExecSession(info(), quiet);
    session.start(tty);
    const v = sink();
    session.addViewer(v.s);
    socket.push(Buffer.from('bye\r\n'));
    socket.push(null);
    await tick();
    expect(v.ended).toBe(true);
    const last = v.events[v.events.length - 1];
    expect(last).toMatchObject({ type: 'state', session: { state: 'exited', exitCode: 3 } });
    expect(v.events.some((e) => e.type === 'data' && Buffer.from(e.bytes).toString() === 'bye\r\n')).toBe(
      true,
    );
    // A viewer that comes later (a reload) still gets the output and the end.
    const late = sink();
    session.addViewer(late.s);
    await tick();
    expect(late.ended).toBe(true);
    expect(late.bytes()).toBe(5);
  });

  it('reports disconnected when the engine says the process still runs', async () => {
    const { tty, socket } = fakeTty({ state: 'running' });
    const session = new ExecSession(info(), quiet);
    session.start(tty);
    const v = sink();
    session.addViewer(v.s);
    socket.destroy();
    await tick();
    expect(session.info.state).toBe('disconnected');
    expect(session.info.error?.message).toMatch(/may still be running/);
  });

  it('refuses input once the session ended', async () => {
    const { tty, socket } = fakeTty();
    const session = new ExecSession(info(), quiet);
    session.start(tty);
    socket.push(null);
    await tick();
    expect(() => session.write(Buffer.from('x'))).toThrow(/has ended/);
  });
});
