import type { IncomingMessage } from 'node:http';
import type Docker from 'dockerode';
import type { Contract, LogEvent, StreamParsed } from '@shared/contract';
import type { Dispose, StreamSink } from '../../rpc/handlers';
import { engineStream } from '../../engine/request';
import { FrameDemuxer, type DemuxPiece } from '../logs/frame-demuxer';
import { headerDeadline } from '../logs/header-deadline';
import { trackEngineStream } from '../logs/live-streams';
import { pipePieces } from '../logs/pipe-pieces';
import { filters, request } from './engine';
import type { EngineNode, EngineService, EngineTask } from './engine-types';
import { labelLine, LineSplitter, type LabelSource } from './log-labels';

type Params = Omit<StreamParsed<Contract['swarm']['serviceLogs']>, 'hostId' | 'id'>;

const OPEN_TIMEOUT_MS = 15_000;
/** A line from a task we do not know yet triggers at most one task refresh per this interval. */
const REFRESH_MS = 2000;

/**
 * Labels "service.slot@node" from the service's tasks and the swarm's nodes. Nodes with the same
 * hostname (clones, one VM) get a short id appended so their lines stay apart.
 */
class TaskLabels implements LabelSource {
  private labels = new Map<string, string>();
  private lastRefresh = 0;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly docker: Docker,
    private readonly service: EngineService,
    private readonly signal: AbortSignal,
  ) {}

  label(taskId: string): string | undefined {
    return this.labels.get(taskId);
  }

  async refresh(): Promise<void> {
    const [tasks, nodes] = await Promise.all([
      request<EngineTask[]>(this.docker, {
        path: '/tasks',
        method: 'GET',
        query: { filters: filters({ service: [this.service.ID] }) },
        signal: this.signal,
      }),
      request<EngineNode[]>(this.docker, { path: '/nodes', method: 'GET', signal: this.signal }),
    ]);
    const counts = new Map<string, number>();
    for (const n of nodes) {
      const h = n.Description?.Hostname ?? '';
      counts.set(h, (counts.get(h) ?? 0) + 1);
    }
    const nodeName = new Map(
      nodes.map((n) => {
        const h = n.Description?.Hostname ?? n.ID.slice(0, 12);
        return [n.ID, (counts.get(h) ?? 0) > 1 ? `${h}/${n.ID.slice(0, 8)}` : h];
      }),
    );
    for (const t of tasks) {
      const which = t.Slot
        ? `${this.service.Spec.Name}.${t.Slot}`
        : `${this.service.Spec.Name}.${t.ID.slice(0, 8)}`;
      const node = t.NodeID ? (nodeName.get(t.NodeID) ?? t.NodeID.slice(0, 12)) : '?';
      this.labels.set(t.ID, `${which}@${node}`);
    }
    this.lastRefresh = Date.now();
  }

  /** Refreshes in the background (bounded rate); lines meanwhile carry the raw ids. */
  noteUnknown(): void {
    if (this.refreshing || Date.now() - this.lastRefresh < REFRESH_MS) return;
    this.refreshing = this.refresh()
      .catch(() => undefined)
      .finally(() => (this.refreshing = undefined));
  }
}

/**
 * Serves one service-logs subscription: every task's lines interleaved as the engine sends them,
 * each labelled with task and node, in the same events as logs.follow so the same viewer shows them.
 */
export async function followServiceLogs(
  docker: Docker,
  id: string,
  params: Params,
  sink: StreamSink<LogEvent>,
): Promise<Dispose> {
  const guard = headerDeadline(sink.signal, OPEN_TIMEOUT_MS, 'the service logs request');
  let body: IncomingMessage;
  let labels: TaskLabels;
  let tty: boolean;
  try {
    const service = await request<EngineService>(docker, {
      path: `/services/${id}`,
      method: 'GET',
      signal: guard.signal,
    });
    tty = service.Spec.TaskTemplate.ContainerSpec?.TTY === true;
    labels = new TaskLabels(docker, service, sink.signal);
    await labels.refresh();
    body = await engineStream(docker, {
      path: `/services/${service.ID}/logs`,
      method: 'GET',
      query: {
        details: true,
        follow: params.follow,
        stdout: true,
        stderr: true,
        timestamps: params.timestamps,
        tail: String(params.tail),
        ...(params.since ? { since: params.since } : {}),
      },
      signal: guard.signal,
    });
  } finally {
    guard.settled();
  }
  trackEngineStream('service-logs', body);
  if (sink.signal.aborted) {
    body.destroy();
    return () => undefined;
  }
  sink.emit({ type: 'start', tty });

  const demuxer = tty ? undefined : new FrameDemuxer();
  const splitters = new Map<number, LineSplitter>();

  const relabel = (stream: 1 | 2 | 3, line: Buffer): DemuxPiece => {
    if (stream === 3) return { stream, data: line };
    const out = labelLine(line.toString('utf8'), params.timestamps, labels);
    if (out.unknownTask) labels.noteUnknown();
    return { stream, data: Buffer.from(out.text, 'utf8') };
  };
  return pipePieces(
    body,
    sink,
    {
      push: (chunk) => {
        const pieces: DemuxPiece[] = demuxer ? demuxer.push(chunk) : [{ stream: 1, data: chunk }];
        const out: DemuxPiece[] = [];
        for (const p of pieces) {
          let splitter = splitters.get(p.stream);
          if (!splitter) {
            splitter = new LineSplitter();
            splitters.set(p.stream, splitter);
          }
          for (const line of splitter.push(p.data)) out.push(relabel(p.stream, line));
        }
        return out;
      },
      flush: () => {
        const rest: DemuxPiece[] = [];
        for (const [stream, s] of splitters) {
          const line = s.flush();
          if (line) rest.push(relabel(stream as 1 | 2 | 3, line));
        }
        return rest;
      },
    },
    (error) => sink.end(error),
  );
}
