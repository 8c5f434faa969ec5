import type { IncomingMessage } from 'node:http';
import type Docker from 'dockerode';
import { openContainerStream } from './container-stream';
import { headerDeadline } from './header-deadline';

export interface LogRequest {
  follow: boolean;
  tail: number | 'all';
  since?: string | undefined;
  until?: string | undefined;
  timestamps: boolean;
  stdout: boolean;
  stderr: boolean;
}

export interface OpenLogStream {
  /** TTY output is one raw stream; otherwise it is multiplexed with 8-byte frame headers. */
  tty: boolean;
  body: IncomingMessage;
  /** The container's full id (events name it so) and its run, for noticing a restart. */
  containerId: string;
  startedAt: string;
}

/** Time allowed until the engine answers with headers; the body itself may stream for hours. */
export const LOG_OPEN_TIMEOUT_MS = 15_000;

/**
 * Opens GET /containers/{id}/logs as a stream, whether following or not. dockerode's own
 * `logs({follow:false})` buffers the whole body (and may JSON-parse it), which is wrong for a
 * million-line log, so the request goes through the modem with isStream set.
 */
export async function openLogStream(
  docker: Docker,
  id: string,
  req: LogRequest,
  signal: AbortSignal,
): Promise<OpenLogStream> {
  const inspectGuard = headerDeadline(signal, LOG_OPEN_TIMEOUT_MS, 'the container inspect');
  let tty: boolean;
  let containerId: string;
  let startedAt: string;
  try {
    const info = await docker.getContainer(id).inspect({ abortSignal: inspectGuard.signal });
    tty = info.Config?.Tty === true;
    containerId = info.Id;
    startedAt = info.State?.StartedAt ?? '';
  } finally {
    inspectGuard.settled();
  }

  const query: Record<string, string | number | boolean> = {
    follow: req.follow,
    stdout: req.stdout,
    stderr: req.stderr,
    timestamps: req.timestamps,
    tail: req.tail,
  };
  if (req.since !== undefined) query.since = req.since;
  if (req.until !== undefined) query.until = req.until;

  const body = await openContainerStream(docker, {
    endpoint: 'logs',
    id,
    what: 'the log request',
    query,
    timeoutMs: LOG_OPEN_TIMEOUT_MS,
    signal,
  });
  return { tty, body, containerId, startedAt };
}
