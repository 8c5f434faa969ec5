import type Docker from 'dockerode';
import { AppError, type SwarmRole } from '@shared/contract';
import type { EngineSwarmInfo } from './engine-types';
import { readInfo } from './engine';

/** How long one /info answer vouches for "this host is a manager" (a burst of calls asks once). */
const TRUST_MS = 2000;
const checked = new WeakMap<Docker, { at: number; info: Promise<EngineSwarmInfo> }>();

export function roleOf(info: EngineSwarmInfo): SwarmRole {
  const s = info.Swarm;
  if (s?.LocalNodeState !== 'active') return 'none';
  return s.ControlAvailable === true ? 'manager' : 'worker';
}

/** "it is a worker; its managers are at 10.0.0.1:2377" — the part after "is not a swarm manager:". */
export function whyNotManager(info: EngineSwarmInfo): string {
  const s = info.Swarm;
  const managers = (s?.RemoteManagers ?? []).map((m) => m.Addr).filter(Boolean);
  switch (s?.LocalNodeState) {
    case 'active':
      return managers.length
        ? `it is a worker node; manage the swarm through a manager at ${managers.join(', ')}`
        : 'it is a worker node; manage the swarm through one of its managers';
    case 'pending':
      return 'it is still joining a swarm';
    case 'locked':
      return 'its swarm is locked; unlock it with "docker swarm unlock"';
    case 'error':
      return `its swarm state is in error${s.Error ? ` (${s.Error})` : ''}`;
    default:
      return 'it is not part of a swarm ("docker swarm init" starts one, "docker swarm join" joins one)';
  }
}

/** Looks the host up (briefly cached) and refuses with a clear sentence unless it is a manager. */
export async function requireManager(docker: Docker, hostName: string, signal: AbortSignal): Promise<void> {
  let entry = checked.get(docker);
  if (!entry || Date.now() - entry.at > TRUST_MS) {
    entry = { at: Date.now(), info: readInfo(docker, signal) };
    checked.set(docker, entry);
    entry.info.catch(() => checked.delete(docker));
  }
  const info = await entry.info;
  if (roleOf(info) === 'manager') return;
  checked.delete(docker);
  throw new AppError({
    code: 'CONFLICT',
    message: `${hostName} is not a swarm manager: ${whyNotManager(info)}.`,
    data: { notSwarmManager: true, swarmRole: roleOf(info) },
  });
}

/** After a swarm change (tests forming or leaving a swarm) the next call must ask again. */
export function forgetRole(docker: Docker): void {
  checked.delete(docker);
}
