import { useEffect, useState } from 'react';
import type { ApiLogDetails, AppErrorShape } from '@shared/contract';
import { api } from '../rpc/api';
import { toErrorShape } from '../lib/errors';

/**
 * Headers and bodies of one logged request; loaded again when `version` changes (an open entry
 * that has since ended has more to show).
 */
export function useApiLogDetails(
  hostId: string,
  id: number | undefined,
  version: string,
): { details?: ApiLogDetails; error?: AppErrorShape; loading: boolean } {
  const [state, setState] = useState<{ details?: ApiLogDetails; error?: AppErrorShape; loading: boolean }>({
    loading: false,
  });
  useEffect(() => {
    if (id === undefined) {
      setState({ loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api.apilog.details({ hostId, id }).then(
      (details) => live && setState({ details, loading: false }),
      (e: unknown) => live && setState({ error: toErrorShape(e), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [hostId, id, version]);
  return state;
}
