import type Docker from 'dockerode';
import type { StackLogLine } from '@shared/contract';
import type { Readable } from 'node:stream';
import { NdjsonSplitter } from '../../engine/ndjson';
import { pause } from '../hosts/host-liveness';
import { FrameDemuxer } from '../logs/frame-demuxer';
import { openLogStream } from '../logs/log-service';
import { L } from './labels';

export interface MergedLogOptions {
  project: string;
  services?: string[];
  follow: boolean;
  tail: number;
  signal: AbortSignal;
  onLines(lines: StackLogLine[]): void;
  onSource(container: string, service: string, state: 'following' | 'ended'): void;
}

/** Caps the sources of one merged view (each is an engine stream). */
const MAX_SOURCES = 50;
/** Pause before re-opening the project's start events after that stream dropped. */
const RESTART_WATCH_RETRY_MS = 2000;

interface Source {
  id: string;
  service: string;
  container: string;
  /** Read again after a start: every line after the last one already shown (all, for a new id). */
  again?: boolean;
}

/**
 * The engine's `since` just after a line's RFC 3339 timestamp ("secs.nanos", 1 ns later: `since`
 * is inclusive). A start event's own time will not do: a process prints before it is reported.
 */
export function sinceAfter(time: string): string | undefined {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(time);
  const secs = m ? Date.parse(`${m[1]}${m[3]}`) / 1000 : NaN;
  if (!m || Number.isNaN(secs)) return undefined;
  const nanos = Number((m[2] ?? '').padEnd(9, '0')) + 1;
  return nanos === 1e9 ? `${secs + 1}.000000000` : `${secs}.${String(nanos).padStart(9, '0')}`;
}

/**
 * All containers of a project in one stream, each line tagged with its service and container,
 * built on the logs service's stream opener (timestamps on, so the view can order them).
 * Following, it also watches the project's container starts: a restarted container (its engine
 * stream ends when it stops) and a recreated one (a new id) are read again from their start, so
 * the view never needs reopening. Resolves when every source has ended (not following) or the
 * signal aborts.
 */
