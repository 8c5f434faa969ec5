import type Docker from 'dockerode';
import { pause } from '../hosts/host-liveness';

export interface HealthWait {
  /** Without a healthcheck: how long it must keep running (same run, no restart). */
  graceMs: number;
  /** With a healthcheck: the longest wait for "healthy". */
  timeoutMs: number;
  /** Between inspects. */
  pollMs?: number;
}

/** Resolves with undefined once the container counts as up, or with the reason it does not. */
export async function waitHealthy(
  docker: Docker,
  id: string,
  opts: HealthWait,
  signal: AbortSignal,
): Promise<string | undefined> {
  const c = docker.getContainer(id);
  const first = await c.inspect({ abortSignal: signal });
  const startedAt = first.State.StartedAt;
  const restarts = first.RestartCount ?? 0;
  const hasHealth = first.State.Health !== undefined && first.State.Health !== null;
  const begin = Date.now();
  const pollMs = opts.pollMs ?? 500;
  for (;;) {
    const info = await c.inspect({ abortSignal: signal });
    const s = info.State;
    if ((info.RestartCount ?? 0) > restarts || s.Restarting || (s.StartedAt !== startedAt && s.Running))
      return `it restarted after starting (exit code ${s.ExitCode})`;
    if (!s.Running)
      return `it stopped with exit code ${s.ExitCode}${s.OOMKilled ? ' (out of memory)' : ''}${s.Error ? `: ${s.Error}` : ''}`;
    const elapsed = Date.now() - begin;
    if (hasHealth) {
      const h = s.Health?.Status;
      if (h === 'healthy') return undefined;
      if (h === 'unhealthy') {
        const last = s.Health?.Log?.at(-1)?.Output?.trim();
        return `its healthcheck reports unhealthy${last ? ` (${last.slice(0, 200)})` : ''}`;
      }
      if (elapsed >= opts.timeoutMs)
        return `its healthcheck did not report healthy within ${Math.round(opts.timeoutMs / 1000)} s`;
    } else if (elapsed >= opts.graceMs) return undefined;
    await pause(pollMs, signal);
  }
}
