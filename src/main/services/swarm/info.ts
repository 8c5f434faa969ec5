import type Docker from 'dockerode';
import type { SwarmInfo } from '@shared/contract';
import { readInfo, request } from './engine';
import type { EngineNode } from './engine-types';
import { roleOf, whyNotManager } from './manager-guard';

/** What a host is in swarm terms; answered by any host, swarm or not. */
export async function swarmInfo(docker: Docker, hostName: string, signal: AbortSignal): Promise<SwarmInfo> {
  const info = await readInfo(docker, signal);
  const s = info.Swarm ?? {};
  const role = roleOf(info);
  const out: SwarmInfo = {
    role,
    localState: s.LocalNodeState ?? 'inactive',
    managerAddresses: (s.RemoteManagers ?? []).map((m) => m.Addr).filter(Boolean),
    summary: '',
  };
  if (s.NodeID) out.nodeId = s.NodeID;
  if (s.NodeAddr) out.nodeAddr = s.NodeAddr;
  if (s.Error) out.error = s.Error;
  if (role === 'manager') {
    if (s.Cluster?.ID) out.clusterId = s.Cluster.ID;
    if (s.Cluster?.CreatedAt) out.createdAt = s.Cluster.CreatedAt;
    out.nodes = s.Nodes ?? 0;
    out.managers = s.Managers ?? 0;
    const nodes = await request<EngineNode[]>(docker, {
      path: '/nodes',
      method: 'GET',
      query: { filters: JSON.stringify({ role: ['manager'] }) },
      signal,
    });
    const leader = nodes.find((n) => n.ManagerStatus?.Leader);
    if (leader) {
      out.leader = {
        id: leader.ID,
        hostname: leader.Description?.Hostname ?? leader.ID.slice(0, 12),
        addr: leader.ManagerStatus?.Addr ?? '',
      };
    }
    out.summary = `${hostName} is a swarm manager: ${out.nodes} ${out.nodes === 1 ? 'node' : 'nodes'}, ${out.managers} ${out.managers === 1 ? 'manager' : 'managers'}.`;
  } else {
    out.summary = `${hostName} is not a swarm manager: ${whyNotManager(info)}.`;
  }
  return out;
}
