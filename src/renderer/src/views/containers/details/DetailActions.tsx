import { useRef, useState } from 'react';
import type { HostView } from '@shared/contract';
import { ACTION_VERBS, busyKey, useContainersStore, type ContainerAction } from '../../../stores/containers';
import { ActionIcon } from '../../../components/ui/ActionIcon';
import { isLive } from '../../../lib/container-filter';
import { RowMenu } from '../RowMenu';
import { containerActionMethod, guard, withoutForbidden } from '../../../lib/policy';
import { usePolicy } from '../../../hooks/usePolicy';
import { moreActionItems, useContainerActions, type ActionTarget } from '../useContainerActions';

export interface DetailActionsProps {
  host: HostView;
  target: ActionTarget;
  onRenamed(name: string): void;
  onRemoved(): void;
}

/** The details header's commands: start/stop, restart, pause/resume, remove, and the rest in a menu. */
export function DetailActions({ host, target, onRenamed, onRemoved }: DetailActionsProps) {
  const busy = useContainersStore((s) => s.busy[busyKey(host.id, target.id)]);
  const [menuOpen, setMenuOpen] = useState(false);
  const moreRef = useRef<HTMLButtonElement>(null);
  const { request, dialogs } = useContainerActions(host, {
    onRenamed: (_c, name) => onRenamed(name),
    onRemoved: () => onRemoved(),
  });
  const can = usePolicy(host.id);
  const live = isLive(target);
  const main: ContainerAction[] = [live ? 'stop' : 'start', 'restart'];
  if (target.state === 'running') main.push('pause');
  if (target.state === 'paused') main.push('unpause');

  return (
    <div className="detail-actions" role="toolbar" aria-label={`Actions for ${target.name}`}>
      {busy && (
        <span className="busy-text" role="status">
          {ACTION_VERBS[busy].busy}
        </span>
      )}
      {main.map((action) => (
        <button
          key={action}
          type="button"
          className="button button-small"
          disabled={busy !== undefined}
          onClick={() => request(action, target)}
          {...guard(can.allowed(containerActionMethod(action) ?? `containers.${action}`))}
        >
          <ActionIcon action={action} />
          {ACTION_VERBS[action].label}
        </button>
      ))}
      <button
        type="button"
        className="button button-small"
        disabled={busy !== undefined}
        onClick={() => request('recreate', target)}
        {...guard(can.allowed('containers.recreate'))}
      >
        <ActionIcon action="rename" />
        Edit and recreate…
      </button>
      <button
        type="button"
        className="button button-small bulk-danger"
        disabled={busy !== undefined}
        onClick={() => request('remove', target)}
        {...guard(can.allowed('containers.remove'))}
      >
        <ActionIcon action="remove" />
        Remove…
      </button>
      <button
        ref={moreRef}
        type="button"
        className="icon-button"
        aria-label={`More actions for ${target.name}`}
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        disabled={busy !== undefined}
        onClick={() => setMenuOpen((o) => !o)}
      >
        <ActionIcon action="more" />
      </button>
      {menuOpen && moreRef.current && (
        <RowMenu
          label={`Actions for ${target.name}`}
          anchor={moreRef.current}
          items={withoutForbidden(
            moreActionItems(target, request).filter((i) => !['pause', 'unpause', 'recreate'].includes(i.id)),
            can.allowed,
          )}
          onClose={() => setMenuOpen(false)}
        />
      )}
      {dialogs}
    </div>
  );
}
