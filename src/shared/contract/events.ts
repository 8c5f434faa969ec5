import { z } from 'zod';
import { call, stream } from './define';
import { hostIdSchema } from './ids';

export type EngineObjectType =
  | 'container'
  | 'image'
  | 'network'
  | 'volume'
  | 'daemon'
  | 'plugin'
  | 'service'
  | 'node'
  | 'secret'
  | 'config';

/** One engine event, normalised (the engine's `status`/`from` legacy fields are folded in). */
export interface EngineEvent {
  hostId: string;
  /** Milliseconds since the epoch. */
  time: number;
  /** The engine's nanosecond timestamp as a decimal string (exact, for `since` and dedupe). */
  timeNano: string;
  type: EngineObjectType | string;
  action: string;
  /** Container/image/network id, or volume name. */
  id: string;
  /** A human name when the engine gave one (container name, image reference, network name). */
  name?: string;
  attributes: Record<string, string>;
}

export interface EventBatch {
  events: EngineEvent[];
  /**
   * Hosts whose event stream (re)started after a gap: events may have been missed, so views
   * should re-list that host's resources.
   */
  resync?: string[];
  /**
   * Hosts whose event stream broke (engine down, link cut): no events from them until a
   * `resync` names them again.
   */
  disconnected?: string[];
}

export const eventsContract = {
  /** Live events from every connected host (or one), batched; starts with a resync of all. */
  watch: stream<EventBatch>()(z.strictObject({ hostId: hostIdSchema.optional() })),
  /** The most recent events kept in memory (at most 1,000 per host), oldest first. */
  recent: call<EngineEvent[]>()(
    z.strictObject({
      hostId: hostIdSchema.optional(),
      limit: z.number().int().min(1).max(1000).default(1000),
    }),
  ),
};
