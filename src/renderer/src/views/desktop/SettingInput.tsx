import { useEffect, useId, useState } from 'react';
import { settingsPatchSchema, type Settings } from '@shared/contract';
import { toErrorShape } from '../../lib/errors';
import { useSettingsStore } from '../../stores/settings';
import type { InputSetting } from './setting-fields';
import { SettingRow } from './SettingRow';

type TextKey = InputSetting['field'];
export type SettingInputProps = Omit<InputSetting, 'kind'>;

/** A typed setting: checked as you type, saved on Enter or when focus leaves. */
export function SettingInput({ field, label, hint, placeholder, numeric, width }: SettingInputProps) {
  const value = useSettingsStore((s) => s.settings[field]);
  const update = useSettingsStore((s) => s.update);
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string>();
  const id = useId();
  useEffect(() => setText(String(value)), [value]);

  const parsed = (): { ok: true; v: Settings[TextKey] } | { ok: false; message: string } => {
    const raw = numeric ? Number(text.replace(/[\s,_]/g, '')) : text;
    if (numeric && (text.trim() === '' || !Number.isFinite(raw)))
      return { ok: false, message: 'enter a number' };
    const r = settingsPatchSchema.shape[field].safeParse(raw);
    return r.success && r.data !== undefined
      ? { ok: true, v: r.data }
      : { ok: false, message: r.error?.issues[0]?.message ?? 'not valid' };
  };

  const save = async () => {
    const p = parsed();
    if (!p.ok) {
      setError(p.message);
      return;
    }
    setError(undefined);
    if (p.v === value) return;
    try {
      await update({ [field]: p.v });
    } catch (e) {
      setError(toErrorShape(e).message);
    }
  };

  return (
    <SettingRow
      label={label}
      htmlFor={id}
      note={
        <span id={`${id}-hint`} className={error ? 'field-error' : 'field-hint'}>
          {error ? `${label}: ${error}` : hint}
        </span>
      }
    >
      <input
        id={id}
        className="input"
        style={width ? { width } : undefined}
        inputMode={numeric ? 'numeric' : undefined}
        value={text}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          setText(e.target.value);
          if (error) setError(undefined);
        }}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
        }}
      />
    </SettingRow>
  );
}
