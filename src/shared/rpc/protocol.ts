import type { AppErrorShape } from '../contract/errors';

/** Envelope spoken over every transport (Electron IPC, WebSocket, in-memory). */
export type ClientMessage =
  | { t: 'call'; id: number; method: string; input: unknown }
  | { t: 'cancel'; id: number }
  | { t: 'sub'; id: number; stream: string; params: unknown }
  | { t: 'unsub'; id: number }
  /** Returns `n` credits to a subscription: the client has consumed n events. */
  | { t: 'ack'; id: number; n: number };

export type ServerMessage =
  | { t: 'result'; id: number; value: unknown }
  | { t: 'error'; id: number; error: AppErrorShape }
  | { t: 'event'; id: number; value: unknown }
  | { t: 'end'; id: number; error?: AppErrorShape };

/**
 * Events a subscription may have in flight before the server waits for an ack. Small enough to
 * bound memory in a slow renderer, large enough that a fast one never waits.
 */
export const STREAM_WINDOW = 64;
/** The client acks after this many events (and when idle), so acks are cheap. */
export const STREAM_ACK_EVERY = 16;
