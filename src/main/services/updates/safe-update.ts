import type Docker from 'dockerode';
import { AppError, type AuditEntry, type TaskView, type UpdatePlan } from '@shared/contract';
import { toAppError } from '../../errors/to-app-error';
import { createContainer, recreateContainer, runSpecOf } from '../containers/create';
import type { ImageTaskDeps } from '../images/image-task-deps';
import { pullImage } from '../images/registry-tasks';
import type { TaskControl } from '../tasks/task-registry';
import { classifyReference } from './image-digests';
import { waitHealthy, type HealthWait } from './wait-healthy';

export interface SafeUpdateDeps extends ImageTaskDeps {
  health(): HealthWait;
  audit(entry: AuditEntry): void;
  /** Called when an update ended (the checker re-reads the host). */
  onDone(hostId: string): void;
}

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

/** A tag that keeps the old image on the host (and findable) while the update runs. */
function rollbackTag(name: string, imageId: string): { repo: string; tag: string } {
  return { repo: name, tag: `berthmaster-rollback-${short(imageId)}` };
}

async function untagQuietly(docker: Docker, ref: string): Promise<void> {
  // noprune: the old image stays on the host (untagged), as after a pull that replaced it.
  await docker
    .getImage(ref)
    .remove({ noprune: true })
    .catch(() => undefined);
}

/**
 * The body of one update task: pull the tag, recreate the container with the same configuration
 * (the edit-and-recreate path), wait until it runs and is healthy, and if it does not, put the
 * previous image back under the tag and recreate again. The task's result keeps the old image id.
 */
export async function runSafeUpdate(deps: SafeUpdateDeps, plan: UpdatePlan, ctl: TaskControl) {
  const docker = await deps.docker(plan.hostId);
  const ref = classifyReference(plan.image);
  if (ref.kind !== 'tag') throw new AppError({ code: 'INVALID_INPUT', message: ref.reason });
  const oldImageId = plan.currentImageId ?? '';
  const result: NonNullable<TaskView['result']> = { previousImageId: oldImageId };
  ctl.update({ result });
  const keep = plan.canRollBack ? rollbackTag(ref.ref.name, oldImageId) : undefined;
  let recorded = false;
  const record = (outcome: 'ok' | 'error', text: string) => {
    recorded = true;
    deps.audit({
      at: Date.now(),
      hostId: plan.hostId,
      hostName: deps.hostName(plan.hostId),
      action: 'updates.container',
      target: `${plan.name} ${ref.reference} (previous image ${short(oldImageId)}): ${text}`,
      outcome,
      ...(outcome === 'error' ? { error: text } : {}),
    });
  };

  try {
    if (keep) {
      await docker.getImage(oldImageId).tag({ ...keep, abortSignal: ctl.signal } as never);
      ctl.output(
        `Kept the current image ${short(oldImageId)} as ${keep.repo}:${keep.tag} until the update is done.`,
      );
    } else ctl.output(`WARNING: ${plan.reason ?? 'no rollback is possible'}`);

    ctl.update({ phase: `Pulling ${ref.reference}` });
    const pulled = await pullImage(deps, plan.hostId, ref.reference, ctl);
    result.imageId = pulled.imageId;
    if (pulled.digest) result.digest = pulled.digest;
    if (pulled.imageId === oldImageId) {
      result.summary = `${plan.name} already runs the newest ${ref.reference}.`;
      ctl.update({ result });
      record('ok', 'already up to date');
      return result;
    }

    ctl.update({ phase: 'Recreating with the same configuration' });
    const spec = await runSpecOf(docker, plan.containerId, ctl);
    const before = await docker.getContainer(plan.containerId).inspect({ abortSignal: ctl.signal });
    const start = before.State.Running || before.State.Restarting;
    let failure: string | undefined;
    let newId: string | undefined;
    try {
      const created = await recreateContainer(
        docker,
        plan.containerId,
        spec,
        { start, timeoutSec: undefined },
        ctl,
      );
      newId = created.id;
      result.containerId = created.id;
      ctl.output(`Recreated ${plan.name} from ${short(pulled.imageId)}.`);
    } catch (e) {
      // The recreate path already put the old container back as it was.
      failure = toAppError(e).message;
      result.containerId = before.Id;
    }
    if (!failure && newId && start) {
      ctl.update({ phase: 'Waiting until it runs and is healthy', result });
      failure = await waitHealthy(docker, newId, deps.health(), ctl.signal);
    }
    if (!failure) {
      result.summary = `Updated ${plan.name} to ${short(pulled.imageId)} (was ${short(oldImageId)}).`;
      ctl.update({ result });
      ctl.output(result.summary);
      record('ok', `updated to ${short(pulled.imageId)}`);
      return result;
    }

    ctl.output(`The new image failed: ${failure}.`);
    if (!keep) {
      const message = `The update of ${plan.name} failed (${failure}) and could not be rolled back: ${plan.reason ?? ''}`;
      record('error', message);
      throw new AppError({ code: 'ENGINE_ERROR', message });
    }
    ctl.update({ phase: 'Rolling back' });
    // The tag goes back to the previous image, so the container keeps following the tag.
    await docker.getImage(oldImageId).tag({ repo: ref.ref.name, tag: ref.ref.tag ?? 'latest' } as never);
    if (newId) {
      // The failed container is replaced outright: stopping one caught in a restart loop races
      // the engine's own restarts ("Sandbox … not found").
      const calm = { signal: new AbortController().signal };
      await docker.getContainer(newId).remove({ force: true, v: false });
      const back = await createContainer(docker, spec, start, calm);
      result.containerId = back.id;
      ctl.output(`Recreated ${plan.name} from the previous image ${short(oldImageId)}.`);
    }
    result.rolledBack = true;
    result.summary = `Rolled back ${plan.name} to ${short(oldImageId)}: the new image ${short(pulled.imageId)} failed (${failure}).`;
    ctl.update({ result });
    record('error', result.summary);
    throw new AppError({
      code: 'ENGINE_ERROR',
      message: result.summary,
      data: { rolledBack: true, previousImageId: oldImageId, failedImageId: pulled.imageId },
    });
  } catch (e) {
    if (!recorded) record('error', toAppError(e).message);
    throw e;
  } finally {
    if (keep) await untagQuietly(docker, `${keep.repo}:${keep.tag}`);
    deps.onDone(plan.hostId);
  }
}
