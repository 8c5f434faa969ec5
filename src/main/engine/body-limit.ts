import type http from 'node:http';
import type Docker from 'dockerode';
import { AppError } from '@shared/contract';

/**
 * The largest JSON answer read from an engine (a list of thousands of containers is a few MiB).
 * docker-modem buffers every non-stream body whole, then turns it into one string: a ~600 MB
 * answer from a broken or hostile engine ended in ERR_STRING_TOO_LONG and took the backend down.
 */
export const MAX_ENGINE_BODY_BYTES = 32 * 1024 * 1024;

/** Set by our dial wrapper on requests whose body docker-modem buffers; removed before sending. */
const BUFFERED = 'x-berthmaster-buffered';
const HOOKED = Symbol('berthmaster.bodyLimit');

type HookableAgent = http.Agent & {
  addRequest(req: http.ClientRequest, options: unknown): void;
  [HOOKED]?: true;
};

function tooLarge(address: string, req: http.ClientRequest, maxBytes: number): AppError {
  const where = `${req.method} ${req.path.split('?')[0] ?? ''}`;
  return new AppError({
    code: 'ENGINE_ERROR',
    message:
      `The engine at ${address} sent more than ${Math.round(maxBytes / 1024 / 1024)} MiB in answer to ${where}; ` +
      'Berthmaster stopped reading it. The engine may be broken or not a Docker engine.',
  });
}

/**
 * Bounds what one engine can make this process hold in memory. Every body docker-modem would
 * buffer (JSON answers, and the error body of any failed request, streams included) is counted
 * as it arrives on the host's own agent; past `maxBytes` the request is destroyed and the call
 * fails with an error naming the host. Streams that succeed are left alone: their readers cap
 * each line (engine/ndjson).
 */
export function limitResponseBodies(
  docker: Docker,
  agent: http.Agent,
  address: string,
  maxBytes = MAX_ENGINE_BODY_BYTES,
): void {
  const modem = docker.modem as unknown as {
    dial(options: Record<string, unknown>, cb: (...args: unknown[]) => void): unknown;
    headers?: Record<string, string>;
  };
  const dial = modem.dial.bind(modem);
  modem.dial = (options, cb) => {
    if (options.isStream !== true && options.hijack !== true) {
      const own = (options.headers as Record<string, string> | undefined) ?? modem.headers ?? {};
      options = { ...options, headers: { ...own, [BUFFERED]: '1' } };
    }
    return dial(options, cb);
  };

  const hookable = agent as HookableAgent;
  if (hookable[HOOKED]) return;
  hookable[HOOKED] = true;
  const addRequest = hookable.addRequest.bind(agent);
  hookable.addRequest = (req, options) => {
    const buffered = req.getHeader(BUFFERED) !== undefined;
    if (buffered) req.removeHeader(BUFFERED);
    // First in line, before docker-modem's own listener reads the body.
    req.prependListener('response', (res: http.IncomingMessage) => {
      const failed = (res.statusCode ?? 0) >= 300;
      if (!buffered && !failed) return;
      const declared = Number(res.headers['content-length']);
      if (declared > maxBytes) {
        req.destroy(tooLarge(address, req, maxBytes));
        return;
      }
      // Counted where the HTTP parser hands chunks over (push), not with a 'data' listener:
      // that would switch the body to flowing mode and lose it for a reader that attaches later.
      let bytes = 0;
      const push = res.push.bind(res);
      res.push = (chunk: unknown, encoding?: BufferEncoding) => {
        if (chunk) bytes += (chunk as Buffer).length;
        // docker-modem listens for the request's error and fails the call with it.
        if (bytes > maxBytes) {
          req.destroy(tooLarge(address, req, maxBytes));
          return false;
        }
        return push(chunk, encoding);
      };
    });
    addRequest(req, options);
  };
}
