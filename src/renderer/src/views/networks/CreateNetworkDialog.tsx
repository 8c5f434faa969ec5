import { useMemo } from 'react';
import type { NetworkCapabilities, NetworkDriver } from '@shared/contract';
import { FormDialog } from '../../components/ui/FormDialog';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { useFormFields, type FieldOptions } from '../../hooks/useFormFields';
import { useMutation } from '../../hooks/useMutation';
import { TextField } from '../../components/ui/Field';
import { KeyValueEditor } from '../../components/ui/KeyValueEditor';
import { CheckboxField } from '../../components/ui/CheckboxField';
import { CopyAsMenu } from '../../components/api/CopyAsMenu';
import { networkFormCopy } from '@shared/apilog/form-copy';
import {
  buildNetworkInput,
  EMPTY_NETWORK_FORM,
  type AddressField,
  type NetworkForm,
} from '../../lib/forms/network-form';

/** Addresses are machine text; the name and addresses show their problem once left. */
const ADDRESS: FieldOptions = { mono: true, show: 'blur' };
const FIELDS = {
  name: { required: true, show: 'blur' },
  subnet: ADDRESS,
  gateway: ADDRESS,
  ipRange: ADDRESS,
  subnet6: ADDRESS,
  gateway6: ADDRESS,
  ipRange6: ADDRESS,
} satisfies { [K in keyof NetworkForm]?: FieldOptions };

function networkProblems(form: NetworkForm, hostId: string) {
  const { errors } = buildNetworkInput(form, hostId);
  return { name: errors.name, ...errors.fields, labels: errors.labels, options: errors.options };
}

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
  const create = useMutation('networks.create', {
    holdBusyOnSuccess: true,
    toast: (_, i) => `Created network ${i.name}.`,
    refetch,
  });
  const { busy, error } = create;
  const { id, formId, values, set, field, box, rows, submit } = useFormFields(
    EMPTY_NETWORK_FORM,
    (f) => networkProblems(f, hostId),
    FIELDS,
  );
  const input = useMemo(() => buildNetworkInput(values, hostId).input, [values, hostId]);
  const overlayAllowed = capabilities?.swarmManager === true;

  const send = async () => {
    if (!input || busy) return;
    const out = await create.run(input);
    if (out.ok) onClose();
  };

  const address = (key: AddressField, label: string, placeholder: string, hint?: string) => (
    <TextField {...field(key)} label={label} placeholder={placeholder} hint={hint} className="even" />
  );

  return (
    <FormDialog
      title={`Create network on ${hostName}`}
      onClose={onClose}
      size="large"
      formId={formId}
      formClassName="host-form"
      actions={{
        submitLabel: 'Create',
        busy,
        leading: <CopyAsMenu hostId={hostId} build={() => input && networkFormCopy(input)} />,
      }}
      onSubmit={() => submit(() => void send())}
      after={error && <ErrorBanner error={error} title="Couldn't create the network" />}
    >
      <div className="field-row">
        <TextField {...field('name')} label="Name" placeholder="backend" className="grow" />
        <div className="field driver-field">
          <label htmlFor={`${id}-driver`} className="field-label">
            Driver
          </label>
          <select
            id={`${id}-driver`}
            className="input"
            value={values.driver}
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
        {DRIVER_HINTS[values.driver]}
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
        <CheckboxField
          {...box('internal')}
          label={
            <>
              Internal <span className="muted">— no access to the outside world</span>
            </>
          }
        />
        <CheckboxField
          {...box('attachable')}
          label={
            <>
              Attachable <span className="muted">— standalone containers may join (overlay)</span>
            </>
          }
        />
        <CheckboxField {...box('ipv6')} label="Enable IPv6" />
        {values.ipv6 && (
          <div className="field-row">
            {address('subnet6', 'IPv6 subnet', 'fd00:1::/64')}
            {address('gateway6', 'IPv6 gateway', 'fd00:1::1')}
            {address('ipRange6', 'IPv6 range', 'fd00:1::/80')}
          </div>
        )}
      </fieldset>

      <div className="subsection">
        <KeyValueEditor legend="Labels" noun="label" {...rows('labels')} keyPlaceholder="com.example.team" />
        <KeyValueEditor
          legend="Driver options"
          noun="option"
          {...rows('options')}
          keyPlaceholder={values.driver === 'bridge' ? 'com.docker.network.bridge.name' : 'parent'}
        />
      </div>
    </FormDialog>
  );
}
