import { memo, useEffect } from 'react';
import type { HostView } from '@shared/contract';
import { ConfirmHostContext } from '../../../components/confirm-host';
import { useContainerActions, type ActionRequest, type ActionTarget } from '../useContainerActions';

export type Requester = (kind: ActionRequest, c: ActionTarget) => void;

export interface HostActionsProps {
  host: HostView;
  register(hostId: string, request: Requester | undefined): void;
}

/**
 * One host's action requests and dialogs (remove, kill, rename, stop with timeout), exactly as on
 * the host's own list. The dialogs confirm against this host, so a production host still asks for
 * the typed name whichever host is selected.
 */
export const HostActions = memo(function HostActions({ host, register }: HostActionsProps) {
  const { request, dialogs } = useContainerActions(host);
  useEffect(() => {
    register(host.id, request);
    return () => register(host.id, undefined);
  }, [host.id, request, register]);
  if (!dialogs) return null;
  return <ConfirmHostContext.Provider value={host.id}>{dialogs}</ConfirmHostContext.Provider>;
});
