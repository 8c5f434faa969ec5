import { useEffect, useMemo } from 'react';
import type { NetworkSummary } from '@shared/contract';
import { checkCidr, formatCidr, formatIp, parseIp, usableHostProblem, type Cidr } from '@shared/lib/cidr';
import { FormDialog } from '../../components/ui/FormDialog';
import { ErrorBanner } from '../../components/ui/ErrorBanner';
import { useFormFields } from '../../hooks/useFormFields';
import { useMutation } from '../../hooks/useMutation';
import { useContainersStore } from '../../stores/containers';
import { TextField } from '../../components/ui/Field';

export interface ConnectDialogProps {
  hostId: string;
  network: NetworkSummary;
  /** Ids of containers already on the network (not offered). */
  attached: ReadonlySet<string>;
  onClose(): void;
  onConnected(): void;
}

const ALIAS = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/;

function ipv4Subnets(network: NetworkSummary): Cidr[] {
  return network.subnets.flatMap((s) => {
    const r = checkCidr(s.subnet);
    return r.ok && r.cidr.family === 4 ? [r.cidr] : [];
  });
}

/** Static IPv4 checks, the same ones main makes: an IPv4 address inside one of the subnets. */
function ipv4Problem(text: string, subnets: Cidr[]): string | undefined {
  if (!text.trim()) return undefined;
  const ip = parseIp(text);
  if (!ip || ip.family !== 4) return `"${text.trim()}" is not an IPv4 address.`;
  const problems = subnets.map((s) => usableHostProblem(s, ip, 'address'));
  if (problems.includes(null)) return undefined;
  return problems[0] ?? 'This network has no IPv4 subnet.';
}

const aliasesOf = (text: string) => text.split(/[\s,]+/).filter(Boolean);

function aliasProblem(text: string): string | undefined {
  const bad = aliasesOf(text).find((a) => !ALIAS.test(a));
  return bad ? `"${bad}" is not a valid alias (a host name: letters, digits, "-", "_", ".").` : undefined;
}

/** Connects a container of the host to the network, with optional aliases and a static IPv4. */
export function ConnectDialog({ hostId, network, attached, onClose, onConnected }: ConnectDialogProps) {
  const connect = useMutation('networks.connect', { holdBusyOnSuccess: true });
  const busy = connect.busy;
  const listed = useContainersStore((s) => s.byHost[hostId]);
  const fetchContainers = useContainersStore((s) => s.fetch);
  const subnets = useMemo(() => ipv4Subnets(network), [network]);
  const first = subnets[0];
  const example = first && first.prefix <= 28 ? formatIp({ family: 4, value: first.network + 10n }) : '';
  const { id, formId, values, set, setValues, shown, field, submit } = useFormFields(
    { container: '', aliases: '', ipv4: '' },
    (v) => ({
      container: v.container ? undefined : 'Choose a container.',
      aliases: aliasProblem(v.aliases),
      ipv4: ipv4Problem(v.ipv4, subnets),
    }),
    { aliases: { mono: true, show: 'typing' }, ipv4: { mono: true, show: 'blur' } },
  );

  useEffect(() => {
    void fetchContainers(hostId);
  }, [hostId, fetchContainers]);
  // The host's containers not on the network yet, by name; none until the list has loaded.
  const containers = useMemo(
    () =>
      listed?.fetchedAt === undefined
        ? undefined
        : listed.items.filter((c) => !attached.has(c.id)).sort((a, b) => a.name.localeCompare(b.name)),
    [listed, attached],
  );
  useEffect(() => {
    const name = containers?.[0]?.name;
    setValues((v) => (v.container || !name ? v : { ...v, container: name }));
  }, [containers, setValues]);
  const error = connect.error ?? (containers === undefined ? listed?.error : undefined);

  const send = async () => {
    if (busy) return;
    const ipv4 = values.ipv4.trim();
    const r = await connect.run({
      hostId,
      id: network.id,
      container: values.container,
      aliases: aliasesOf(values.aliases),
      ...(ipv4 ? { ipv4 } : {}),
    });
    if (r.ok) onConnected();
  };

  return (
    <FormDialog
      title={`Connect a container to ${network.name}`}
      onClose={onClose}
      formId={formId}
      formClassName="host-form"
      actions={{ submitLabel: 'Connect', busy, disabled: containers === undefined }}
      onSubmit={() => submit(() => void send())}
      after={error && <ErrorBanner error={error} title="Couldn't connect" />}
    >
      <div className="field">
        <label htmlFor={`${id}-container`} className="field-label">
          Container
        </label>
        {containers === undefined ? (
          <p className="muted" role="status">
            <span className="spinner" aria-hidden="true" /> Loading containers…
          </p>
        ) : containers.length === 0 ? (
          <p className="field-hint">Every container of this host is already on {network.name}.</p>
        ) : (
          <select
            id={`${id}-container`}
            className="input"
            value={values.container}
            aria-invalid={shown('container') ? true : undefined}
            onChange={(e) => set('container', e.target.value)}
          >
            {containers.map((c) => (
              <option key={c.id} value={c.name}>
                {c.name} ({c.state})
              </option>
            ))}
          </select>
        )}
        {shown('container') && <p className="field-error">{shown('container')}</p>}
      </div>
      <TextField
        {...field('aliases')}
        label="Aliases"
        placeholder="api, api.internal"
        hint="Other names this container answers to on this network; separate with commas or spaces."
      />
      <TextField
        {...field('ipv4')}
        label="Static IPv4 address"
        placeholder={example}
        hint={
          subnets.length
            ? `Inside ${subnets.map(formatCidr).join(' or ')}. Leave empty for an automatic address.`
            : 'Needs a network with a configured IPv4 subnet; this one has none.'
        }
      />
    </FormDialog>
  );
}
