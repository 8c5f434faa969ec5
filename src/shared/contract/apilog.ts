import { z } from 'zod';
import { call, stream } from './define';
import { hostIdSchema } from './ids';
import { HTTP_METHODS, type EngineTarget } from '../apilog/engine-request';

/** What caused a request: the contract call or subscription (its method and per-window id). */
export interface RequestOrigin {
  /** e.g. containers.create */
  method: string;
  /** Unique per call in this run, e.g. "c3:17": groups every request one click made. */
  callId: string;
}

export type ApiLogState = 'open' | 'done' | 'error';

/** One engine request in a host's API log (the list row). */
export interface ApiLogEntry {
  /** Unique within the run (across hosts), increasing. */
  id: number;
  hostId: string;
  /** When the request was sent (ms since epoch). */
  at: number;
  method: string;
  /** The path with the API version prefix, without the query, e.g. /v1.41/containers/json. */
  path: string;
  /** The query, redacted, in order. */
  query: Array<[string, string]>;
  /** HTTP status; 101 for hijacked connections; absent while no response has come. */
  status?: number;
  /** open: still streaming or waiting; done: a response ended; error: no response (network, abort). */
  state: ApiLogState;
  /** Until the end of the response (open entries: absent). */
  durationMs?: number;
  /** Body bytes sent and received (so far, for open entries). */
  bytesOut: number;
  bytesIn: number;
  /** Absent for background requests (heartbeats, connection set-up). */
  origin?: RequestOrigin;
  /** A long-lived response by its nature (logs/stats/events follow, attach, pull, build). */
  streaming: boolean;
  error?: string;
}

/** A request or response body as shown: redacted, truncated, binary bodies summarised. */
export interface ApiLogBody {
  kind: 'none' | 'json' | 'text' | 'binary';
  /** The (redacted) text for json/text; a summary for binary. */
  text: string;
  /** Bytes on the wire (so far). */
  bytes: number;
  /** The text is cut at the size limit. */
  truncated: boolean;
  contentType?: string;
}

export interface ApiLogDetails extends ApiLogEntry {
  requestHeaders: Record<string, string>;
  responseHeaders: Record<string, string>;
  requestBody: ApiLogBody;
  responseBody: ApiLogBody;
}

/** `reset`: the entries replace what the subscriber had; else each entry is new or updates one with its id. */
export interface ApiLogBatch {
  reset: boolean;
  /** Newest first. */
  entries: ApiLogEntry[];
}

export interface ApiLogExport {
  fileName: string;
  mimeType: string;
  content: string;
}

/** A host as snippets address it (no key material) plus its policy, for copy-as and the console. */
export interface ApiTargetInfo {
  target: EngineTarget;
  hostName: string;
  policy: 'full' | 'restricted' | 'read-only';
  production: boolean;
}

export interface ConsoleResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the engine answered JSON, else text (binary: a summary). */
  body: unknown;
  bodyKind: 'json' | 'text' | 'binary' | 'none';
  durationMs: number;
  /** The API log entry this request made. */
  logId?: number;
  /** Warnings from the OpenAPI description (unknown endpoint, method, body fields); still sent. */
  warnings: string[];
}

export type ConsoleStreamEvent =
  { kind: 'head'; status: number; headers: Record<string, string> } | { kind: 'chunk'; text: string };

const methodSchema = z.enum(HTTP_METHODS);
const querySchema = z
  .array(z.tuple([z.string().min(1).max(256), z.string().max(8192)]))
  .max(100)
  .default([]);

export const consoleRequestSchema = z.strictObject({
  hostId: hostIdSchema,
  method: methodSchema,
  /** An engine path, versioned (/v1.41/...) or not; checked by checkEnginePath. */
  path: z.string().min(1).max(2048),
  query: querySchema,
  /** JSON body (POST/PUT). */
  body: z.unknown().optional(),
  /** On a production host, a request that changes anything needs the host's name typed here. */
  confirm: z.string().max(256).optional(),
});

const filterSchema = z.strictObject({
  hostId: hostIdSchema,
  methods: z.array(methodSchema).max(5).optional(),
  /** Status classes ('2xx'...), exact codes ('404'), 'open' or 'error'. */
  status: z
    .array(z.string().regex(/^([1-5]xx|[1-5]\d\d|open|error)$/, 'a status is 2xx, 404, open or error'))
    .max(10)
    .optional(),
  /** Case-insensitive text in the path or query. */
  text: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(20_000).default(2_000),
});
export type ApiLogFilter = z.input<typeof filterSchema>;

export const apilogContract = {
  /** A host's logged requests, newest first, filtered. */
  list: call<ApiLogEntry[]>()(filterSchema),
  /** The newest entries (reset), then new entries and updates of open ones as they happen. */
  watch: stream<ApiLogBatch>()(filterSchema),
  /** Headers and bodies of one entry (redacted). */
  details: call<ApiLogDetails>()(z.strictObject({ hostId: hostIdSchema, id: z.number().int().min(1) })),
  /** The log (all or the filtered entries) as a file's content: JSON, or HAR 1.2. */
  export: call<ApiLogExport>()(
    z.strictObject({
      hostId: hostIdSchema,
      format: z.enum(['json', 'har']),
      ids: z.array(z.number().int()).max(20_000).optional(),
    }),
  ),
  clear: call<void>()(z.strictObject({ hostId: hostIdSchema })),
  /** How snippets address this host and what its policy allows. */
  target: call<ApiTargetInfo>()(z.strictObject({ hostId: hostIdSchema })),
  /** `docker run` reconstructed from a container's inspect (the closest equivalent). */
  runCommand: call<string>()(z.strictObject({ hostId: hostIdSchema, id: z.string().min(1).max(256) })),
  /** Console: sends one request under the host's policy; the response, or the engine's error. */
  send: call<ConsoleResponse>()(consoleRequestSchema, { timeoutMs: 60_000 }),
  /** Console: a streaming GET (logs/stats/events follow), until unsubscribed (Stop). */
  follow: stream<ConsoleStreamEvent>()(consoleRequestSchema),
};
