import { useEffect, useState } from 'react';
import type { ApiLogEntry, ApiLogFilter, AppErrorShape } from '@shared/contract';
import { api } from '../rpc/api';
import { toErrorShape } from '../lib/errors';
import { mergeLogBatch } from '../lib/api-log-batch';

export interface ApiLogState {
  /** Newest first. */
  entries: ApiLogEntry[];
  loaded: boolean;
  error: AppErrorShape | undefined;
}

const EMPTY: ApiLogState = { entries: [], loaded: false, error: undefined };

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
          entries: batch.reset
            ? batch.entries.slice(0, limit)
            : mergeLogBatch(s.entries, batch.entries, limit),
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
