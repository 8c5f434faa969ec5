import { randomBytes } from 'node:crypto';
import type Docker from 'dockerode';
import {
  AppError,
  type AppErrorShape,
  type ExecOpenParsed,
  type ExecOutputEvent,
  type ExecSessionInfo,
  type HostsSnapshot,
} from '@shared/contract';
import type { Dispose, StreamSink } from '../../rpc/handlers';
import type { SessionHosts as SessionIndex } from '../../security/session-hosts';
import { ExecSession, type SessionLog } from './exec-session';
import { inspectForAttach, startAttach, startExec, type EngineTty, type ExecSpec } from './engine-tty';

/** Live sessions per host: enough for real work, bounded so a stuck UI can't pile up shells. */
export const MAX_LIVE_PER_HOST = 12;
/** Ended sessions kept (their tabs show the exit code and scrollback) before the oldest go. */
const MAX_ENDED = 32;

/** What the manager needs from the hosts service. */
export interface SessionHosts {
  client(hostId: string): Promise<{ docker: Docker }>;
  watch(listener: (s: HostsSnapshot) => void): () => void;
  /** Keeps the host's heartbeat going while a session is live (a frozen engine is noticed). */
  hold(hostId: string): () => void;
}

type OpenSpec = { kind: 'exec'; exec: ExecSpec } | { kind: 'attach' };

interface Entry {
  session: ExecSession;
  /** Ends the session's hold on its host's heartbeat (idempotent). */
  release: () => void;
  /** Forgets the session's host in the session index (on close). */
  unbind: () => void;
  spec: OpenSpec;
}

interface Target {
  hostId: string;
  containerId: string;
  containerName?: string | undefined;
  cols: number;
  rows: number;
}

function newSessionId(): string {
  return `s-${randomBytes(8).toString('hex')}`;
}

function notFound(): AppError {
  return new AppError({ code: 'NOT_FOUND', message: 'This terminal session no longer exists.' });
}

/**
 * Owns every terminal session of the app, independent of views and renderer reloads. Sessions of a
 * host that fails are reported disconnected at once.
 */
export class ExecSessionManager {
  private readonly entries = new Map<string, Entry>();
  private readonly stopWatch: () => void;

  constructor(
    private readonly hosts: SessionHosts,
    private readonly log: SessionLog,
    private readonly index?: SessionIndex,
  ) {
    this.stopWatch = hosts.watch((snap) => this.onHosts(snap));
  }

  private onHosts(snap: HostsSnapshot) {
    const known = new Set(snap.hosts.map((h) => h.id));
    for (const { session } of this.entries.values()) {
      const hostId = session.info.hostId;
      const status = snap.statuses[hostId];
      if (!known.has(hostId)) {
        session.disconnect({ code: 'NOT_FOUND', message: 'The host of this terminal was removed.' });
      } else if (status?.state === 'error') {
        const reason: AppErrorShape = status.error ?? {
          code: 'ENGINE_UNREACHABLE',
          message: 'The engine stopped answering.',
        };
        session.disconnect({ code: reason.code, message: `Lost the engine: ${reason.message}` });
      }
    }
  }

  private liveOn(hostId: string): number {
    let n = 0;
    for (const { session } of this.entries.values()) if (session.info.hostId === hostId && session.live) n++;
    return n;
  }

