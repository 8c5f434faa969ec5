import type Docker from 'dockerode';
import type { StackLogLine } from '@shared/contract';
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

/**
 * All containers of a project in one stream, each line tagged with its service and container,
 * built on the logs service's stream opener (timestamps on, so the view can order them).
 * Resolves when every source has ended (not following) or the signal aborts.
 */
export async function followStackLogs(docker: Docker, opts: MergedLogOptions): Promise<void> {
  const list = await docker.listContainers({
    all: true,
    filters: { label: [`${L.project}=${opts.project}`, `${L.oneoff}=False`] },
    abortSignal: opts.signal,
  } as Docker.ContainerListOptions);
  const sources = list
    .filter((c) => !opts.services || opts.services.includes(c.Labels[L.service] ?? ''))
    .slice(0, MAX_SOURCES);
  await Promise.all(
    sources.map(async (c) => {
      const service = c.Labels[L.service] ?? '';
      const container = (c.Names[0] ?? c.Id).replace(/^\//, '');
      const open = await openLogStream(
        docker,
        c.Id,
        { follow: opts.follow, tail: opts.tail, timestamps: true, stdout: true, stderr: true },
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
        if (lines.length) opts.onLines(lines);
      };
      await new Promise<void>((resolve) => {
        open.body.on('data', (chunk: Buffer) => {
          if (open.tty) emit('stdout', chunk.toString('utf8'));
          else
            for (const p of demux.push(chunk))
              emit(p.stream === 2 ? 'stderr' : 'stdout', p.data.toString('utf8'));
        });
        const done = () => {
          if (partial.stdout) emit('stdout', '\n');
          if (partial.stderr) emit('stderr', '\n');
          resolve();
        };
        open.body.once('end', done);
        open.body.once('error', done);
        opts.signal.addEventListener(
          'abort',
          () => {
            open.body.destroy();
            resolve();
          },
          { once: true },
        );
      });
      opts.onSource(container, service, 'ended');
    }),
  );
}
