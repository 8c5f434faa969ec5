import { useRef, useState } from 'react';
import type { HostView } from '@shared/contract';
import { busyKey, useContainersStore } from '../../../stores/containers';
import {
  actionText,
  containerAction,
  containerActionsFor,
  withoutForbidden,
} from '../../../actions/container-actions';
import { ActionIcon } from '../../../components/ui/ActionIcon';
import { RowMenu } from '../RowMenu';
import { guard } from '../../../lib/policy';
import { usePolicy } from '../../../hooks/usePolicy';
import {
  moreActionItems,
  useContainerActions,
  type ActionRequest,
  type ActionTarget,
} from '../useContainerActions';

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
  const buttons = containerActionsFor('details').filter((a) => a.appliesTo(target));
  const menuIds = new Set<string>(containerActionsFor('details-menu').map((a) => a.id));

  return (
    <div className="detail-actions" role="toolbar" aria-label={`Actions for ${target.name}`}>
      {busy && (
        <span className="busy-text" role="status">
          {containerAction(busy).busy}
        </span>
      )}
      {buttons.map((a) => (
        <button
          key={a.id}
          type="button"
          className={`button button-small${a.danger ? ' bulk-danger' : ''}`}
          disabled={busy !== undefined}
          onClick={() => request(a.id as ActionRequest, target)}
          {...guard(can.allowed(a.method))}
        >
          {a.icon && <ActionIcon action={a.icon} />}
          {actionText(a)}
        </button>
      ))}
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
            moreActionItems(target, request).filter((i) => menuIds.has(i.id)),
            can.allowed,
          )}
          onClose={() => setMenuOpen(false)}
        />
      )}
      {dialogs}
    </div>
  );
}
