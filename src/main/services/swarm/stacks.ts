import type Docker from 'dockerode';
import { STACK_NAMESPACE_LABEL, type StackRemoval, type StackSummary } from '@shared/contract';
import { engineText } from '../../engine/engine-error';
import { filters, request, type Signal } from './engine';
import type { EngineService, EngineSwarmFile } from './engine-types';

interface Labelled {
  ID?: string;
  Id?: string;
  Name?: string;
  Labels?: Record<string, string> | null;
  Spec?: { Name?: string; Labels?: Record<string, string> | null };
}

/** How long a network removal waits for the stack's stopping containers to let go of it. */
const NETWORK_FREE_WAIT_MS = 60_000;

const nameOf = (o: Labelled) => o.Spec?.Name ?? o.Name ?? o.ID ?? o.Id ?? '';
const labelsOf = (o: Labelled) => o.Spec?.Labels ?? o.Labels ?? {};
const idOf = (o: Labelled) => o.ID ?? o.Id ?? '';

/** Stacks are only a label (com.docker.stack.namespace) on services, networks, secrets and configs. */
export function stackService(docker: Docker) {
  const byLabel = async (signal: AbortSignal, stack?: string) => {
    const query = {
      filters: filters({ label: [stack ? `${STACK_NAMESPACE_LABEL}=${stack}` : STACK_NAMESPACE_LABEL] }),
    };
    const get = <T>(path: string) => request<T>(docker, { path, method: 'GET', query, signal });
    const [services, networks, secrets, configs] = await Promise.all([
      get<EngineService[]>('/services'),
      get<Labelled[]>('/networks'),
      get<EngineSwarmFile[]>('/secrets'),
      get<EngineSwarmFile[]>('/configs'),
    ]);
    return { services, networks, secrets, configs } as Record<
      'services' | 'networks' | 'secrets' | 'configs',
      Labelled[]
    >;
  };

  /** The manager lists a removed overlay network until its local containers let go: wait for that. */
  const gone = async (path: string, deadline: number, signal: AbortSignal) => {
    while (Date.now() < deadline && !signal.aborted) {
      try {
        await request(docker, { path, method: 'GET', signal });
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  };

  /** Deletes one object; a network still held by the removed services' containers is retried. */
  const remove = async (path: string, kind: string, signal: AbortSignal) => {
    const deadline = Date.now() + NETWORK_FREE_WAIT_MS;
    for (;;) {
      try {
        await request(docker, { path, method: 'DELETE', ok: [204], signal });
        if (kind === 'networks') await gone(path, deadline, signal);
        return;
      } catch (e) {
        const held = kind === 'networks' && /active endpoints/i.test(engineText(e));
        if (!held || Date.now() > deadline || signal.aborted) throw e;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  };

  return {
    async list({ signal }: Signal): Promise<StackSummary[]> {
      const all = await byLabel(signal);
      const stacks = new Map<string, StackSummary>();
      for (const kind of ['services', 'networks', 'secrets', 'configs'] as const) {
        for (const o of all[kind]) {
          const name = labelsOf(o)[STACK_NAMESPACE_LABEL];
          if (!name) continue;
          let s = stacks.get(name);
          if (!s) {
            s = { name, services: [], networks: [], secrets: [], configs: [] };
            stacks.set(name, s);
          }
          s[kind].push(nameOf(o));
        }
      }
      return [...stacks.values()].sort((a, b) => a.name.localeCompare(b.name));
    },

    /**
     * Removes everything of a stack, in the order `docker stack rm` uses: services first (they hold
     * the rest), then secrets, configs and networks. One failure does not stop the others.
     * A network is retried while the removed services' containers still hold it ("has active
     * endpoints" until they stop); `docker stack rm` of 20.10 leaves it behind instead.
     */
    async remove(stack: string, { signal }: Signal): Promise<StackRemoval> {
      const all = await byLabel(signal, stack);
      const out: StackRemoval = { removed: [], failed: [] };
      const kinds = [
        ['services', '/services/'],
        ['secrets', '/secrets/'],
        ['configs', '/configs/'],
        ['networks', '/networks/'],
      ] as const;
      for (const [kind, path] of kinds) {
        for (const o of all[kind]) {
          try {
            await remove(`${path}${idOf(o)}`, kind, signal);
            out.removed.push(`${kind.slice(0, -1)} ${nameOf(o)}`);
          } catch (e) {
            out.failed.push({ name: `${kind.slice(0, -1)} ${nameOf(o)}`, error: engineText(e) });
          }
        }
      }
      return out;
    },
  };
}
