import type Docker from 'dockerode';
import type { UpdatePlan } from '@shared/contract';
import { toAppError } from '../../errors/to-app-error';
import { classifyReference } from './image-digests';
import { unkeptSettings } from './unkept-settings';

/** The plan of a container that cannot be read at all: nothing can be done, and why. */
export function unplannable(hostId: string, id: string, reason: string): UpdatePlan {
  return { hostId, containerId: id, name: id, image: '', canUpdate: false, canRollBack: false, reason };
}

/**
 * What updating one container would do, read before anything changes: whether it can run at
 * all, and whether its current image is still on the host to go back to.
 */
export async function planUpdate(
  docker: Docker,
  hostId: string,
  id: string,
  signal: AbortSignal,
): Promise<UpdatePlan> {
  let info: Docker.ContainerInspectInfo;
  try {
    info = await docker.getContainer(id).inspect({ abortSignal: signal });
  } catch (e) {
    return unplannable(hostId, id, toAppError(e).message);
  }
  const plan: UpdatePlan = {
    hostId,
    containerId: info.Id,
    name: info.Name.replace(/^\//, ''),
    image: info.Config.Image,
    currentImageId: info.Image,
    canUpdate: true,
    canRollBack: true,
  };
  const ref = classifyReference(info.Config.Image);
  if (ref.kind !== 'tag') return { ...plan, canUpdate: false, canRollBack: false, reason: ref.reason };
  const running = info.State.Running || info.State.Restarting;
  if (running && info.HostConfig?.AutoRemove) {
    return {
      ...plan,
      canUpdate: false,
      canRollBack: false,
      reason: 'It was started with auto-remove: stopping it would delete it, so it cannot be recreated.',
    };
  }
  const image = await docker
    .getImage(info.Image)
    .inspect({ abortSignal: signal } as Docker.ImageInspectOptions)
    .catch(() => undefined);
  const unkept = unkeptSettings(info, (image?.Config as { Healthcheck?: unknown } | undefined)?.Healthcheck);
  if (unkept.length > 0) {
    return {
      ...plan,
      canUpdate: false,
      canRollBack: false,
      reason: `Recreating it would drop settings the run form does not carry: ${unkept.join(', ')}. Update it with the tool that created it.`,
    };
  }
  if (!image) {
    return {
      ...plan,
      canRollBack: false,
      reason:
        'Its current image was deleted from the host: if the new one fails there is nothing to go back to.',
    };
  }
  return plan;
}
