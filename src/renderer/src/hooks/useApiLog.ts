import { useEffect, useState } from 'react';
import type { ApiLogEntry, ApiLogFilter, AppErrorShape } from '@shared/contract';
import { api } from '../rpc/api';
import { toErrorShape } from '../lib/errors';

export interface ApiLogState {
  /** Newest first. */
  entries: ApiLogEntry[];
  loaded: boolean;
  error: AppErrorShape | undefined;
}

const EMPTY: ApiLogState = { entries: [], loaded: false, error: undefined };

/** Merges a batch: new entries go on top, open ones are updated in place (by id). */
function merge(prev: ApiLogEntry[], fresh: ApiLogEntry[], limit: number): ApiLogEntry[] {
  const byId = new Map(fresh.map((e) => [e.id, e]));
  const updated = prev.map((e) => {
    const u = byId.get(e.id);
    if (u) byId.delete(e.id);
    return u ?? e;
  });
  const added = fresh.filter((e) => byId.has(e.id));
  const next = [...added, ...updated];
  return next.length > limit ? next.slice(0, limit) : next;
}

/**
 * A host's API log, live while mounted: main filters (method, status, text) and sends the newest
 * entries, then new ones and updates of open ones. A new filter opens a new watch.
 */
export function useApiLog(filter: ApiLogFilter, retry: number): ApiLogState {
  const [state, setState] = useState<ApiLogState>(EMPTY);
  const key = JSON.stringify(filter);
  useEffect(() => {
    const f = JSON.parse(key) as ApiLogFilter;
    const limit = f.limit ?? 2_000;
    setState((s) => ({ ...s, error: undefined }));
    const sub = api.apilog.watch(f, {
      onEvent(batch) {
        setState((s) => ({
          entries: batch.reset ? batch.entries.slice(0, limit) : merge(s.entries, batch.entries, limit),
          loaded: true,
          error: undefined,
        }));
      },
      onEnd(error) {
        if (error) setState((s) => ({ ...s, loaded: true, error: toErrorShape(error) }));
      },
    });
    return () => sub.close();
  }, [key, retry]);
  return state;
}
