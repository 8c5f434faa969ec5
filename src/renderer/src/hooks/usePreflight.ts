import type { CallInputOf, CallName, CallResultOf } from '../lib/method-types';
import { useQuery, type QueryState } from './useQuery';

export type PreflightState<R> = Pick<QueryState<R>, 'result' | 'error' | 'loading'>;

/**
 * A read-only check that reruns whenever its input changes (a dialog's preflight): the latest
 * answer wins, an older one arriving late is dropped. `input` undefined: nothing to check yet.
 */
export function usePreflight<K extends CallName>(
  method: K,
  input: CallInputOf<K> | undefined,
): PreflightState<CallResultOf<K>> {
  return useQuery(method, input);
}