  private async launch(
    id: string,
    target: Target,
    spec: OpenSpec,
    signal: AbortSignal,
  ): Promise<ExecSessionInfo> {
    if (this.liveOn(target.hostId) >= MAX_LIVE_PER_HOST) {
      throw new AppError({
        code: 'CONFLICT',
        message: `${MAX_LIVE_PER_HOST} terminals are already open on this host; close one first.`,
      });
    }
    const { docker } = await this.hosts.client(target.hostId);
    let name = target.containerName ?? target.containerId;
    let tty: EngineTty;
    if (spec.kind === 'attach') {
      name = (await inspectForAttach(docker, target.containerId, signal)).name;
      tty = await startAttach(docker, target.containerId, signal);
    } else {
      tty = await startExec(docker, spec.exec, signal);
    }
    const info: ExecSessionInfo = {
      id,
      hostId: target.hostId,
      containerId: target.containerId,
      containerName: name,
      kind: spec.kind,
      command:
        spec.kind === 'attach' ? ['main process'] : spec.exec.shell === 'auto' ? ['auto'] : spec.exec.shell,
      state: 'starting',
      cols: target.cols,
      rows: target.rows,
      createdAt: Date.now(),
    };
    if (spec.kind === 'exec' && spec.exec.user) info.user = spec.exec.user;
    const session = new ExecSession(info, this.log);
    const release = this.hosts.hold(target.hostId);
    const unbind =
      this.index?.bind(info.id, {
        hostId: info.hostId,
        access: 'exec',
        end: (reason) => session.disconnect(reason),
      }) ?? (() => undefined);
    this.entries.set(info.id, { session, spec, release, unbind });
    session.onEnd(() => {
      release();
      this.trimEnded();
    });
    session.start(tty);
    // The exec is created at the engine's default size (API 1.41 has no ConsoleSize): set ours now.
    await tty.resize(target.cols, target.rows).catch((e: unknown) => {
      // A process that already exited (a missing shell) has nothing to resize.
      if (session.live) this.log.error('initial resize failed', e);
    });
    return session.info;
  }

  open(input: ExecOpenParsed, signal: AbortSignal): Promise<ExecSessionInfo> {
    const id = newSessionId();
    const exec: ExecSpec = { containerId: input.containerId, shell: input.shell, marker: id };
    if (input.user) exec.user = input.user;
    if (input.workingDir) exec.workingDir = input.workingDir;
    if (input.env) exec.env = input.env;
    return this.launch(id, input, { kind: 'exec', exec }, signal);
  }

  attach(input: Target, signal: AbortSignal): Promise<ExecSessionInfo> {
    return this.launch(newSessionId(), input, { kind: 'attach' }, signal);
  }

  /** "Start again" / "Reopen": a new session with the old one's settings, replacing it. */
  async reopen(id: string, signal: AbortSignal): Promise<ExecSessionInfo> {
    const entry = this.require(id);
    const old = entry.session.info;
    await this.close(id);
    const next = newSessionId();
    const spec: OpenSpec =
      entry.spec.kind === 'exec' ? { kind: 'exec', exec: { ...entry.spec.exec, marker: next } } : entry.spec;
    return this.launch(
      next,
      {
        hostId: old.hostId,
        containerId: old.containerId,
        containerName: old.containerName,
        cols: old.cols,
        rows: old.rows,
      },
      spec,
      signal,
    );
  }

  private require(id: string): Entry {
    const entry = this.entries.get(id);
    if (!entry) throw notFound();
    return entry;
  }

  input(id: string, data: string, binary: boolean): void {
    this.require(id).session.write(Buffer.from(data, binary ? 'latin1' : 'utf8'));
  }

  resize(id: string, cols: number, rows: number): Promise<void> {
    return this.require(id).session.resize(cols, rows);
  }

  ack(id: string, viewerId: number, bytes: number): void {
    this.entries.get(id)?.session.ack(viewerId, bytes);
  }

  subscribe(id: string, sink: StreamSink<ExecOutputEvent>): Dispose {
    return this.require(id).session.addViewer(sink);
  }

  close(id: string): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry) return Promise.resolve();
    this.entries.delete(id);
    entry.release();
    entry.unbind();
    return entry.session.close();
  }

  list(): ExecSessionInfo[] {
    return [...this.entries.values()].map((e) => e.session.info);
  }

  /** Live sessions: tests use it to prove cleanup. */
  liveCount(): number {
    let n = 0;
    for (const { session } of this.entries.values()) if (session.live) n++;
    return n;
  }

  private trimEnded() {
    const ended = [...this.entries.entries()].filter(([, e]) => !e.session.live);
    for (const [id] of ended.slice(0, Math.max(0, ended.length - MAX_ENDED))) void this.close(id);
  }

  dispose(): void {
    this.stopWatch();
    for (const id of [...this.entries.keys()]) void this.close(id);
  }
}
