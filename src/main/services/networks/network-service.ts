import { networkCreateBody } from '@shared/apilog/form-requests';
import type Docker from 'dockerode';
import {
  isBuiltinNetwork,
  type CallParsed,
  type Contract,
  type NetworkCapabilities,
  type NetworkDetails,
  type NetworkSummary,
} from '@shared/contract';
import { checkCidr, formatCidr, parseIp, usableHostProblem, type Cidr } from '@shared/lib/cidr';
import { appError, engineStatus, engineText, nameList, sentence } from '../../engine/engine-error';
import { labelFilters } from '../../engine/filters';
import {
  countContainersByNetwork,
  subnetsOf,
  toAttached,
  toNetworkSummary,
  type EngineEndpoint,
  type EngineNetwork,
} from './network-mapping';

type Signal = { signal: AbortSignal };
type CreateInput = CallParsed<Contract['networks']['create']>;
type ConnectInput = CallParsed<Contract['networks']['connect']>;

/** Inspects of attached containers (for their aliases) run at most this many at a time. */
const INSPECT_CONCURRENCY = 8;

function builtinRefusal(name: string) {
  return appError('CONFLICT', `"${name}" is a built-in network of the engine and cannot be removed.`);
}

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Network operations on one engine. Takes a dockerode client; knows nothing of transports. */
export function networkService(docker: Docker) {
  // dockerode's Network.inspect takes no abort signal; the dispatcher's timeout still bounds it.
  const inspect = async (id: string) => (await docker.getNetwork(id).inspect()) as unknown as EngineNetwork;

  return {
    async list({ signal }: Signal): Promise<NetworkSummary[]> {
      const [networks, containers] = await Promise.all([
        docker.listNetworks({ abortSignal: signal } as Docker.NetworkListOptions),
        docker.listContainers({ all: true, abortSignal: signal } as Docker.ContainerListOptions),
      ]);
      const counts = countContainersByNetwork(containers);
      return (networks as EngineNetwork[]).map((n) => toNetworkSummary(n, counts.get(n.Id) ?? 0));
    },

    async capabilities({ signal }: Signal): Promise<NetworkCapabilities> {
      // @types/dockerode declares info() without options; dockerode accepts { abortSignal }.
      const readInfo = docker.info as unknown as (
        this: Docker,
        opts: { abortSignal: AbortSignal },
      ) => Promise<{ Swarm?: { ControlAvailable?: boolean }; Plugins?: { Network?: string[] | null } }>;
      const info = await readInfo.call(docker, { abortSignal: signal });
      return {
        swarmManager: info.Swarm?.ControlAvailable === true,
        drivers: info.Plugins?.Network ?? [],
      };
    },

    async details(id: string, { signal }: Signal): Promise<NetworkDetails> {
      const network = await inspect(id);
      const containers = await docker.listContainers({
        all: true,
        filters: { network: [network.Id] },
        abortSignal: signal,
      } as Docker.ContainerListOptions);
      // The listing has no aliases (always null there); each attached container's inspect does.
      const attached = await mapLimited(containers, INSPECT_CONCURRENCY, async (c) => {
        const full = await docker
          .getContainer(c.Id)
          .inspect({ abortSignal: signal })
          .catch((e: unknown) => {
            if (engineStatus(e) === 404) return undefined; // removed meanwhile
            throw e;
          });
        const eps = (full?.NetworkSettings as { Networks?: Record<string, EngineEndpoint> } | undefined)
          ?.Networks;
        return toAttached(c, network, eps?.[network.Name]?.Aliases);
      });
      attached.sort((a, b) => a.name.localeCompare(b.name));
      return {
        summary: toNetworkSummary(network, containers.length),
        containers: attached,
        inspect: network as unknown as Record<string, unknown>,
      };
    },

    async create(input: CreateInput, { signal }: Signal): Promise<{ id: string }> {
      if (input.driver === 'overlay') {
        const { swarmManager } = await this.capabilities({ signal });
        if (!swarmManager) {
          throw appError(
            'INVALID_INPUT',
            'Overlay networks need a swarm manager, and this host is not one (it is not in a swarm, or is a worker).',
          );
        }
      }
      let created: Docker.Network;
      try {
        created = await docker.createNetwork({
          ...networkCreateBody(input),
          abortSignal: signal,
        } as Docker.NetworkCreateOptions);
      } catch (e) {
        // e.g. "Pool overlaps with other one on this address space": a conflict, not an auth problem.
        if (engineStatus(e) === 403) throw appError('CONFLICT', sentence(engineText(e)));
        throw e;
      }
      return { id: created.id };
    },

    async remove(id: string, { signal }: Signal): Promise<void> {
      // Refused here, before any request, when the name says it all.
      if (isBuiltinNetwork(id)) throw builtinRefusal(id);
      const network = await inspect(id);
      if (isBuiltinNetwork(network.Name)) throw builtinRefusal(network.Name);
      try {
        await docker.getNetwork(network.Id).remove({ abortSignal: signal });
      } catch (e) {
        const status = engineStatus(e);
        if (status !== 403 && status !== 409) throw e;
        // The engine says "has active endpoints": say which containers, from the inspect above.
        const users = Object.values(network.Containers ?? {})
          .map((c) => c.Name ?? '')
          .filter(Boolean)
          .sort();
        const message = users.length
          ? `Network ${network.Name} is in use by ${nameList(users)}: disconnect or remove ${users.length === 1 ? 'that container' : 'those containers'} first.`
          : `Network ${network.Name} is in use: ${engineText(e)}`;
        throw appError('CONFLICT', message, engineText(e));
      }
    },

    async connect(input: ConnectInput, { signal }: Signal): Promise<void> {
      const network = await inspect(input.id);
      let ipv4: string | undefined;
      if (input.ipv4) {
        const ip = parseIp(input.ipv4);
        const subnets = subnetsOf(network)
          .map((b) => checkCidr(b.subnet))
          .flatMap((r) => (r.ok && r.cidr.family === 4 ? [r.cidr] : []));
        if (!ip || subnets.length === 0) {
          throw appError(
            'INVALID_INPUT',
            `A static IPv4 address needs a network with a configured IPv4 subnet, and ${network.Name} has none.`,
          );
        }
        const problems = subnets.map((s: Cidr) => usableHostProblem(s, ip, 'address'));
        if (!problems.includes(null)) {
          throw appError(
            'INVALID_INPUT',
            subnets.length === 1
              ? (problems[0] as string)
              : `The address ${input.ipv4} is not inside any subnet of ${network.Name} (${subnets.map(formatCidr).join(', ')}).`,
          );
        }
        ipv4 = input.ipv4.trim();
      }
      try {
        await docker.getNetwork(network.Id).connect({
          Container: input.container,
          EndpointConfig: {
            ...(input.aliases.length ? { Aliases: input.aliases } : {}),
            ...(ipv4 ? { IPAMConfig: { IPv4Address: ipv4 } } : {}),
          },
          abortSignal: signal,
        } as Docker.NetworkConnectOptions);
      } catch (e) {
        // 403 here means "not allowed" (e.g. host networking), not an authentication problem.
        if (engineStatus(e) === 403) throw appError('CONFLICT', sentence(engineText(e)));
        throw e;
      }
    },

    async disconnect(id: string, container: string, force: boolean, { signal }: Signal): Promise<void> {
      try {
        await docker.getNetwork(id).disconnect({ Container: container, Force: force, abortSignal: signal });
      } catch (e) {
        if (engineStatus(e) === 403) throw appError('CONFLICT', sentence(engineText(e)));
        throw e;
      }
    },

    async prune(labels: string[] | undefined, { signal }: Signal): Promise<{ removed: string[] }> {
      const res = (await docker.pruneNetworks({ ...labelFilters(labels), abortSignal: signal })) as {
        NetworksDeleted?: string[] | null;
      };
      return { removed: res.NetworksDeleted ?? [] };
    },
  };
}
