import { randomBytes } from 'node:crypto';
import type Docker from 'dockerode';
import { engineText } from '../../engine/engine-error';
import { pickImage } from '../volumes/volume-helper';
import { timedCall } from '../../engine/timed-call';

/** Does `path` exist on the target's machine? The engine refuses a bind mount of a missing path. */
export async function bindSourceExists(dst: Docker, source: string, signal: AbortSignal): Promise<boolean> {
  const image = await pickImage(dst, signal).catch(() => undefined);
  if (!image) return true; // nothing to probe with; create will report it
  try {
    const probe = await timedCall(
      'Checking a bind path on the target',
      (s) =>
        dst.createContainer({
          name: `berthmaster-bind-probe-${randomBytes(4).toString('hex')}`,
          Image: image,
          Entrypoint: ['/berthmaster-helper-never-started'],
          Cmd: [],
          Labels: { 'berthmaster.helper': 'bind-probe' },
          HostConfig: {
            NetworkMode: 'none',
            Mounts: [{ Type: 'bind', Source: source, Target: '/probe', ReadOnly: true }],
          },
          abortSignal: s,
        } as unknown as Docker.ContainerCreateOptions),
      { signal, late: (late) => void late.remove({ force: true }).catch(() => undefined) },
    );
    await timedCall('Removing the bind probe', (s) =>
      probe.remove({ force: true, abortSignal: s } as object),
    ).catch(() => undefined);
    return true;
  } catch (e) {
    if (/bind source path does not exist|no such file/i.test(engineText(e))) return false;
    throw e;
  }
}
