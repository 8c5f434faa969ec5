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
            await request(docker, { path: `${path}${idOf(o)}`, method: 'DELETE', ok: [204], signal });
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
