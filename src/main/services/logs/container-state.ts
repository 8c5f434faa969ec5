import type Docker from 'dockerode';
import type { AppErrorShape } from '@shared/contract';
import { toAppError } from '../../errors/to-app-error';
import { headerDeadline } from './header-deadline';

/** How long the "what happened to the container?" inspect may take before the host counts as lost. */
export const CLASSIFY_TIMEOUT_MS = 5_000;

export type ContainerFate =
  | { kind: 'running'; startedAt: string }
  | { kind: 'stopped' }
  | { kind: 'gone' }
  | { kind: 'lost'; error: AppErrorShape };

/**
 * After an engine stream closed: is the container running, stopped or removed? An engine that
 * can't say (down, cut off, too slow) means the host is lost.
 */
export async function containerFate(
  client: () => Promise<{ docker: Docker }>,
  id: string,
  signal: AbortSignal,
): Promise<ContainerFate> {
  const guard = headerDeadline(signal, CLASSIFY_TIMEOUT_MS, 'the container inspect');
  try {
    const { docker } = await client();
    const info = await docker.getContainer(id).inspect({ abortSignal: guard.signal });
    if (info.State?.Running) return { kind: 'running', startedAt: info.State.StartedAt };
    return { kind: 'stopped' };
  } catch (e) {
    const error = toAppError(e);
    if (error.code === 'NOT_FOUND') return { kind: 'gone' };
    return { kind: 'lost', error };
  } finally {
    guard.settled();
  }
}
