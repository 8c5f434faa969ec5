import {
  ipamProblems,
  isBuiltinNetwork,
  type CreateNetworkInput,
  type IpamBlock,
  type NetworkDriver,
} from '@shared/contract';
import { parseCidr } from '@shared/lib/cidr';
import { keyValuesOf, type KeyValueRow } from '../key-values';

export interface NetworkForm {
  name: string;
  driver: NetworkDriver;
  subnet: string;
  gateway: string;
  ipRange: string;
  ipv6: boolean;
  subnet6: string;
  gateway6: string;
  ipRange6: string;
  internal: boolean;
  attachable: boolean;
  labels: KeyValueRow[];
  options: KeyValueRow[];
}

export const EMPTY_NETWORK_FORM: NetworkForm = {
  name: '',
  driver: 'bridge',
  subnet: '',
  gateway: '',
  ipRange: '',
  ipv6: false,
  subnet6: '',
  gateway6: '',
  ipRange6: '',
  internal: false,
  attachable: false,
  labels: [],
  options: [],
};

export type AddressField = 'subnet' | 'gateway' | 'ipRange' | 'subnet6' | 'gateway6' | 'ipRange6';

export interface NetworkFormErrors {
  name?: string;
  fields: Partial<Record<AddressField, string>>;
  labels: Record<number, string>;
  options: Record<number, string>;
}

export function hasErrors(e: NetworkFormErrors): boolean {
  return (
    Boolean(e.name) ||
    Object.keys(e.fields).length > 0 ||
    Object.keys(e.labels).length > 0 ||
    Object.keys(e.options).length > 0
  );
}

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}$/;

function block(subnet: string, gateway: string, ipRange: string): IpamBlock | undefined {
  if (!subnet.trim() && !gateway.trim() && !ipRange.trim()) return undefined;
  const b: IpamBlock = { subnet: subnet.trim() };
  if (gateway.trim()) b.gateway = gateway.trim();
  if (ipRange.trim()) b.ipRange = ipRange.trim();
  return b;
}

/**
 * The form as the contract's create input, and the errors to show next to each field. The same
 * addressing checks run in main (the contract refuses what this refuses).
 */
export function buildNetworkInput(
  form: NetworkForm,
  hostId: string,
): { input: CreateNetworkInput | undefined; errors: NetworkFormErrors } {
  const errors: NetworkFormErrors = { fields: {}, labels: {}, options: {} };
  const name = form.name.trim();
  if (!name) errors.name = 'Enter a name.';
  else if (!NAME.test(name))
    errors.name = 'Use letters, digits, "-", "_" and "." (starting with a letter or digit).';
  else if (isBuiltinNetwork(name)) errors.name = `"${name}" is the name of a built-in network.`;

  const ipam: IpamBlock[] = [];
  const owners: Array<'' | '6'> = [];
  const v4 = block(form.subnet, form.gateway, form.ipRange);
  if (v4) {
    if (parseCidr(v4.subnet)?.family === 6)
      errors.fields.subnet = 'This is an IPv6 subnet: enable IPv6 and enter it below.';
    ipam.push(v4);
    owners.push('');
  }
  const v6 = form.ipv6 ? block(form.subnet6, form.gateway6, form.ipRange6) : undefined;
  if (v6) {
    if (parseCidr(v6.subnet)?.family === 4) errors.fields.subnet6 = 'This is an IPv4 subnet: enter it above.';
    ipam.push(v6);
    owners.push('6');
  }
  for (const p of ipamProblems(ipam, form.ipv6)) {
    const [, index, field] = p.path;
    const suffix = owners[index as number] ?? '';
    const key = `${String(field)}${suffix}` as AddressField;
    errors.fields[key] ??= p.message;
  }

  const labels = keyValuesOf(form.labels);
  const options = keyValuesOf(form.options);
  errors.labels = labels.errors;
  errors.options = options.errors;
  if (hasErrors(errors)) return { input: undefined, errors };
  return {
    input: {
      hostId,
      name,
      driver: form.driver,
      ipam,
      internal: form.internal,
      attachable: form.attachable,
      ipv6: form.ipv6,
      labels: labels.record,
      options: options.record,
    },
    errors,
  };
}
