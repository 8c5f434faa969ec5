import { CloseIcon } from './Icons';
import { useId } from 'react';
import { type KeyValueRow } from '../../lib/key-values';

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
  const update = (i: number, patch: Partial<KeyValueRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
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
              <input
                className="input mono"
                aria-label={`${legend} ${i + 1} key`}
                placeholder={keyPlaceholder}
                value={r.key}
                spellCheck={false}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                onChange={(e) => update(i, { key: e.target.value })}
              />
              <span className="kv-eq" aria-hidden="true">
                =
              </span>
              <input
                className="input mono"
                aria-label={`${legend} ${i + 1} value`}
                placeholder={valuePlaceholder}
                value={r.value}
                spellCheck={false}
                onChange={(e) => update(i, { value: e.target.value })}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${noun} ${i + 1}`}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                <CloseIcon />
              </button>
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
          onClick={() => onChange([...rows, { key: '', value: '' }])}
        >
          + Add {noun}
        </button>
      </div>
    </fieldset>
  );
}
