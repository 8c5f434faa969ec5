import { useId, useMemo, useState } from 'react';
import type { NetworkCapabilities, NetworkDriver } from '@shared/contract';
import { FormDialog } from '../../components/ui/FormDialog';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { useMutation } from '../../hooks/useMutation';
import { TextField } from '../../components/ui/Field';
import { KeyValueEditor } from '../../components/ui/KeyValueEditor';
import { CopyAsMenu } from '../../components/api/CopyAsMenu';
import { networkFormCopy } from '@shared/apilog/form-copy';
import {
  buildNetworkInput,
  EMPTY_NETWORK_FORM,
  type AddressField,
  type NetworkForm,
} from '../../lib/forms/network-form';

const DRIVER_HINTS: Record<NetworkDriver, string> = {
  bridge: 'A private network on this host; containers reach each other by name.',
  overlay: 'Spans the hosts of a swarm.',
  macvlan: 'Containers get their own MAC address on a host interface (driver option "parent", e.g. eth0).',
  ipvlan: 'Containers share a host interface’s MAC (driver option "parent", e.g. eth0).',
};

export interface CreateNetworkDialogProps {
  hostId: string;
  hostName: string;
  capabilities: NetworkCapabilities | undefined;
  onClose(): void;
  /** The networks to refetch once it is created (the dialog toasts and closes). */
  refetch(): void;
}

/** The create form: validated next to each field before anything is sent. */
export function CreateNetworkDialog({
  hostId,
  hostName,
  capabilities,
  onClose,
  refetch,
}: CreateNetworkDialogProps) {
  const id = useId();
  const [form, setForm] = useState<NetworkForm>(EMPTY_NETWORK_FORM);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const create = useMutation('networks.create', {
    holdBusyOnSuccess: true,
    toast: (_, i) => `Created network ${i.name}.`,
    refetch,
  });
  const { busy, error } = create;
  const { input, errors } = useMemo(() => buildNetworkInput(form, hostId), [form, hostId]);
  const overlayAllowed = capabilities?.swarmManager === true;

  const set = <K extends keyof NetworkForm>(key: K, value: NetworkForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const shown = (field: string) => submitted || touched.has(field);
  const fieldError = (f: AddressField) => (shown(f) ? errors.fields[f] : undefined);
  const touch = (field: string) => setTouched((t) => (t.has(field) ? t : new Set(t).add(field)));

  const submit = async () => {
    setSubmitted(true);
    if (!input || busy) return;
    const out = await create.run(input);
    if (out.ok) onClose();
  };

  const address = (field: AddressField, label: string, placeholder: string, hint?: string) => (
    <div onBlur={() => touch(field)} className="even">
      <TextField
        id={`${id}-${field}`}
        label={label}
        value={form[field]}
        onChange={(v) => set(field, v)}
        placeholder={placeholder}
        error={fieldError(field)}
        hint={hint}
        mono
      />
    </div>
  );

  return (
    <FormDialog
      title={`Create network on ${hostName}`}
      onClose={onClose}
      size="large"
      formId={`${id}-form`}
      formClassName="host-form"
      actions={{
        submitLabel: 'Create',
        busy,
        leading: <CopyAsMenu hostId={hostId} build={() => input && networkFormCopy(input)} />,
      }}
      onSubmit={() => void submit()}
      after={error && <ErrorBanner error={error} title="Couldn't create the network" />}
    >
      <div className="field-row">
        <div className="grow" onBlur={() => touch('name')}>
          <TextField
            id={`${id}-name`}
            label="Name"
            value={form.name}
            onChange={(v) => set('name', v)}
            error={shown('name') ? errors.name : undefined}
            placeholder="backend"
            required
          />
        </div>
        <div className="field driver-field">
          <label htmlFor={`${id}-driver`} className="field-label">
            Driver
          </label>
          <select
            id={`${id}-driver`}
            className="input"
            value={form.driver}
            aria-describedby={`${id}-driver-hint`}
            onChange={(e) => set('driver', e.target.value as NetworkDriver)}
          >
            <option value="bridge">bridge</option>
            <option value="macvlan">macvlan</option>
            <option value="ipvlan">ipvlan</option>
            <option value="overlay" disabled={!overlayAllowed}>
              {overlayAllowed ? 'overlay' : 'overlay (needs a swarm manager)'}
            </option>
          </select>
        </div>
      </div>
      <p id={`${id}-driver-hint`} className="field-hint driver-hint">
        {DRIVER_HINTS[form.driver]}
      </p>

      <fieldset className="subsection">
        <legend className="subsection-title">IPv4 addressing</legend>
        <p className="field-hint">Leave empty to let the engine pick a free subnet.</p>
        <div className="field-row">
          {address('subnet', 'Subnet', '172.28.0.0/16', 'CIDR notation.')}
          {address('gateway', 'Gateway', '172.28.0.1', 'Inside the subnet.')}
          {address('ipRange', 'IP range', '172.28.5.0/24', 'Containers get addresses from here.')}
        </div>
      </fieldset>

      <fieldset className="subsection">
        <legend className="subsection-title">Options</legend>
        <label className="checkbox-row">
          <input
            type="checkbox"
            checked={form.internal}
            onChange={(e) => set('internal', e.target.checked)}
          />
          Internal <span className="muted">— no access to the outside world</span>
        </label>
        <label className="checkbox-row">
          <input
            type="checkbox"
            checked={form.attachable}
            onChange={(e) => set('attachable', e.target.checked)}
          />
          Attachable <span className="muted">— standalone containers may join (overlay)</span>
        </label>
        <label className="checkbox-row">
          <input type="checkbox" checked={form.ipv6} onChange={(e) => set('ipv6', e.target.checked)} />
          Enable IPv6
        </label>
        {form.ipv6 && (
          <div className="field-row">
            {address('subnet6', 'IPv6 subnet', 'fd00:1::/64')}
            {address('gateway6', 'IPv6 gateway', 'fd00:1::1')}
            {address('ipRange6', 'IPv6 range', 'fd00:1::/80')}
          </div>
        )}
      </fieldset>

      <div className="subsection">
        <KeyValueEditor
          legend="Labels"
          noun="label"
          rows={form.labels}
          errors={submitted ? errors.labels : {}}
          onChange={(rows) => set('labels', rows)}
          keyPlaceholder="com.example.team"
        />
        <KeyValueEditor
          legend="Driver options"
          noun="option"
          rows={form.options}
          errors={submitted ? errors.options : {}}
          onChange={(rows) => set('options', rows)}
          keyPlaceholder={form.driver === 'bridge' ? 'com.docker.network.bridge.name' : 'parent'}
        />
      </div>
    </FormDialog>
  );
}
