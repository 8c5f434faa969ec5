import type http from 'node:http';
import type { Socket } from 'node:net';
import type { ApiLogEntry } from '@shared/contract';
import { parseQuery, type HttpMethod } from '@shared/apilog/engine-request';
import { isStreamingRequest } from '@shared/apilog/request-access';
import { redactHeaders, redactQuery } from '@shared/apilog/redact';
import { callOrigin } from '../../rpc/call-origin';
import { BodyCapture, bodyKindOf } from './body-capture';

/** One request as it is being recorded; the book owns it. */
export interface RecordedRequest {
  entry: ApiLogEntry;
  requestHeaders: Record<string, string>;
  responseHeaders: Record<string, string>;
  requestBody: BodyCapture;
  responseBody: BodyCapture | undefined;
}

/** Where the recorder hands requests: a host's API log. */
export interface RequestSink {
  nextId(): number;
  opened(rec: RecordedRequest): void;
  /** The entry changed (response head, end); `final` once it will not change again. */
  updated(rec: RecordedRequest, final: boolean): void;
  /** Recording can be switched off (the benchmark's baseline). */
  readonly enabled: boolean;
}

type AddRequest = (req: http.ClientRequest, options: unknown) => void;

/**
 * Records every request an engine client's agent carries: all of docker-modem's requests (JSON
 * calls, streams, hijacks, raw dials) for a host go through its one agent. Observes without
 * changing flow: body chunks are seen by wrapping write/end and the response's emit, so a stream
 * consumer that attaches late still gets every byte.
 */
export function recordAgent(agent: http.Agent, hostId: string, sink: RequestSink): void {
  const target = agent as unknown as { addRequest: AddRequest };
  const addRequest = target.addRequest;
  target.addRequest = function (this: http.Agent, req: http.ClientRequest, options: unknown) {
    if (sink.enabled) {
      try {
        observe(req, hostId, sink);
      } catch {
        // Recording never breaks a request.
      }
    }
    return addRequest.call(this, req, options);
  };
}

function observe(req: http.ClientRequest, hostId: string, sink: RequestSink): void {
  const started = Date.now();
  const t0 = performance.now();
  const q = req.path.indexOf('?');
  const path = q < 0 ? req.path : req.path.slice(0, q);
  const query = q < 0 ? [] : parseQuery(req.path.slice(q));
  const method = req.method.toUpperCase() as HttpMethod;
  const origin = callOrigin.getStore();
  const entry: ApiLogEntry = {
    id: sink.nextId(),
    hostId,
    at: started,
    method,
    path,
    query: redactQuery(query),
    state: 'open',
    bytesOut: 0,
    bytesIn: 0,
    streaming: isStreamingRequest(method, path, query),
  };
  if (origin) entry.origin = { method: origin.method, callId: origin.callId };
  const contentType = req.getHeader('content-type');
  const rec: RecordedRequest = {
    entry,
    requestHeaders: redactHeaders(req.getHeaders()),
    responseHeaders: {},
    requestBody: new BodyCapture(
      bodyKindOf(typeof contentType === 'string' ? contentType : undefined),
      typeof contentType === 'string' ? contentType : undefined,
    ),
    responseBody: undefined,
  };
  let finished = false;
  const finish = (error?: string) => {
    if (finished) return;
    finished = true;
    entry.durationMs = Math.round(performance.now() - t0);
    entry.state = error && entry.status === undefined ? 'error' : 'done';
    if (error) entry.error = error;
    entry.bytesOut = rec.requestBody.bytes;
    if (rec.responseBody) entry.bytesIn = rec.responseBody.bytes;
    sink.updated(rec, true);
  };

  const write = req.write;
  req.write = function (this: http.ClientRequest, chunk: unknown, ...rest: unknown[]) {
    rec.requestBody.add(chunk, typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : undefined);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof req.write;
  const end = req.end;
  req.end = function (this: http.ClientRequest, chunk?: unknown, ...rest: unknown[]) {
    rec.requestBody.add(chunk, typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : undefined);
    entry.bytesOut = rec.requestBody.bytes;
    return (end as (...a: unknown[]) => http.ClientRequest).call(this, chunk, ...rest);
  } as typeof req.end;

  req.once('response', (res: http.IncomingMessage) => {
    entry.status = res.statusCode ?? 0;
    rec.responseHeaders = redactHeaders(res.headers);
    const ct = res.headers['content-type'];
    const body = new BodyCapture(bodyKindOf(ct), ct);
    rec.responseBody = body;
    sink.updated(rec, false);
    const emit = res.emit;
    res.emit = function (this: http.IncomingMessage, event: string | symbol, ...args: unknown[]) {
      if (event === 'data') {
        body.add(args[0]);
        entry.bytesIn = body.bytes;
      } else if (event === 'end') finish();
      else if (event === 'close') finish(res.complete ? undefined : 'closed before the end of the response');
      else if (event === 'error') finish((args[0] as Error | undefined)?.message ?? 'response error');
      return (emit as (...a: unknown[]) => boolean).call(this, event, ...args);
    } as typeof res.emit;
  });
  req.once('upgrade', (res: http.IncomingMessage, socket: Socket) => {
    entry.status = res.statusCode ?? 101;
    rec.responseHeaders = redactHeaders(res.headers);
    rec.responseBody = new BodyCapture('binary', 'application/vnd.docker.raw-stream');
    sink.updated(rec, false);
    const inAtStart = socket.bytesRead;
    socket.once('close', () => {
      rec.responseBody?.add(Buffer.alloc(0));
      if (rec.responseBody) rec.responseBody.bytes = Math.max(0, socket.bytesRead - inAtStart);
      finish();
    });
  });
  req.once('error', (e: Error) => finish(e.message));
  req.once('close', () => {
    // No response at all (aborted before the head): the request ends here.
    if (entry.status === undefined) finish('no response (the request was aborted or the connection failed)');
  });
  sink.opened(rec);
}
