import { z } from 'zod';
import { call } from './define';
import type { AppErrorShape } from './errors';

export const SEARCH_KINDS = ['container', 'image', 'network', 'volume'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** How long one host may take to list its objects before it counts as failed for this search. */
export const SEARCH_HOST_TIMEOUT_MS = 3_000;

export interface SearchHit {
  hostId: string;
  kind: SearchKind;
  /** The engine's id (container, image, network) or the volume's name. */
  id: string;
  /** What the user knows it by: container name, first image tag, network or volume name. */
  name: string;
  /** One line of context: a container's image and state, an image's other tags, a driver... */
  detail: string;
  /** Lower is better: exact name, then prefix, then word start, then anywhere, then id prefix. */
  rank: number;
}

/** What each searched host contributed: a count, or why it could not answer. */
export type SearchHostOutcome =
  | { hostId: string; ok: true; count: number; durationMs: number }
  | { hostId: string; ok: false; error: AppErrorShape; durationMs: number };

export interface SearchResult {
  hits: SearchHit[];
  hosts: SearchHostOutcome[];
}

export const searchContract = {
  /**
   * Finds containers, images, networks and volumes by name (image references, id prefixes) on
   * every host at once. Hosts answer in parallel; one that is down or slow becomes an error
   * outcome after SEARCH_HOST_TIMEOUT_MS instead of holding up the others.
   */
  objects: call<SearchResult>()(
    z.strictObject({
      query: z.string().trim().min(1, 'type something to search for').max(200),
      kinds: z.array(z.enum(SEARCH_KINDS)).min(1).max(SEARCH_KINDS.length).optional(),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    { timeoutMs: 10_000 },
  ),
};
