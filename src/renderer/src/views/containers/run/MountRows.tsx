import { useId } from 'react';
import { InlineSelect } from '../../../components/ui/InlineSelect';
import { MonoInput } from '../../../components/ui/MonoInput';
import { emptyMount, type MountRow } from '../../../lib/forms/run-form';
import { RowJoin, RunRows, type RunListProps } from './RunRows';

export interface MountRowsProps extends RunListProps<MountRow> {
  /** The host's named volumes, offered as sources. */
  volumes: string[];
}

const MOUNT_TYPES = [
  ['volume', 'Volume'],
  ['bind', 'Bind mount'],
] as const;

/** Volumes (named, or empty for anonymous) and bind mounts of host paths, each maybe read-only. */
export function MountRows({ volumes, ...props }: MountRowsProps) {
  const listId = useId();
  const volumeList = (
    <datalist id={listId}>
      {volumes.map((v) => (
        <option key={v} value={v} />
      ))}
    </datalist>
  );
  return (
    <RunRows
      {...props}
      field="mounts"
      legend="Volumes and bind mounts"
      noun="volume"
      layout="mount-fields"
      checked={['source', 'target']}
      blank={emptyMount}
      empty="Nothing mounted."
      before={volumeList}
    >
      {(row, i, { text, choice, set }) => (
        <>
          <InlineSelect
            {...choice('type')}
            label={`Volume ${i + 1} type`}
            options={MOUNT_TYPES}
            className="input"
          />
          <MonoInput
            {...text('source')}
            label={`Volume ${i + 1} source`}
            placeholder={row.type === 'bind' ? '/path/on/host' : 'volume name (empty: new)'}
            list={row.type === 'volume' ? listId : undefined}
          />
          <RowJoin sign="→" />
          <MonoInput
            {...text('target')}
            label={`Volume ${i + 1} container path`}
            placeholder="/path/in/container"
          />
          <label className="checkbox-row run-ro">
            <input
              type="checkbox"
              aria-label={`Volume ${i + 1} read-only`}
              checked={row.readOnly}
              onChange={(e) => set({ readOnly: e.target.checked })}
            />
            <span aria-hidden="true">Read-only</span>
          </label>
        </>
      )}
    </RunRows>
  );
}
