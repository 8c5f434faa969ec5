import { useCallback, useRef, useState } from 'react';
import type { AppErrorShape } from '@shared/contract';
import { toErrorShape } from '../lib/errors';
import type { CallInputOf, CallName, CallResultOf } from '../lib/method-types';
import { invoke } from '../rpc/api';
import { useUiStore } from '../stores/ui';

export type MutationOutcome<K extends CallName> =
  { ok: true; value: CallResultOf<K> } | { ok: false; error: AppErrorShape };

export interface MutationOptions<K extends CallName> {
  /** A toast after success, from the result and the input. */
  toast?(value: CallResultOf<K>, input: CallInputOf<K>): string;
  /** What to refetch after success (a store's fetch): runs before the outcome resolves. */
  refetch?(input: CallInputOf<K>): Promise<void> | void;
  /** Stay busy after success, for a dialog that closes on success (no flicker of its buttons). */
  holdBusyOnSuccess?: boolean;
}

/**
 * The one way a view changes something on an engine: names a contract call ("networks.prune"),
 * owns busy and the error to show (inline, in the view's ErrorBanner), toasts and refetches.
 */
export function useMutation<K extends CallName>(method: K, options: MutationOptions<K> = {}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape>();
  const opts = useRef(options);
  opts.current = options;

  const run = useCallback(
    async (input: CallInputOf<K>): Promise<MutationOutcome<K>> => {
      setBusy(true);
      setError(undefined);
      try {
        const value = await invoke(method, input);
        const o = opts.current;
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
    },
    [method],
  );

  const reset = useCallback(() => setError(undefined), []);
  return { run, busy, error, reset };
}
