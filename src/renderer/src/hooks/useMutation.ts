import { useCallback, useRef, useState } from 'react';
import type { AppErrorShape } from '@shared/contract';
import { toErrorShape } from '../lib/errors';
import type { CallInputOf, CallName, CallResultOf } from '../lib/method-types';
import { invoke } from '../rpc/api';
import { useUiStore } from '../stores/ui';

export type ActionOutcome<R> = { ok: true; value: R } | { ok: false; error: AppErrorShape };
export type MutationOutcome<K extends CallName> = ActionOutcome<CallResultOf<K>>;

export interface ActionOptions<I, R> {
  /** A toast after success, from the result and the input. */
  toast?(value: R, input: I): string;
  /** What to refetch after success (a store's fetch): runs before the outcome resolves. */
  refetch?(input: I): Promise<void> | void;
  /** Stay busy after success, for a dialog that closes on success (no flicker of its buttons). */
  holdBusyOnSuccess?: boolean;
}
export type MutationOptions<K extends CallName> = ActionOptions<CallInputOf<K>, CallResultOf<K>>;

/**
 * The one way a view changes something on an engine: names a contract call ("networks.prune"),
 * owns busy and the error to show (inline, in the view's ErrorBanner), toasts and refetches.
 */
export function useMutation<K extends CallName>(method: K, options: MutationOptions<K> = {}) {
  return useAction((input: CallInputOf<K>) => invoke(method, input), options);
}

/**
 * useMutation for a change a store makes (remove a host, trust a host key): the same busy,
 * error, toast and refetch around the store's action instead of a contract call.
 */
export function useAction<I, R>(action: (input: I) => Promise<R>, options: ActionOptions<I, R> = {}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape>();
  const latest = useRef({ action, options });
  latest.current = { action, options };

  const run = useCallback(async (input: I): Promise<ActionOutcome<R>> => {
    setBusy(true);
    setError(undefined);
    try {
      const value = await latest.current.action(input);
      const o = latest.current.options;
      if (o.toast) useUiStore.getState().toast(o.toast(value, input));
      await o.refetch?.(input);
      if (!o.holdBusyOnSuccess) setBusy(false);
      return { ok: true, value };
    } catch (e) {
      const err = toErrorShape(e);
      setError(err);
      setBusy(false);
      return { ok: false, error: err };
    }
  }, []);

  const reset = useCallback(() => setError(undefined), []);
  return { run, busy, error, reset };
}
