import { useId } from 'react';
import { type KeyValueRow } from '../../lib/key-values';
import { rowEditor } from '../../lib/row-editor';
import { IconButton } from './IconButton';
import { CloseIcon } from './Icons';
import { MonoInput } from './MonoInput';

export { keyValuesOf, type KeyValueRow } from '../../lib/key-values';

export interface KeyValueEditorProps {
  legend: string;
  /** Singular noun for buttons and labels: "label", "option". */
  noun: string;
  rows: KeyValueRow[];
  errors: Record<number, string>;
  onChange(rows: KeyValueRow[]): void;
  keyPlaceholder?: string;
  valuePlaceholder?: string;
}

/** Editable key/value pairs (labels, driver options) with per-row errors. */
export function KeyValueEditor({
  legend,
  noun,
  rows,
  errors,
  onChange,
  keyPlaceholder = 'key',
  valuePlaceholder = 'value',
}: KeyValueEditorProps) {
  const base = useId();
  const edit = rowEditor(rows, onChange);
  return (
    <fieldset className="field kv-editor">
      <legend className="field-label">
        {legend} <span className="optional">(optional)</span>
      </legend>
      {rows.map((r, i) => {
        const id = `${base}-${i}`;
        const error = errors[i];
        return (
          <div key={i} className="kv-row-wrap">
            <div className="kv-row">
              <MonoInput
                id={id}
                label={`${legend} ${i + 1} key`}
                placeholder={keyPlaceholder}
                value={r.key}
                error={error}
                onValue={(key) => edit.set(i, { key })}
              />
              <span className="kv-eq" aria-hidden="true">
                =
              </span>
              <MonoInput
                label={`${legend} ${i + 1} value`}
                placeholder={valuePlaceholder}
                value={r.value}
                onValue={(value) => edit.set(i, { value })}
              />
              <IconButton label={`Remove ${noun} ${i + 1}`} onClick={() => edit.remove(i)}>
                <CloseIcon />
              </IconButton>
            </div>
            {error && (
              <p id={`${id}-error`} className="field-error">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <div>
        <button
          type="button"
          className="button button-small"
          onClick={() => edit.add({ key: '', value: '' })}
        >
          + Add {noun}
        </button>
      </div>
    </fieldset>
  );
}
