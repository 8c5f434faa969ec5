import { useState } from 'react';
import type { ContainerSignal, ContainerSummary } from '@shared/contract';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { isLive } from '../../../lib/container-filter';
import { SignalSelect } from './SignalSelect';
import { KEEP_ALL, RemoveOptions } from './RemoveOptions';

export interface BulkConfirmProps {
  action: 'kill' | 'remove';
  targets: ContainerSummary[];
  hostName: string;
  onConfirm(opts: { force: boolean; volumes: boolean; signal: ContainerSignal }): void;
  onCancel(): void;
}

const SHOWN = 12;

/** Confirms a destructive bulk action, naming the containers (and how many more). */
export function BulkConfirmDialog({ action, targets, hostName, onConfirm, onCancel }: BulkConfirmProps) {
  const [remove, setRemove] = useState(KEEP_ALL);
  const [signal, setSignal] = useState<ContainerSignal>('SIGKILL');
  const running = targets.filter(isLive).length;
  const what = `${targets.length} ${targets.length === 1 ? 'container' : 'containers'}`;
  return (
    <ConfirmDialog
      title={action === 'remove' ? `Remove ${what}?` : `Kill ${what}?`}
      confirmLabel={action === 'remove' ? `Remove ${what}` : `Send ${signal}`}
      danger
      onConfirm={() => onConfirm({ ...remove, signal })}
      onCancel={onCancel}
    >
      <p>
        On host <strong>{hostName}</strong>:
      </p>
      <ul className="ct-name-list">
        {targets.slice(0, SHOWN).map((c) => (
          <li key={c.id} className="mono">
            {c.name}
          </li>
        ))}
        {targets.length > SHOWN && <li className="muted">and {targets.length - SHOWN} more</li>}
      </ul>
      {action === 'kill' ? (
        <SignalSelect value={signal} onChange={setSignal} />
      ) : (
        <RemoveOptions
          value={remove}
          onChange={setRemove}
          forceLabel={running > 0 ? `Force (${running} running)` : undefined}
          volumesLabel="Also remove their anonymous volumes"
        />
      )}
    </ConfirmDialog>
  );
}
