import { z } from 'zod';
import { call } from './define';
import { safeRecord } from './safe-record';
import { containerRefSchema, hostIdSchema } from './ids';
import {
  checkCidr,
  cidrContainsCidr,
  describeCidrProblem,
  formatCidr,
  parseIp,
  usableHostProblem,
  type Cidr,
} from '../lib/cidr';

/** A network id (hex, full or short) or name; strict because dockerode puts it in the URL path. */
export const networkRefSchema = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,254}$/, 'not a valid network id or name');

/** The engine's own networks: they exist on every host and cannot be removed. */
export const BUILTIN_NETWORKS = ['bridge', 'host', 'none'] as const;

export function isBuiltinNetwork(name: string): boolean {
  return (BUILTIN_NETWORKS as readonly string[]).includes(name);
}

/** Label and option keys: no whitespace or "=", which the engine's filters and the CLI split on. */
const keySchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^\s=]+$/, 'keys cannot contain spaces or "="');
export const keyValuesSchema = safeRecord(keySchema, z.string().max(4096)).refine(
  (r) => Object.keys(r).length <= 64,
  'at most 64 entries',
);

/**
 * Label filters for prune calls, engine syntax: `key` or `key=value`. Scoping a prune to a label
 * is how tests (and careful users) avoid deleting other people's objects on a shared engine.
 */
export const labelFilterSchema = z
  .array(z.string().regex(/^[^\s=]+(=\S*)?$/, 'a label filter is "key" or "key=value"'))
  .min(1)
  .max(8);

export const NETWORK_DRIVERS = ['bridge', 'overlay', 'macvlan', 'ipvlan'] as const;
export type NetworkDriver = (typeof NETWORK_DRIVERS)[number];

export interface IpamBlock {
  subnet: string;
  gateway?: string;
  ipRange?: string;
}

export interface NetworkSummary {
  id: string;
  name: string;
  driver: string;
  scope: string;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  ipv6: boolean;
  /** ISO date, as the engine reports it. */
  created: string;
  subnets: IpamBlock[];
  labels: Record<string, string>;
  /** Containers (any state) with an endpoint configured on this network. */
  containerCount: number;
  /** bridge, host, none: cannot be removed. */
  builtin: boolean;
}

export interface AttachedContainer {
  id: string;
  name: string;
  state: string;
  /** Without the prefix length; empty while the container is stopped. */
  ipv4: string;
  ipv6: string;
  mac: string;
  /** User-given aliases (the engine's automatic short-id alias is left out). */
  aliases: string[];
  /** A static address requested at connect time, if any. */
  staticIpv4?: string;
}

export interface NetworkDetails {
  summary: NetworkSummary;
  containers: AttachedContainer[];
  /** The engine's inspect document, as is. */
  inspect: Record<string, unknown>;
}

export interface NetworkCapabilities {
  /** Overlay networks need this host to be a swarm manager (docker info Swarm.ControlAvailable). */
  swarmManager: boolean;
  /** Network drivers the engine reports (docker info Plugins.Network). */
  drivers: string[];
}

const ipamBlockSchema = z.strictObject({
  subnet: z.string().max(64),
  gateway: z.string().max(64).optional(),
  ipRange: z.string().max(64).optional(),
});

export interface FieldProblem {
  /** e.g. ['ipam', 0, 'gateway'] */
  path: Array<string | number>;
  message: string;
}

/**
 * What is wrong with a network's addressing: CIDR syntax, gateway and IP range inside the subnet,
 * one family per block, IPv6 blocks only with IPv6 on. The renderer shows these next to the fields;
 * the contract refuses the same input in main.
 */
export function ipamProblems(ipam: IpamBlock[], ipv6: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const subnets: Cidr[] = [];
  ipam.forEach((block, i) => {
    const at = (field: string, message: string) => problems.push({ path: ['ipam', i, field], message });
    const checked = checkCidr(block.subnet);
    if (!block.subnet.trim()) {
      at('subnet', 'Enter a subnet, e.g. 172.28.0.0/16.');
      return;
    }
    if (!checked.ok) {
      at('subnet', describeCidrProblem(block.subnet, checked.problem));
      return;
    }
    const subnet = checked.cidr;
    if (subnet.family === 6 && !ipv6) at('subnet', 'An IPv6 subnet needs IPv6 to be enabled.');
    const overlap = subnets.find((s) => cidrContainsCidr(s, subnet) || cidrContainsCidr(subnet, s));
    if (overlap) at('subnet', `Overlaps ${formatCidr(overlap)}, given above.`);
    subnets.push(subnet);
    if (block.gateway?.trim()) {
      const gw = parseIp(block.gateway);
      if (!gw) at('gateway', `"${block.gateway.trim()}" is not an IP address.`);
      else if (gw.family !== subnet.family) {
        at('gateway', `The gateway must be an IPv${subnet.family} address, like the subnet.`);
      } else {
        const p = usableHostProblem(subnet, gw, 'gateway');
        if (p) at('gateway', p);
      }
    }
    if (block.ipRange?.trim()) {
      const r = checkCidr(block.ipRange);
      if (!r.ok) at('ipRange', describeCidrProblem(block.ipRange, r.problem));
      else if (!cidrContainsCidr(subnet, r.cidr)) {
        at('ipRange', `The IP range ${formatCidr(r.cidr)} is not inside the subnet ${formatCidr(subnet)}.`);
      }
    }
  });
  return problems;
}

const aliasSchema = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/, 'an alias is a host name: letters, digits, "-", "_", "."');

export const createNetworkInputSchema = z
  .strictObject({
    hostId: hostIdSchema,
    name: networkRefSchema,
    driver: z.enum(NETWORK_DRIVERS),
    ipam: z.array(ipamBlockSchema).max(4).default([]),
    internal: z.boolean().default(false),
    attachable: z.boolean().default(false),
    ipv6: z.boolean().default(false),
    labels: keyValuesSchema.default({}),
    options: keyValuesSchema.default({}),
  })
  .superRefine((input, ctx) => {
    if (isBuiltinNetwork(input.name)) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: `"${input.name}" is a built-in network name` });
    }
    for (const p of ipamProblems(input.ipam, input.ipv6)) {
      ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
    }
  });

export type CreateNetworkInput = z.input<typeof createNetworkInputSchema>;

const networkTarget = { hostId: hostIdSchema, id: networkRefSchema };

export const networksContract = {
  list: call<NetworkSummary[]>()(z.strictObject({ hostId: hostIdSchema })),
  capabilities: call<NetworkCapabilities>()(z.strictObject({ hostId: hostIdSchema })),
  details: call<NetworkDetails>()(z.strictObject(networkTarget)),
  create: call<{ id: string; warning?: string }>()(createNetworkInputSchema),
  remove: call<void>()(z.strictObject(networkTarget)),
  connect: call<void>()(
    z.strictObject({
      ...networkTarget,
      container: containerRefSchema,
      aliases: z.array(aliasSchema).max(16).default([]),
      ipv4: z
        .string()
        .refine((s) => parseIp(s)?.family === 4, 'not an IPv4 address')
        .optional(),
    }),
  ),
  disconnect: call<void>()(
    z.strictObject({ ...networkTarget, container: containerRefSchema, force: z.boolean().default(false) }),
  ),
  prune: call<{ removed: string[] }>()(
    z.strictObject({ hostId: hostIdSchema, labels: labelFilterSchema.optional() }),
    { timeoutMs: 120_000 },
  ),
};
