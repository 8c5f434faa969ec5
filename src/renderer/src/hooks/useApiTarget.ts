import { useEffect, useState } from 'react';
import type { ApiTargetInfo, AppErrorShape } from '@shared/contract';
import { api } from '../rpc/api';
import { toErrorShape } from '../lib/errors';

/** How snippets address a host and what its policy allows (no key material), loaded once per host. */
export function useApiTarget(hostId: string): { info?: ApiTargetInfo; error?: AppErrorShape } {
  const [state, setState] = useState<{ info?: ApiTargetInfo; error?: AppErrorShape }>({});
  useEffect(() => {
    let live = true;
    setState({});
    api.apilog.target({ hostId }).then(
      (info) => live && setState({ info }),
      (e: unknown) => live && setState({ error: toErrorShape(e) }),
    );
    return () => {
      live = false;
    };
  }, [hostId]);
  return state;
}