export async function followStackLogs(docker: Docker, opts: MergedLogOptions): Promise<void> {
  const wanted = (service: string) => !opts.services || opts.services.includes(service);
  const reading = new Map<string, Promise<void>>();
  const lastSeen = new Map<string, string>();
  const read = (src: Source) => {
    if (!reading.has(src.id) && reading.size >= MAX_SOURCES) return;
    // One stream per container at a time: a restart's stream opens once the previous one ended.
    const next = (reading.get(src.id) ?? Promise.resolve())
      .then(() => readSource(docker, src, lastSeen, opts))
      .catch(() => opts.onSource(src.container, src.service, 'ended'));
    reading.set(src.id, next);
  };
  const listed = new Set<string>();
  let listing = true;
  const starts = opts.follow
    ? watchStarts(docker, opts, (id, service, container) => {
        // A start seen while listing is the start the listed stream already reads.
        if (!wanted(service) || (listing && listed.has(id))) return;
        read({ id, service, container, again: true });
      })
    : undefined;
  const list = await docker.listContainers({
    all: true,
    filters: { label: [`${L.project}=${opts.project}`, `${L.oneoff}=False`] },
    abortSignal: opts.signal,
  } as Docker.ContainerListOptions);
  for (const c of list) {
    const service = c.Labels[L.service] ?? '';
    if (!wanted(service)) continue;
    listed.add(c.Id);
    read({ id: c.Id, service, container: (c.Names[0] ?? c.Id).replace(/^\//, '') });
  }
  listing = false;
  if (starts) await starts.ended;
  else await Promise.all(reading.values());
}

/**
 * Calls `onStart` for each container of the project that starts, until the signal aborts (then
 * `ended` resolves). Not awaited before listing: the engine sends no headers until a first event.
 */
function watchStarts(
  docker: Docker,
  opts: MergedLogOptions,
  onStart: (id: string, service: string, container: string) => void,
): { ended: Promise<void> } {
  const split = new NdjsonSplitter((line) => {
    try {
      const e = JSON.parse(line) as {
        id?: string;
        Actor?: { Attributes?: Record<string, string> };
      };
      const attrs = e.Actor?.Attributes ?? {};
      if (e.id) onStart(e.id, attrs[L.service] ?? '', attrs.name ?? e.id.slice(0, 12));
    } catch {
      // Not an event: ignored.
    }
  });
  let current: Readable | undefined;
  // The event stream is re-opened when it drops (an engine restart, a proxy closing it) so
  // restarts keep being followed; a pause between attempts keeps a dead engine from spinning.
  const follow = async () => {
    while (!opts.signal.aborted) {
      try {
        const stream = (await docker.getEvents({
          filters: {
            type: ['container'],
            event: ['start'],
            label: [`${L.project}=${opts.project}`, `${L.oneoff}=False`],
          },
          abortSignal: opts.signal,
        } as object)) as unknown as Readable;
        current = stream;
        await new Promise<void>((resolve) => {
          stream.on('data', (chunk: Buffer) => split.push(chunk));
          stream.once('end', resolve);
          stream.once('close', resolve);
          stream.once('error', () => resolve());
        });
      } catch {
        // Refused or cut: tried again after the pause, until the view closes.
      }
      current = undefined;
      await pause(RESTART_WATCH_RETRY_MS, opts.signal).catch(() => undefined);
    }
  };
  void follow();
  const ended = new Promise<void>((resolve) => {
    const done = () => {
      current?.destroy();
      resolve();
    };
    if (opts.signal.aborted) done();
    else opts.signal.addEventListener('abort', done, { once: true });
  });
  return { ended };
}

/** One container's lines until its engine stream ends (it stopped) or the view closes. */
async function readSource(
  docker: Docker,
  src: Source,
  lastSeen: Map<string, string>,
  opts: MergedLogOptions,
): Promise<void> {
  const { service, container } = src;
  if (opts.signal.aborted) return;
  const open = await openLogStream(
    docker,
    src.id,
    {
      follow: opts.follow,
      tail: src.again ? 'all' : opts.tail,
      since: src.again ? sinceAfter(lastSeen.get(src.id) ?? '') : undefined,
      timestamps: true,
      stdout: true,
      stderr: true,
    },
    opts.signal,
  );
  opts.onSource(container, service, 'following');
  const demux = new FrameDemuxer();
  const partial: Record<'stdout' | 'stderr', string> = { stdout: '', stderr: '' };
  const emit = (stream: 'stdout' | 'stderr', text: string, flush = false) => {
    const all = partial[stream] + text;
    const parts = all.split('\n');
    partial[stream] = flush ? '' : (parts.pop() ?? '');
    const lines = parts
      .filter((l, i) => l !== '' || i < parts.length - 1 || flush)
      .map((l) => {
        const sp = l.indexOf(' ');
        return {
          service,
          container,
          stream,
          time: sp > 0 ? l.slice(0, sp) : '',
          text: sp > 0 ? l.slice(sp + 1) : l,
        };
      });
    const last = lines.at(-1)?.time;
    if (last) lastSeen.set(src.id, last);
    if (lines.length) opts.onLines(lines);
  };
  await new Promise<void>((resolve) => {
    open.body.on('data', (chunk: Buffer) => {
      if (open.tty) emit('stdout', chunk.toString('utf8'));
      else
        for (const p of demux.push(chunk))
          emit(p.stream === 2 ? 'stderr' : 'stdout', p.data.toString('utf8'));
    });
    const onAbort = () => {
      open.body.destroy();
      resolve();
    };
    const done = () => {
      // A followed view outlives many container runs: its signal keeps no listener per run.
      opts.signal.removeEventListener('abort', onAbort);
      if (partial.stdout) emit('stdout', '\n');
      if (partial.stderr) emit('stderr', '\n');
      resolve();
    };
    open.body.once('end', done);
    open.body.once('error', done);
    opts.signal.addEventListener('abort', onAbort, { once: true });
  });
  opts.onSource(container, service, 'ended');
}
