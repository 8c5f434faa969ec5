import { callOf } from '../actions/define';
import type { CallInputOf, CallName } from '../lib/method-types';
import { useMutation, type MutationOptions } from './useMutation';

/** What useResourceAction needs of a descriptor (actions/*-actions.ts). */
interface Runnable<M extends CallName, Target, Options> {
  method: M;
  input?(target: Target, options: Options): CallInputOf<M>;
}

/**
 * useMutation over an action descriptor: the method and its input come from the table, the
 * view supplies the target (and options). Busy, error, toast and refetch as useMutation.
 */
export function useResourceAction<M extends CallName, Target, Options>(
  action: Runnable<M, Target, Options>,
  options: MutationOptions<M> = {},
) {
  const m = useMutation(action.method, options);
  const run = (target: Target, opts: Options) => m.run(callOf(action, target, opts).input);
  return { ...m, run };
}
