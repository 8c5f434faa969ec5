import { useCallback, useState, type ReactNode } from 'react';
import type { AppErrorShape, ContainerSummary, HostView } from '@shared/contract';
import { useContainersStore, type ActionOptions, type ContainerAction } from '../../stores/containers';
import { useMobilityStore } from '../../stores/mobility';
import { KillDialog } from './dialogs/KillDialog';
import { RemoveContainerDialog } from './dialogs/RemoveContainerDialog';
import { RenameDialog } from './dialogs/RenameDialog';
import { StopDialog } from './dialogs/StopDialog';
import { isLive } from '../../lib/container-filter';
import { actionText, containerActionsFor, type ContainerActionId } from '../../actions/container-actions';
import type { MenuItem } from './RowMenu';

export type ActionTarget = Pick<ContainerSummary, 'id' | 'name' | 'state'>;

/** What a user can ask for on one container, from a row, its menu or the details header. */
export type ActionRequest = Exclude<ContainerActionId, 'terminal'>;

interface Pending {
  kind: 'remove' | 'kill' | 'rename' | 'stop-timeout';
  c: ActionTarget;
}

export interface ContainerActionsOptions {
  onRenamed?(c: ActionTarget, name: string): void;
  onRemoved?(c: ActionTarget): void;
}

/**
 * One place that turns an action request into either an immediate call or its dialog (remove,
 * kill, rename, stop with timeout), shared by the list and the details view.
 */
export function useContainerActions(host: HostView, opts: ContainerActionsOptions = {}) {
  const [pending, setPending] = useState<Pending>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape>();
  const { onRenamed, onRemoved } = opts;
  const hostId = host.id;

  const request = useCallback(
    (kind: ActionRequest, c: ActionTarget) => {
      const store = useContainersStore.getState();
      switch (kind) {
        case 'remove':
        case 'kill':
        case 'rename':
        case 'stop-timeout':
          setError(undefined);
          setPending({ kind, c });
          return;
        case 'move':
        case 'clone':
          useMobilityStore
            .getState()
            .open({ kind: `container-${kind}`, hostId, containerId: c.id, name: c.name });
          return;
        case 'forward':
          useMobilityStore.getState().open({ kind: 'forward', hostId, containerId: c.id, name: c.name });
          return;
        case 'recreate':
          store.openRun({ hostId, mode: 'recreate', id: c.id, name: c.name, running: isLive(c) });
          return;
        default:
          void store.act(hostId, c, kind);
      }
    },
    [hostId],
  );

  const close = () => {
    setPending(undefined);
    setBusy(false);
    setError(undefined);
  };

  let dialogs: ReactNode = null;
  if (pending) {
    const { c } = pending;
    const act = (kind: ContainerAction, options: ActionOptions) =>
      useContainersStore.getState().act(hostId, c, kind, options);
    /** Closes the dialog and runs the action; a failure shows as a banner over the list. */
    const closeAndRun = (kind: ContainerAction, options: ActionOptions, after?: () => void) => {
      close();
      void act(kind, options).then((err) => {
        if (!err) after?.();
      });
    };
    /** Runs the action from the open dialog, which stays open with the error if it fails. */
    const runInDialog = async (kind: ContainerAction, options: ActionOptions, after?: () => void) => {
      setBusy(true);
      const err = await act(kind, { ...options, inline: true });
      setBusy(false);
      if (err) setError(err);
      else {
        close();
        after?.();
      }
    };
    const inDialog = { busy, error, onCancel: close };
    switch (pending.kind) {
      case 'remove':
        dialogs = (
          <RemoveContainerDialog
            container={c}
            hostName={host.name}
            onCancel={close}
            onConfirm={(choice) => closeAndRun('remove', choice, () => onRemoved?.(c))}
          />
        );
        break;
      case 'kill':
        dialogs = (
          <KillDialog
            what={c.name}
            {...inDialog}
            onConfirm={(signal) => void runInDialog('kill', { signal })}
          />
        );
        break;
      case 'rename':
        dialogs = (
          <RenameDialog
            current={c.name}
            {...inDialog}
            onConfirm={(name) => void runInDialog('rename', { name }, () => onRenamed?.(c, name))}
          />
        );
        break;
      case 'stop-timeout':
        dialogs = (
          <StopDialog
            name={c.name}
            onCancel={close}
            onConfirm={(timeoutSec) => closeAndRun('stop', { timeoutSec })}
          />
        );
    }
  }
  return { request, dialogs };
}

/** The "More actions" menu of a container: the descriptors placed in 'menu' that apply to it. */
export function moreActionItems(
  c: ActionTarget,
  request: (kind: ActionRequest, c: ActionTarget) => void,
  openDetails?: () => void,
): MenuItem[] {
  const items: MenuItem[] = [];
  if (openDetails) items.push({ id: 'details', label: 'Details', onSelect: openDetails });
  for (const a of containerActionsFor('menu')) {
    if (!a.appliesTo(c)) continue;
    const item: MenuItem = {
      id: a.id,
      label: actionText(a),
      onSelect: () => request(a.id as ActionRequest, c),
    };
    if (a.danger) item.danger = true;
    items.push(item);
  }
  return items;
}
