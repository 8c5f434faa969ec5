import type Docker from 'dockerode';
import type {
  EventBatch,
  LogEvent,
  MergedLogEvent,
  MergedLogLine,
  MergedLogMember,
  MergedSelector,
} from '@shared/contract';
import { toAppError } from '../../errors/to-app-error';
import type { Dispose, StreamSink } from '../../rpc/handlers';
import type { HostWatch } from '../hosts/host-liveness';
import { followResilient } from '../logs/resilient-follow';
import { LineSplitter, type SplitLine } from './line-splitter';
import { ReorderBuffer } from './reorder-buffer';
import { labelFilters, labelsMatch } from './selector';

export interface MergedDeps {
  hosts: HostWatch & {
    client(hostId: string): Promise<{ docker: Docker }>;
    list(): Array<{ id: string }>;
  };
  events: { subscribe(hostId: string | undefined, fn: (batch: EventBatch) => void): () => void };
}

export interface MergedParams {
  selector: MergedSelector;
  tail: number;
  stdout: boolean;
  stderr: boolean;
  reorderMs: number;
}

/** Lines held (across containers) before the engine streams are paused. */
const HIGH_WATER = 20_000;
const TICK_MS = 50;
const MAX_LINES_PER_EVENT = 5_000;

interface Member {
  info: MergedLogMember;
  stop?: Dispose;
  left: boolean;
}

/**
 * Follows many containers on many hosts as one stream, in engine-timestamp order. Each container
 * is followed by the logs service's resilient follow (demux, restarts and host loss handled there,
 * resuming after its last timestamp, so nothing is lost or repeated); a selector other than a list
 * lets containers that appear later join.
 */
export async function followMerged(
  deps: MergedDeps,
  params: MergedParams,
  sink: StreamSink<MergedLogEvent>,
): Promise<Dispose> {
  const members = new Map<string, Member>();
  const buffer = new ReorderBuffer(params.reorderMs);
  const filters = labelFilters(params.selector);
  const sel = params.selector;
  const hostIds =
    sel.kind === 'containers'
      ? [...new Set(sel.items.map((i) => i.hostId))]
      : (sel.hostIds ?? deps.hosts.list().map((h) => h.id));
  const hostSet = new Set(hostIds);
  let closed = false;
  let blocked = false;
  let drained: (() => void) | undefined;
  const life = new AbortController();

  const send = (e: MergedLogEvent) => {
    if (!closed && !sink.signal.aborted && !sink.emit(e)) blocked = true;
  };

  const flush = (all = false) => {
    if (blocked) return;
    const lines = buffer.take(Date.now(), all);
    for (let i = 0; i < lines.length; i += MAX_LINES_PER_EVENT)
      send({ type: 'lines', lines: lines.slice(i, i + MAX_LINES_PER_EVENT) });
    if (blocked) void sink.writable().then(() => (blocked = false));
    if (buffer.size < HIGH_WATER / 2 && drained) {
      const d = drained;
      drained = undefined;
      d();
    }
  };
  const timer = setInterval(() => flush(), TICK_MS);

  const join = async (hostId: string, id: string, name: string | undefined, tail: number | 'all') => {
    const k = `${hostId}|${id}`;
    if (closed || members.has(k)) return;
    const member: Member = { info: { hostId, containerId: id, name: name ?? id.slice(0, 12) }, left: false };
    members.set(k, member);
    const splitter = new LineSplitter();
    const tag = (lines: SplitLine[]): MergedLogLine[] =>
      lines.map((l) => ({ hostId, containerId: id, ...l }));
    const leave = (error?: unknown) => {
      if (member.left) return;
      member.left = true;
      const rest: SplitLine[] = [];
      splitter.flush(rest);
      buffer.add(tag(rest), Date.now());
      const ev: MergedLogEvent = { type: 'left', hostId, containerId: id };
      if (error) ev.error = toAppError(error);
      send(ev);
    };
    const inner: StreamSink<LogEvent> = {
      emit(event) {
        const ref = { hostId, containerId: id };
        switch (event.type) {
          case 'data': {
            const out: SplitLine[] = [];
            splitter.push(event.text, event.runs, out);
            buffer.add(tag(out), Date.now());
            return buffer.size < HIGH_WATER;
          }
          case 'start':
            return true;
          case 'disconnected':
            send({ type: 'disconnected', ...ref, error: event.error });
            return true;
          default:
            send({ type: event.type, ...ref });
            return true;
        }
      },
      writable: () =>
        buffer.size < HIGH_WATER ? Promise.resolve() : new Promise<void>((r) => (drained = r)),
      end: (error) => leave(error),
      signal: life.signal,
    };
    try {
      const { docker } = await deps.hosts.client(hostId);
      if (!name) {
        const info = await docker.getContainer(id).inspect({ abortSignal: life.signal });
        member.info = { hostId, containerId: info.Id, name: info.Name.replace(/^\//, '') };
      }
      send({ type: 'joined', member: member.info });
      member.stop = await followResilient(
        deps,
        hostId,
        member.info.containerId,
        { follow: true, tail, timestamps: true, stdout: params.stdout, stderr: params.stderr },
        inner,
      );
      if (closed) member.stop();
    } catch (e) {
      if (!closed) leave(e);
    }
  };

  /** Lists a host's matching containers and joins those not followed yet. */
  const scan = async (hostId: string, tail: number | 'all') => {
    try {
      const { docker } = await deps.hosts.client(hostId);
      const list = await docker.listContainers({
        all: true,
        filters: { label: filters },
        abortSignal: life.signal,
      } as Docker.ContainerListOptions);
      await Promise.all(
        list.map((c) => join(hostId, c.Id, (c.Names?.[0] ?? '').replace(/^\//, '') || undefined, tail)),
      );
    } catch (e) {
      if (!closed) send({ type: 'hostError', hostId, error: toAppError(e) });
    }
  };

  if (sel.kind === 'containers') {
    await Promise.all(sel.items.map((i) => join(i.hostId, i.id, undefined, params.tail)));
  } else {
    await Promise.all(hostIds.map((h) => scan(h, params.tail)));
  }

  // Containers created later that match join with their whole log (it is all new).
  let first = true;
  const unsubscribe =
    sel.kind === 'containers'
      ? () => undefined
      : deps.events.subscribe(undefined, (batch) => {
          if (first) {
            first = false;
            return;
          }
          for (const e of batch.events) {
            if (e.type !== 'container' || !hostSet.has(e.hostId)) continue;
            if ((e.action === 'create' || e.action === 'start') && labelsMatch(filters, e.attributes))
              void join(e.hostId, e.id, e.name, 'all');
          }
          for (const h of batch.resync ?? []) if (hostSet.has(h)) void scan(h, 'all');
        });

  return () => {
    closed = true;
    life.abort();
    clearInterval(timer);
    unsubscribe();
    for (const m of members.values()) m.stop?.();
    drained?.();
  };
}
