import type { HostPolicy } from '@shared/contract';
import { CheckboxField } from '../../components/ui/CheckboxField';
import { TextField } from '../../components/ui/Field';
import { bindField, type FormBinding } from '../../lib/forms/host-form';
import { RadioCards, type RadioCard } from '../../components/ui/RadioCards';

const POLICIES: RadioCard<HostPolicy>[] = [
  { value: 'full', label: 'Full control', hint: 'Everything, including shells, deletes and builds.' },
  {
    value: 'restricted',
    label: 'Restricted',
    hint: 'Start, stop and create; no shells, deletes, prunes, builds, pushes or file browsing.',
  },
  { value: 'read-only', label: 'Read-only', hint: 'Look, never touch.' },
];

export type SafetyFieldsProps = FormBinding;

/** What Berthmaster may do on the host, the production guard, and labels for grouping. */
export function SafetyFields(props: SafetyFieldsProps) {
  const { idPrefix, form, set } = props;
  return (
    <fieldset className="field safety-fields">
      <legend className="field-label">Safety</legend>
      <RadioCards
        name={`${idPrefix}-policy`}
        label="Policy"
        value={form.policy}
        options={POLICIES}
        onChange={(v) => set('policy', v)}
      />
      <CheckboxField
        id={`${idPrefix}-production`}
        className="checkbox-field"
        label="Production host"
        checked={form.production}
        onChange={(v) => set('production', v)}
        hint="Framed in red; anything destructive asks you to type a name first."
      />
      <TextField
        {...bindField(props, 'labels')}
        label="Labels"
        hint="Comma-separated, e.g. staging, eu-west: for grouping and search."
        placeholder="dev, staging, production…"
      />
      {form.policy === 'restricted' && (
        <TextField
          {...bindField(props, 'allowedBindPaths')}
          label="Allowed bind mount paths"
          hint="Comma-separated host folders containers may mount, e.g. /srv/data. Empty: no bind mounts."
          placeholder="/srv/data"
          mono
        />
      )}
    </fieldset>
  );
}
