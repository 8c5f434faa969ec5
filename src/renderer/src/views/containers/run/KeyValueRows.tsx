import { useState } from 'react';
import { MonoInput } from '../../../components/ui/MonoInput';
import { isSecretKey } from '../details/secrets';
import { RowJoin, RunRows, type RunListProps } from './RunRows';
import type { KeyValueRow } from '../../../lib/forms/run-form';

/** How each KEY = value list of the form speaks of its rows ("Variable 1 name", "Add variable"). */
const WORDING = {
  env: { legend: 'Environment variables', noun: 'Variable', keyWord: 'name', keyPlaceholder: 'NAME' },
  labels: { legend: 'Labels', noun: 'Label', keyWord: 'key', keyPlaceholder: 'com.example.key' },
};

export interface KeyValueRowsProps extends RunListProps<KeyValueRow> {
  field: keyof typeof WORDING;
}

/** Editable KEY = value rows (environment variables, labels), each with its own messages. */
export function KeyValueRows(props: KeyValueRowsProps) {
  const [shown, setShown] = useState<Record<number, boolean>>({});
  const { legend, noun, keyWord, keyPlaceholder } = WORDING[props.field];
  // Environment values of secret-looking keys are masked until shown.
  const maskable = (key: string) => props.field === 'env' && isSecretKey(key);
  const lower = noun.toLowerCase();
  return (
    <RunRows
      {...props}
      legend={legend}
      noun={lower}
      layout="kv-fields"
      checked={['key', 'value']}
      blank={() => ({ key: '', value: '' })}
      empty="None."
    >
      {(row, i, { text }) => (
        <>
          <MonoInput {...text('key')} label={`${noun} ${i + 1} ${keyWord}`} placeholder={keyPlaceholder} />
          <RowJoin sign="=" />
          <MonoInput
            {...text('value')}
            type={maskable(row.key) && !shown[i] ? 'password' : 'text'}
            label={`${noun} ${i + 1} value`}
            placeholder="value"
          />
          {maskable(row.key) && (
            <button
              type="button"
              className="button button-small ct-ghost"
              aria-label={`${shown[i] ? 'Hide' : 'Show'} ${lower} ${i + 1} value`}
              onClick={() => setShown((s) => ({ ...s, [i]: !s[i] }))}
            >
              {shown[i] ? 'Hide' : 'Show'}
            </button>
          )}
        </>
      )}
    </RunRows>
  );
}
