import { useState } from 'react';
import { isSecretKey } from '../details/secrets';
import { RemoveRowButton, RowErrors } from './RemoveRowButton';
import type { FieldErrors, KeyValueRow } from '../../../lib/forms/run-form';

export interface KeyValueRowsProps {
  /** Heading and accessible name of the group, e.g. "Environment variables". */
  legend: string;
  /** One row's noun, capitalised: "Variable" → "Variable 1 name", "Add variable". */
  noun: string;
  keyWord: string;
  field: 'env' | 'labels';
  rows: KeyValueRow[];
  errors: FieldErrors;
  idOf(key: string): string;
  keyPlaceholder: string;
  valuePlaceholder: string;
  /** Mask values of secret-looking keys (environment). */
  maskSecrets?: boolean;
  onChange(rows: KeyValueRow[]): void;
}

/** Editable KEY = value rows (environment variables, labels), each with its own messages. */
export function KeyValueRows(p: KeyValueRowsProps) {
  const [shown, setShown] = useState<Record<number, boolean>>({});
  const set = (i: number, patch: Partial<KeyValueRow>) =>
    p.onChange(p.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const lower = p.noun.toLowerCase();
  return (
    <fieldset className="field run-rows">
      <legend className="field-label">{p.legend}</legend>
      {p.rows.length === 0 && <p className="field-hint">None.</p>}
      {p.rows.map((row, i) => {
        const keyId = p.idOf(`${p.field}.${i}.key`);
        const valueId = p.idOf(`${p.field}.${i}.value`);
        const keyErr = p.errors[`${p.field}.${i}.key`];
        const valueErr = p.errors[`${p.field}.${i}.value`];
        const secret = p.maskSecrets && isSecretKey(row.key) && !shown[i];
        return (
          <div key={i} className="run-row">
            <div className="run-row-fields kv-fields">
              <input
                id={keyId}
                className="input mono"
                aria-label={`${p.noun} ${i + 1} ${p.keyWord}`}
                placeholder={p.keyPlaceholder}
                value={row.key}
                spellCheck={false}
                autoComplete="off"
                aria-invalid={keyErr ? true : undefined}
                aria-describedby={keyErr ? `${keyId}-error` : undefined}
                onChange={(e) => set(i, { key: e.target.value })}
              />
              <span className="ct-kv-eq" aria-hidden="true">
                =
              </span>
              <input
                id={valueId}
                className="input mono"
                type={secret ? 'password' : 'text'}
                aria-label={`${p.noun} ${i + 1} value`}
                placeholder={p.valuePlaceholder}
                value={row.value}
                spellCheck={false}
                autoComplete="off"
                aria-invalid={valueErr ? true : undefined}
                aria-describedby={valueErr ? `${valueId}-error` : undefined}
                onChange={(e) => set(i, { value: e.target.value })}
              />
              {p.maskSecrets && isSecretKey(row.key) && (
                <button
                  type="button"
                  className="button button-small ct-ghost"
                  aria-label={`${shown[i] ? 'Hide' : 'Show'} ${lower} ${i + 1} value`}
                  onClick={() => setShown((s) => ({ ...s, [i]: !s[i] }))}
                >
                  {shown[i] ? 'Hide' : 'Show'}
                </button>
              )}
              <RemoveRowButton
                label={`Remove ${lower} ${i + 1}`}
                onClick={() => p.onChange(p.rows.filter((_, j) => j !== i))}
              />
            </div>
            <RowErrors
              items={[
                [keyId, keyErr],
                [valueId, valueErr],
              ]}
            />
          </div>
        );
      })}
      <div>
        <button
          type="button"
          className="button button-small"
          onClick={() => p.onChange([...p.rows, { key: '', value: '' }])}
        >
          + Add {lower}
        </button>
      </div>
    </fieldset>
  );
}
