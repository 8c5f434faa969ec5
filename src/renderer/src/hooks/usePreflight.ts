import { useEffect, useState } from 'react';
import type { AppErrorShape } from '@shared/contract';
import { toErrorShape } from '../lib/errors';
import type { CallInputOf, CallName, CallResultOf } from '../lib/method-types';
import { invoke } from '../rpc/api';

export interface PreflightState<R> {
  result: R | undefined;
  error: AppErrorShape | undefined;
  loading: boolean;
}

/**
 * A read-only check that reruns whenever its input changes (a dialog's preflight): the latest
 * answer wins, an older one arriving late is dropped. `input` undefined: nothing to check yet.
 */
export function usePreflight<K extends CallName>(
  method: K,
  input: CallInputOf<K> | undefined,
): PreflightState<CallResultOf<K>> {
  const key = input === undefined ? '' : JSON.stringify(input);
  const [state, setState] = useState<PreflightState<CallResultOf<K>>>({
    result: undefined,
    error: undefined,
    loading: false,
  });
  useEffect(() => {
    if (!key) return;
    let current = true;
    setState({ result: undefined, error: undefined, loading: true });
    invoke(method, JSON.parse(key) as CallInputOf<K>).then(
      (result) => current && setState({ result, error: undefined, loading: false }),
      (e: unknown) => current && setState({ result: undefined, error: toErrorShape(e), loading: false }),
    );
    return () => {
      current = false;
    };
  }, [method, key]);
  return state;
}
