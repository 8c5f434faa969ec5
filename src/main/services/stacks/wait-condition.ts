import type Docker from 'dockerode';
import { AppError, type StackDependCondition } from '@shared/contract';
import { L } from './labels';

const POLL_MS = 500;
/** A healthcheck that never settles must not hold the apply forever. */
const MAX_WAIT_MS = 10 * 60_000;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/** Waits until every container of a service meets a depends_on condition; names the service when it cannot. */
export async function waitForCondition(
  docker: Docker,
  project: string,
  service: string,
  condition: StackDependCondition,
  signal: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + MAX_WAIT_MS;
  for (;;) {
    signal.throwIfAborted();
    const list = await docker.listContainers({
      all: true,
      filters: { label: [`${L.project}=${project}`, `${L.service}=${service}`, `${L.oneoff}=False`] },
      abortSignal: signal,
    } as Docker.ContainerListOptions);
    const infos = await Promise.all(
      list.map((c) => docker.getContainer(c.Id).inspect({ abortSignal: signal } as object)),
    );
    if (
      condition === 'service_started' &&
      infos.length &&
      infos.every((i) => i.State.Running || i.State.Status === 'exited')
    )
      return;
    if (condition === 'service_healthy') {
      const noCheck = infos.find((i) => !i.State.Health);
      if (noCheck)
        throw new AppError({
          code: 'CONFLICT',
          message: `"${service}" has no healthcheck, so service_healthy can never be met.`,
        });
      const unhealthy = infos.find(
        (i) => i.State.Health?.Status === 'unhealthy' || (!i.State.Running && i.State.Status === 'exited'),
      );
      if (unhealthy) {
        const last = unhealthy.State.Health?.Log?.at(-1)?.Output?.trim();
        throw new AppError({
          code: 'CONFLICT',
          message: `"${service}" is unhealthy (healthcheck failing)${last ? `: ${last.slice(0, 200)}` : ''}.`,
        });
      }
      if (infos.length && infos.every((i) => i.State.Health?.Status === 'healthy')) return;
    }
    if (condition === 'service_completed_successfully') {
      const failed = infos.find((i) => i.State.Status === 'exited' && i.State.ExitCode !== 0);
      if (failed)
        throw new AppError({
          code: 'CONFLICT',
          message: `"${service}" exited with code ${failed.State.ExitCode}, not 0.`,
        });
      if (infos.length && infos.every((i) => i.State.Status === 'exited')) return;
    }
    if (Date.now() > deadline)
      throw new AppError({
        code: 'TIMEOUT',
        message: `"${service}" did not reach ${condition} within ten minutes.`,
      });
    await sleep(POLL_MS, signal);
  }
}
