import { useId } from 'react';
import { emptyMount, type FieldErrors, type MountRow } from '../../../lib/forms/run-form';
import { RemoveRowButton, RowErrors } from './RemoveRowButton';

export interface MountRowsProps {
  rows: MountRow[];
  errors: FieldErrors;
  volumes: string[];
  idOf(key: string): string;
  onChange(rows: MountRow[]): void;
}

/** Volumes (named, or empty for anonymous) and bind mounts of host paths, each maybe read-only. */
export function MountRows({ rows, errors, volumes, idOf, onChange }: MountRowsProps) {
  const listId = useId();
  const set = (i: number, patch: Partial<MountRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="field run-rows">
      <legend className="field-label">Volumes and bind mounts</legend>
      <datalist id={listId}>
        {volumes.map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      {rows.length === 0 && <p className="field-hint">Nothing mounted.</p>}
      {rows.map((row, i) => {
        const sourceId = idOf(`mounts.${i}.source`);
        const targetId = idOf(`mounts.${i}.target`);
        const sourceErr = errors[`mounts.${i}.source`];
        const targetErr = errors[`mounts.${i}.target`];
        return (
          <div key={i} className="run-row">
            <div className="run-row-fields mount-fields">
              <select
                className="input"
                aria-label={`Volume ${i + 1} type`}
                value={row.type}
                onChange={(e) => set(i, { type: e.target.value === 'bind' ? 'bind' : 'volume' })}
              >
                <option value="volume">Volume</option>
                <option value="bind">Bind mount</option>
              </select>
              <input
                id={sourceId}
                className="input mono"
                aria-label={`Volume ${i + 1} source`}
                placeholder={row.type === 'bind' ? '/path/on/host' : 'volume name (empty: new)'}
                list={row.type === 'volume' ? listId : undefined}
                value={row.source}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={sourceErr ? true : undefined}
                aria-describedby={sourceErr ? `${sourceId}-error` : undefined}
                onChange={(e) => set(i, { source: e.target.value })}
              />
              <span className="ct-kv-eq" aria-hidden="true">
                →
              </span>
              <input
                id={targetId}
                className="input mono"
                aria-label={`Volume ${i + 1} container path`}
                placeholder="/path/in/container"
                value={row.target}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={targetErr ? true : undefined}
                aria-describedby={targetErr ? `${targetId}-error` : undefined}
                onChange={(e) => set(i, { target: e.target.value })}
              />
              <label className="checkbox-row run-ro">
                <input
                  type="checkbox"
                  aria-label={`Volume ${i + 1} read-only`}
                  checked={row.readOnly}
                  onChange={(e) => set(i, { readOnly: e.target.checked })}
                />
                <span aria-hidden="true">Read-only</span>
              </label>
              <RemoveRowButton
                label={`Remove volume ${i + 1}`}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              />
            </div>
            <RowErrors
              items={[
                [sourceId, sourceErr],
                [targetId, targetErr],
              ]}
            />
          </div>
        );
      })}
      {errors.mounts && <p className="field-error">{errors.mounts}</p>}
      <div>
        <button
          type="button"
          className="button button-small"
          onClick={() => onChange([...rows, emptyMount()])}
        >
          + Add volume
        </button>
      </div>
    </fieldset>
  );
}
