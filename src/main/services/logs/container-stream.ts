import type { IncomingMessage } from 'node:http';
import type Docker from 'dockerode';
import { headerDeadline } from './header-deadline';
import { trackEngineStream } from './live-streams';

/**
 * Opens a streaming GET on one container (logs, stats): the engine must answer with headers
 * within `timeoutMs`, then the body may stream for as long as it lasts. Counted as a live stream.
 */
export async function openContainerStream(
  docker: Docker,
  req: {
    /** e.g. "logs", "stats": also the live-stream counter's kind. */
    endpoint: 'logs' | 'stats';
    id: string;
    /** Named in the timeout error: "the log request". */
    what: string;
    query: object;
    timeoutMs: number;
    signal: AbortSignal;
  },
): Promise<IncomingMessage> {
  const guard = headerDeadline(req.signal, req.timeoutMs, req.what);
  const body = await new Promise<IncomingMessage>((resolve, reject) => {
    docker.modem.dial(
      {
        path: `/containers/${req.id}/${req.endpoint}?`,
        method: 'GET',
        isStream: true,
        abortSignal: guard.signal,
        statusCodes: { 200: true, 404: 'no such container', 500: 'server error' },
        options: req.query,
      },
      (err, result) => {
        guard.settled();
        if (err) reject(err);
        else resolve(result as IncomingMessage);
      },
    );
  });
  trackEngineStream(req.endpoint, body);
  return body;
}
