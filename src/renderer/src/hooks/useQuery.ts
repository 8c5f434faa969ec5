import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape } from '@shared/contract';
import { toErrorShape } from '../lib/errors';
import type { CallInputOf, CallName, CallResultOf } from '../lib/method-types';
import { invoke } from '../rpc/api';

export interface QueryState<R> {
  result: R | undefined;
  error: AppErrorShape | undefined;
  loading: boolean;
  /** When the shown result arrived (epoch ms). */
  at: number | undefined;
}

export interface QueryOptions {
  /** Keep showing the last result (and show an error above it) while the next one loads. */
  keep?: boolean;
}

const IDLE = { result: undefined, error: undefined, loading: false, at: undefined };

/**
 * One read a view shows and can reload (a container's processes, a folder listing, a dialog's
 * preflight), not worth a store: it reruns whenever its input changes, the latest answer wins and
 * an older one arriving late is dropped. `input` undefined: nothing to read yet.
 */
export function useQuery<K extends CallName>(
  method: K,
  input: CallInputOf<K> | undefined,
  options: QueryOptions = {},
): QueryState<CallResultOf<K>> & { reload(): void } {
  const key = input === undefined ? '' : JSON.stringify(input);
  const keep = options.keep ?? false;
  const [state, setState] = useState<QueryState<CallResultOf<K>>>(IDLE);
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!key) return;
    let current = true;
    setState((s) => (keep ? { ...s, loading: true } : { ...IDLE, loading: true }));
    invoke(method, JSON.parse(key) as CallInputOf<K>).then(
      (result) => current && setState({ result, error: undefined, loading: false, at: Date.now() }),
      (e: unknown) =>
        current && setState((s) => ({ ...(keep ? s : IDLE), error: toErrorShape(e), loading: false })),
    );
    return () => {
      current = false;
    };
  }, [method, key, keep, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, reload };
}
