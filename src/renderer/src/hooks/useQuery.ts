import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorShape } from '@shared/contract';
import { toErrorShape } from '../lib/errors';
import type { CallInputOf, CallName, CallResultOf } from '../lib/method-types';
import { invoke } from '../rpc/api';

/**
 * A view's read of one contract call ("networks.details") that no store keeps: loads when the
 * input changes (undefined: not yet, e.g. a tab not opened), keeps the last answer while the
 * next loads, and drops answers to inputs asked before the latest.
 */
export function useQuery<K extends CallName>(method: K, input: CallInputOf<K> | undefined) {
  const key = input === undefined ? undefined : JSON.stringify(input);
  const [data, setData] = useState<CallResultOf<K>>();
  const [error, setError] = useState<AppErrorShape>();
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    if (key === undefined) return;
    const mine = ++latest.current;
    setLoading(true);
    try {
      const value = await invoke(method, JSON.parse(key) as CallInputOf<K>);
      if (mine !== latest.current) return;
      setData(value);
      setError(undefined);
    } catch (e) {
      if (mine === latest.current) setError(toErrorShape(e));
    } finally {
      if (mine === latest.current) setLoading(false);
    }
  }, [method, key]);

  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload };
}
