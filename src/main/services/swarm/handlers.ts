import type Docker from 'dockerode';
import type { Contract } from '@shared/contract';
import type { Handlers } from '../../rpc/handlers';
import type { AppContext } from '../../app/app-context';
import { fileService } from './files';
import { swarmInfo } from './info';
import { requireManager } from './manager-guard';
import { nodeService } from './nodes';
import { followServiceLogs } from './service-logs';
import { watchService } from './service-watch';
import { serviceService } from './services';
import { serviceSpecCheck } from '../../security/workload-bodies';
import { stackService } from './stacks';

/**
 * Binds the swarm namespace. Every call but `info` first checks that the host is a manager, so a
 * worker or a plain engine is refused with one clear sentence instead of the engine's 503.
 */
export function swarmHandlers({ hosts }: Pick<AppContext, 'hosts'>): Handlers<Contract>['swarm'] {
  const hostName = (hostId: string) => hosts.get(hostId)?.name ?? hostId;
  const manager = async (hostId: string, signal: AbortSignal): Promise<Docker> => {
    const { docker } = await hosts.client(hostId);
    await requireManager(docker, hostName(hostId), signal);
    return docker;
  };
  const services = async (hostId: string, signal: AbortSignal, method = 'swarm.serviceUpdate') =>
    serviceService(await manager(hostId, signal), serviceSpecCheck(hosts.get(hostId), method));

  return {
    info: async ({ hostId }, ctx) =>
      swarmInfo((await hosts.client(hostId)).docker, hostName(hostId), ctx.signal),

    nodes: async ({ hostId }, ctx) => nodeService(await manager(hostId, ctx.signal)).list(ctx),
    nodeInspect: async ({ hostId, id }, ctx) =>
      nodeService(await manager(hostId, ctx.signal)).inspect(id, ctx),
    nodeUpdate: async (input, ctx) => nodeService(await manager(input.hostId, ctx.signal)).update(input, ctx),
    nodeRemove: async (input, ctx) => nodeService(await manager(input.hostId, ctx.signal)).remove(input, ctx),

    services: async ({ hostId }, ctx) => (await services(hostId, ctx.signal)).list(ctx),
    serviceInspect: async ({ hostId, id }, ctx) => (await services(hostId, ctx.signal)).inspect(id, ctx),
    serviceCreate: async ({ hostId, spec }, ctx) =>
      (await services(hostId, ctx.signal, 'swarm.serviceCreate')).create(spec, ctx),
    serviceScale: async ({ hostId, id, replicas }, ctx) =>
      (await services(hostId, ctx.signal)).scale(id, replicas, ctx),
    serviceUpdate: async (input, ctx) => (await services(input.hostId, ctx.signal)).update(input, ctx),
    serviceRollback: async ({ hostId, id }, ctx) =>
      (await services(hostId, ctx.signal, 'swarm.serviceRollback')).rollback(id, ctx),
    serviceRemove: async ({ hostId, id }, ctx) => (await services(hostId, ctx.signal)).remove(id, ctx),
    tasks: async (input, ctx) => (await services(input.hostId, ctx.signal)).tasks(input, ctx),

    serviceLogs: async ({ hostId, id, ...params }, sink) =>
      followServiceLogs(await manager(hostId, sink.signal), id, params, sink),
    watchService: async ({ hostId, id }, sink) => watchService(await manager(hostId, sink.signal), id, sink),

    stacks: async ({ hostId }, ctx) => stackService(await manager(hostId, ctx.signal)).list(ctx),
    stackRemove: async ({ hostId, name }, ctx) =>
      stackService(await manager(hostId, ctx.signal)).remove(name, ctx),

    secrets: async ({ hostId }, ctx) => fileService(await manager(hostId, ctx.signal), 'secret').list(ctx),
    secretCreate: async ({ hostId, ...input }, ctx) =>
      fileService(await manager(hostId, ctx.signal), 'secret').create(input, ctx),
    secretRemove: async ({ hostId, id }, ctx) =>
      fileService(await manager(hostId, ctx.signal), 'secret').remove(id, ctx),
    configs: async ({ hostId }, ctx) => fileService(await manager(hostId, ctx.signal), 'config').list(ctx),
    configCreate: async ({ hostId, ...input }, ctx) =>
      fileService(await manager(hostId, ctx.signal), 'config').create(input, ctx),
    configRemove: async ({ hostId, id }, ctx) =>
      fileService(await manager(hostId, ctx.signal), 'config').remove(id, ctx),
  };
}
