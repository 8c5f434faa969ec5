import type Docker from 'dockerode';
import {
  isBuiltinNetwork,
  type AttachedContainer,
  type IpamBlock,
  type NetworkSummary,
} from '@shared/contract';

/** The parts of GET /networks/{id} and /networks that we read. */
export interface EngineNetwork {
  Id: string;
  Name: string;
  Driver?: string;
  Scope?: string;
  Internal?: boolean;
  Attachable?: boolean;
  Ingress?: boolean;
  EnableIPv6?: boolean;
  Created?: string;
  IPAM?: { Config?: Array<{ Subnet?: string; Gateway?: string; IPRange?: string }> | null } | null;
  Labels?: Record<string, string> | null;
  Containers?: Record<
    string,
    { Name?: string; IPv4Address?: string; IPv6Address?: string; MacAddress?: string }
  > | null;
}

/** A container's endpoint on one network, as listContainers and inspect report it. */
export interface EngineEndpoint {
  NetworkID?: string;
  IPAddress?: string;
  GlobalIPv6Address?: string;
  MacAddress?: string;
  Aliases?: string[] | null;
  IPAMConfig?: { IPv4Address?: string } | null;
}

export function endpointsOf(c: Docker.ContainerInfo): Record<string, EngineEndpoint> {
  const networks = (c.NetworkSettings as { Networks?: Record<string, EngineEndpoint> } | undefined)?.Networks;
  return networks ?? {};
}

/** Containers per network id, counted from ONE container listing (not an inspect per network). */
export function countContainersByNetwork(containers: Docker.ContainerInfo[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of containers) {
    for (const ep of Object.values(endpointsOf(c))) {
      if (ep.NetworkID) counts.set(ep.NetworkID, (counts.get(ep.NetworkID) ?? 0) + 1);
    }
  }
  return counts;
}

export function subnetsOf(n: EngineNetwork): IpamBlock[] {
  return (n.IPAM?.Config ?? [])
    .filter((c) => c.Subnet)
    .map((c) => {
      const block: IpamBlock = { subnet: c.Subnet as string };
      if (c.Gateway) block.gateway = c.Gateway;
      if (c.IPRange) block.ipRange = c.IPRange;
      return block;
    });
}

export function toNetworkSummary(n: EngineNetwork, containerCount: number): NetworkSummary {
  return {
    id: n.Id,
    name: n.Name,
    driver: n.Driver ?? '',
    scope: n.Scope ?? '',
    internal: n.Internal ?? false,
    attachable: n.Attachable ?? false,
    ingress: n.Ingress ?? false,
    ipv6: n.EnableIPv6 ?? false,
    created: n.Created ?? '',
    subnets: subnetsOf(n),
    labels: n.Labels ?? {},
    containerCount,
    builtin: isBuiltinNetwork(n.Name),
  };
}

const stripPrefix = (addr: string | undefined) => (addr ?? '').replace(/\/\d+$/, '');

/**
 * One attached container. Addresses come from the network's own view (live endpoints), falling
 * back to the container listing; aliases from the container's inspect, minus the short id the
 * engine adds by itself.
 */
export function toAttached(
  c: Docker.ContainerInfo,
  network: EngineNetwork,
  aliases: string[] | null | undefined,
): AttachedContainer {
  const ep =
    endpointsOf(c)[network.Name] ?? Object.values(endpointsOf(c)).find((e) => e.NetworkID === network.Id);
  const live = network.Containers?.[c.Id];
  const shortId = c.Id.slice(0, 12);
  const out: AttachedContainer = {
    id: c.Id,
    name: (c.Names[0] ?? shortId).replace(/^\//, ''),
    state: c.State,
    ipv4: stripPrefix(live?.IPv4Address) || (ep?.IPAddress ?? ''),
    ipv6: stripPrefix(live?.IPv6Address) || (ep?.GlobalIPv6Address ?? ''),
    mac: live?.MacAddress || (ep?.MacAddress ?? ''),
    aliases: (aliases ?? []).filter((a) => a !== shortId && a !== c.Id),
  };
  const fixed = ep?.IPAMConfig?.IPv4Address;
  if (fixed) out.staticIpv4 = fixed;
  return out;
}
