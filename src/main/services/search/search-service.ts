import {
  AppError,
  SEARCH_HOST_TIMEOUT_MS,
  SEARCH_KINDS,
  type AppErrorShape,
  type SearchHit,
  type SearchHostOutcome,
  type SearchKind,
  type SearchResult,
} from '@shared/contract';
import type { EngineClient } from '../hosts/engine-client';
import { searchHost } from './host-search';

/** What the search needs from the host service (a narrow seam so tests can hand in fakes). */
export interface SearchHosts {
  /** Hosts in sidebar order, with whether their policy lets Berthmaster read them. */
  hosts(): Array<{ id: string; readable: boolean }>;
  client(id: string): Promise<EngineClient>;
}

export interface SearchInput {
  query: string;
  kinds?: SearchKind[] | undefined;
  limit: number;
}

export interface SearchOptions {
  signal: AbortSignal;
  mapError(error: unknown): AppErrorShape;
  hostTimeoutMs?: number;
}

/** Runs `work` with a signal that aborts when the caller aborts or `ms` pass, whichever is first. */
async function withDeadline<T>(
  ms: number,
  parent: AbortSignal,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const onParent = () => controller.abort(parent.reason);
  parent.addEventListener('abort', onParent, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = new AppError({
        code: 'TIMEOUT',
        message: `The host did not answer within ${Math.round(ms / 1000)} s.`,
      });
      controller.abort(err);
      reject(err);
    }, ms);
  });
  try {
    // The race settles even when the work ignores its signal (e.g. a connection still being made).
    return await Promise.race([work(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
    parent.removeEventListener('abort', onParent);
  }
}

/** Best first; ties by shorter name (closer to what was typed), then name, then host order. */
function compareHits(order: Map<string, number>) {
  return (a: SearchHit, b: SearchHit) =>
    a.rank - b.rank ||
    a.name.length - b.name.length ||
    a.name.localeCompare(b.name) ||
    (order.get(a.hostId) ?? 0) - (order.get(b.hostId) ?? 0);
}

/**
 * Searches every host in parallel. A host that is down fails fast (its connection already knows)
 * and one that hangs is cut off after the per-host deadline; either way it becomes an error
 * outcome next to the other hosts' hits, never a failure of the whole search.
 */
export async function searchObjects(
  hosts: SearchHosts,
  input: SearchInput,
  opts: SearchOptions,
): Promise<SearchResult> {
  const kinds = new Set<SearchKind>(input.kinds ?? SEARCH_KINDS);
  const ms = opts.hostTimeoutMs ?? SEARCH_HOST_TIMEOUT_MS;
  const targets = hosts.hosts().filter((h) => h.readable);
  const order = new Map(targets.map((h, i) => [h.id, i]));

  const perHost = await Promise.all(
    targets.map(async ({ id }): Promise<{ outcome: SearchHostOutcome; hits: SearchHit[] }> => {
      const started = Date.now();
      try {
        const hits = await withDeadline(ms, opts.signal, async (signal) => {
          const client = await hosts.client(id);
          return searchHost(client.docker, id, input.query, kinds, signal);
        });
        return {
          outcome: { hostId: id, ok: true, count: hits.length, durationMs: Date.now() - started },
          hits,
        };
      } catch (e) {
        const error = opts.mapError(e);
        return { outcome: { hostId: id, ok: false, error, durationMs: Date.now() - started }, hits: [] };
      }
    }),
  );

  const hits = perHost.flatMap((p) => p.hits).sort(compareHits(order));
  return { hits: hits.slice(0, input.limit), hosts: perHost.map((p) => p.outcome) };
}
