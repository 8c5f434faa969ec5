import type Docker from 'dockerode';
import { AppError, type CallParsed, type Contract, type SwarmNode } from '@shared/contract';
import { readInfo, request, type Signal } from './engine';
import type { EngineNode } from './engine-types';
import { toNode } from './mapping';

type UpdateInput = CallParsed<Contract['swarm']['nodeUpdate']>;
type RemoveInput = CallParsed<Contract['swarm']['nodeRemove']>;

function refuse(message: string): never {
  throw new AppError({ code: 'CONFLICT', message });
}

/** Swarm nodes, seen from a manager. */
export function nodeService(docker: Docker) {
  const selfId = async (signal: AbortSignal) => (await readInfo(docker, signal)).Swarm?.NodeID;
  const inspectRaw = (id: string, signal: AbortSignal) =>
    request<EngineNode>(docker, { path: `/nodes/${id}`, method: 'GET', signal });

  return {
    async list({ signal }: Signal): Promise<SwarmNode[]> {
      const [nodes, self] = await Promise.all([
        request<EngineNode[]>(docker, { path: '/nodes', method: 'GET', signal }),
        selfId(signal),
      ]);
      // Managers first, then by name; ids break ties between nodes with the same hostname.
      return nodes
        .map((n) => toNode(n, self))
        .sort(
          (a, b) =>
            (a.role === b.role ? 0 : a.role === 'manager' ? -1 : 1) ||
            a.hostname.localeCompare(b.hostname) ||
            a.id.localeCompare(b.id),
        );
    },

    async inspect(id: string, { signal }: Signal) {
      const [raw, self] = await Promise.all([inspectRaw(id, signal), selfId(signal)]);
      return { node: toNode(raw, self), inspect: raw as unknown as Record<string, unknown> };
    },

    /** Availability, role and labels in one read-modify-write against the node's version. */
    async update(input: UpdateInput, { signal }: Signal): Promise<SwarmNode> {
      const raw = await inspectRaw(input.id, signal);
      if (input.version !== undefined && input.version !== raw.Version.Index) {
        refuse(
          `Node ${raw.Description?.Hostname ?? input.id} changed since you loaded it; reload and try again.`,
        );
      }
      const spec = { ...raw.Spec };
      if (input.availability) spec.Availability = input.availability;
      if (input.role) spec.Role = input.role;
      if (input.labels) spec.Labels = input.labels;
      await request(docker, {
        path: `/nodes/${raw.ID}/update`,
        method: 'POST',
        query: { version: raw.Version.Index },
        json: spec,
        signal,
      });
      const [after, self] = await Promise.all([inspectRaw(raw.ID, signal), selfId(signal)]);
      return toNode(after, self);
    },

    /**
     * Removes a node from the swarm, refusing what would hurt: the node answering (it must leave
     * by itself), a manager (demote it first, or the raft quorum suffers), and a node that is not
     * down unless forced with its id typed as confirmation.
     */
    async remove(input: RemoveInput, { signal }: Signal): Promise<void> {
      const [raw, self] = await Promise.all([inspectRaw(input.id, signal), selfId(signal)]);
      const node = toNode(raw, self);
      const name = `${node.hostname} (${node.id.slice(0, 12)})`;
      if (node.self) {
        refuse(`${name} is the node you are connected to; it must leave the swarm by itself.`);
      }
      if (node.role === 'manager') {
        refuse(
          `${name} is a manager${node.reachability === 'reachable' ? ' and reachable' : ''}; demote it to a worker before removing it.`,
        );
      }
      if (node.state !== 'down') {
        if (!input.force) {
          refuse(
            `${name} is ${node.state}, not down; stop it (or make it leave) first, or force the removal.`,
          );
        }
        if (input.confirm !== node.id) {
          throw new AppError({
            code: 'INVALID_INPUT',
            message: `Forcing the removal of ${name}, which is ${node.state}, needs its id as confirmation.`,
          });
        }
      }
      await request(docker, {
        path: `/nodes/${node.id}`,
        method: 'DELETE',
        query: { force: input.force },
        signal,
      });
    },
  };
}
