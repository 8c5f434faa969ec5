import { randomBytes } from 'node:crypto';
import type Docker from 'dockerode';
import { AppError, type ContainerCreateResult, type RunSpec } from '@shared/contract';
import type { Signal } from './container-service';
import { imageDefaults, specFromInspect, toCreateOptions } from './run-spec';

async function removeQuietly(docker: Docker, id: string): Promise<void> {
  await docker
    .getContainer(id)
    .remove({ force: true })
    .catch(() => undefined);
}

/** A started container that is already gone or died with an error did not "run". */
async function assertRunning(docker: Docker, id: string, signal: AbortSignal): Promise<void> {
  const info = await docker.getContainer(id).inspect({ abortSignal: signal });
  const s = info.State;
  if (s.Running || s.Restarting) return;
  if (s.Status === 'exited' && s.ExitCode === 0) return;
  throw new AppError({
    code: 'ENGINE_ERROR',
    message: `The new container stopped right away (exit code ${s.ExitCode}${s.Error ? `: ${s.Error}` : ''}).`,
  });
}

/**
 * Creates a container from a run spec and, if asked, starts it. A container that was created but
 * could not start is removed again, so the user can fix the form and submit the same name.
 */
export async function createContainer(
  docker: Docker,
  spec: RunSpec,
  start: boolean,
  { signal }: Signal,
): Promise<ContainerCreateResult> {
  const created = await docker.createContainer({ ...toCreateOptions(spec), abortSignal: signal });
  const warnings = ((created as unknown as { warnings?: string[] | null }).warnings ?? []).filter(Boolean);
  if (start) {
    try {
      await created.start({ abortSignal: signal });
    } catch (e) {
      await removeQuietly(docker, created.id);
      throw e;
    }
  }
  const info = await created.inspect({ abortSignal: signal }).catch(() => undefined);
  return {
    id: created.id,
    name: info?.Name.replace(/^\//, '') ?? spec.name ?? created.id.slice(0, 12),
    started: start,
    warnings,
  };
}

/** The run form's values for an existing container, without what its image contributes. */
export async function runSpecOf(docker: Docker, id: string, { signal }: Signal): Promise<RunSpec> {
  const info = await docker.getContainer(id).inspect({ abortSignal: signal });
  const image = await docker
    .getImage(info.Image)
    .inspect({ abortSignal: signal } as Docker.ImageInspectOptions)
    .catch(() => undefined);
  return specFromInspect(info, imageDefaults(image));
}

export interface RecreateOptions {
  start: boolean;
  timeoutSec: number | undefined;
}

function backupName(name: string): string {
  const suffix = `-old-${randomBytes(3).toString('hex')}`;
  return `${name.slice(0, 128 - suffix.length)}${suffix}`;
}

/**
 * Replaces a container with one made from `spec`, under the same name. The old container is
 * renamed and stopped (not removed) until the new one is created and running; only then is it
 * removed. If anything fails, the new container is removed and the old one gets its name (and its
 * running state) back.
 */
export async function recreateContainer(
  docker: Docker,
  id: string,
  spec: RunSpec,
  opts: RecreateOptions,
  ctx: Signal,
): Promise<ContainerCreateResult> {
  const info = await docker.getContainer(id).inspect({ abortSignal: ctx.signal });
  // By id from here on: the name is about to move.
  const old = docker.getContainer(info.Id);
  const oldName = info.Name.replace(/^\//, '');
  const wasRunning = info.State.Running || info.State.Restarting;
  if (wasRunning && info.HostConfig?.AutoRemove) {
    throw new AppError({
      code: 'INVALID_INPUT',
      message: `${oldName} was started with auto-remove: stopping it would delete it, so it cannot be kept until the new one runs. Stop it first, then run a new container.`,
    });
  }
  const target: RunSpec = { ...spec, name: spec.name ?? oldName };
  const tempName = backupName(oldName);

  // Cleanup must finish even if the caller gave up: it uses no abort signal.
  await old.rename({ name: tempName, abortSignal: ctx.signal });
  let newId: string | undefined;
  try {
    if (info.State.Paused) await old.unpause();
    if (wasRunning) {
      const stopOpts = opts.timeoutSec === undefined ? {} : { t: opts.timeoutSec };
      await old.stop(stopOpts).catch((e: { statusCode?: number }) => {
        if (e.statusCode !== 304) throw e;
      });
    }
    const created = await createContainer(docker, target, false, ctx);
    newId = created.id;
    if (opts.start) {
      await docker.getContainer(newId).start({ abortSignal: ctx.signal });
      await assertRunning(docker, newId, ctx.signal);
    }
    await old.remove({ force: true, v: false });
    return { ...created, started: opts.start };
  } catch (e) {
    if (newId) await removeQuietly(docker, newId);
    await old.rename({ name: oldName }).catch(() => undefined);
    if (wasRunning) await old.start().catch(() => undefined);
    throw e;
  }
}
