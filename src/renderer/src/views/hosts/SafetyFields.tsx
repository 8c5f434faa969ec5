import type { HostPolicy } from '@shared/contract';
import { CheckboxField } from '../../components/ui/CheckboxField';
import { TextField } from '../../components/ui/Field';
import type { FieldErrors, FormState } from '../../lib/forms/host-form';

const POLICIES: { value: HostPolicy; label: string; hint: string }[] = [
  { value: 'full', label: 'Full control', hint: 'Everything, including shells, deletes and builds.' },
  {
    value: 'restricted',
    label: 'Restricted',
    hint: 'Start, stop and create; no shells, deletes, prunes, builds, pushes or file browsing.',
  },
  { value: 'read-only', label: 'Read-only', hint: 'Look, never touch.' },
];

export interface SafetyFieldsProps {
  idPrefix: string;
  form: FormState;
  set<K extends keyof FormState>(field: K, value: FormState[K]): void;
  errors: FieldErrors;
}

/** What Berthmaster may do on the host, the production guard, and labels for grouping. */
export function SafetyFields({ idPrefix, form, set, errors }: SafetyFieldsProps) {
  return (
    <fieldset className="field safety-fields">
      <legend className="field-label">Safety</legend>
      <div className="policy-options" role="radiogroup" aria-label="Policy">
        {POLICIES.map((p) => {
          const id = `${idPrefix}-policy-${p.value}`;
          return (
            <div key={p.value} className={`policy-option${form.policy === p.value ? ' is-checked' : ''}`}>
              <input
                id={id}
                type="radio"
                name={`${idPrefix}-policy`}
                value={p.value}
                checked={form.policy === p.value}
                onChange={() => set('policy', p.value)}
                aria-describedby={`${id}-hint`}
              />
              <label htmlFor={id}>
                <span className="policy-title">{p.label}</span>
                <span id={`${id}-hint`} className="kind-option-hint">
                  {p.hint}
                </span>
              </label>
            </div>
          );
        })}
      </div>
      <CheckboxField
        id={`${idPrefix}-production`}
        className="checkbox-field"
        label="Production host"
        checked={form.production}
        onChange={(v) => set('production', v)}
        hint="Framed in red; anything destructive asks you to type a name first."
      />
      <TextField
        id={`${idPrefix}-labels`}
        label="Labels"
        value={form.labels}
        onChange={(v) => set('labels', v)}
        error={errors.labels}
        hint="Comma-separated, e.g. staging, eu-west: for grouping and search."
        placeholder="dev, staging, production…"
      />
      {form.policy === 'restricted' && (
        <TextField
          id={`${idPrefix}-allowedBindPaths`}
          label="Allowed bind mount paths"
          value={form.allowedBindPaths}
          onChange={(v) => set('allowedBindPaths', v)}
          error={errors.allowedBindPaths}
          hint="Comma-separated host folders containers may mount, e.g. /srv/data. Empty: no bind mounts."
          placeholder="/srv/data"
          mono
        />
      )}
    </fieldset>
  );
}
