import { useEffect, useState } from 'react';
import type { AppErrorShape, StackLoadResult } from '@shared/contract';
import { toErrorShape } from '../lib/errors';
import { api } from '../rpc/api';

/** Wait after the last keystroke before validating: typing stays smooth, feedback stays quick. */
const DEBOUNCE_MS = 300;

export interface StackValidation {
  result: StackLoadResult | undefined;
  error: AppErrorShape | undefined;
  /** A newer text than the shown result is waiting or being checked. */
  pending: boolean;
}

/** Validates a compose file and .env as the user types (debounced; stale answers dropped). */
export function useStackValidate(project: string, composeYaml: string, envText: string): StackValidation {
  const [state, setState] = useState<StackValidation>({ result: undefined, error: undefined, pending: true });
  useEffect(() => {
    let stale = false;
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      // A name still being typed is not the file's problem: validate under a placeholder.
      const name = /^[a-z0-9][a-z0-9_-]{0,62}$/.test(project) ? project : 'stack';
      api.stacks
        .validate({ project: name, composeYaml, envText, profiles: [] })
        .then((result) => !stale && setState({ result, error: undefined, pending: false }))
        .catch((e: unknown) => !stale && setState((s) => ({ ...s, error: toErrorShape(e), pending: false })));
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [project, composeYaml, envText]);
  return state;
}
