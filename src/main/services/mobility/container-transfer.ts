import type Docker from 'dockerode';
import {
  AppError,
  type ContainerTransferPreflight,
  type RunSpec,
  type TaskView,
  type TransferProblem,
} from '@shared/contract';
import { createContainer, runSpecOf } from '../containers/create';
import { toCreateOptions } from '../containers/run-spec';
import { engineStatus } from '../../engine/engine-error';
import type { HelperRegistry } from '../volumes/volume-helper';
import { bindSourceExists } from './bind-probe';
import { copyImage } from './image-copy';
import { portHolder } from './port-clash';
import type { MobilityDeps } from './mobility-deps';
import {
  copyVolumes,
  imageOnTarget,
  refuseOrNote,
  removeCopiedVolumes,
  requireOtherHost,
  transferFailed,
  transferSummary,
  volumeToCopy,
} from './transfer-steps';

export interface ContainerTransferRequest {
  hostId: string;
  /** Container id or name on the source. */
  container: string;
  targetHostId: string;
  /** The name on the target; absent: the same name. */
  name?: string;
  mode: 'move' | 'clone';
  /** Move only: remove the source container once the target runs (its volumes stay). */
  removeSource: boolean;
}

const BUILTIN_NETWORKS = new Set(['default', 'bridge', 'host', 'none']);

interface Plan {
  spec: RunSpec;
  sourceId: string;
  sourceRunning: boolean;
  image: { id: string; ref: string; onTarget: boolean; size: number };
  volumes: Array<{ name: string; size: number | null; onTarget: boolean }>;
  problems: TransferProblem[];
}

async function plan(deps: MobilityDeps, req: ContainerTransferRequest, signal: AbortSignal): Promise<Plan> {
  requireOtherHost(req);
  const [src, dst] = await Promise.all([deps.docker(req.hostId), deps.docker(req.targetHostId)]);
  const info = await src
    .getContainer(req.container)
    .inspect({ abortSignal: signal })
    .catch((e: unknown) => {
      if (engineStatus(e) === 404) {
        throw new AppError({
          code: 'NOT_FOUND',
          message: `There is no container ${req.container} on ${deps.hostName(req.hostId)}.`,
        });
      }
      throw e;
    });
  const spec = await runSpecOf(src, info.Id, { signal });
  const name = req.name ?? info.Name.replace(/^\//, '');
  spec.name = name;
  const target = deps.hostName(req.targetHostId);
  const problems: TransferProblem[] = [];

  const image = await src.getImage(info.Image).inspect({ abortSignal: signal } as object);
  const ref = image.RepoTags?.find((t) => t === spec.image) ?? image.RepoTags?.[0] ?? image.Id;
  const onTarget = await imageOnTarget(dst, image.Id, signal);
  // The target runs the very image the source runs, by id, whatever the tag points at there.
  spec.image = ref;

  const [targetContainers, targetNetworks] = await Promise.all([
    dst.listContainers({ all: true, abortSignal: signal } as Docker.ContainerListOptions),
    dst.listNetworks({ abortSignal: signal } as object),
  ]);
  if (targetContainers.some((c) => c.Names.some((n) => n.replace(/^\//, '') === name))) {
    problems.push({
      field: 'name',
      blocking: true,
      message: `${target} already has a container named ${name}.`,
    });
  }
  for (const p of spec.ports) {
    if (!p.hostPort) continue;
    const clash = portHolder(targetContainers, { ...p, hostPort: p.hostPort });
    if (clash) {
      problems.push({
        field: `ports.${p.hostPort}/${p.protocol}`,
        blocking: true,
        message: `Port ${p.hostPort}/${p.protocol} is already published on ${target} by ${clash}.`,
      });
    }
  }
  if (
    spec.network &&
    !BUILTIN_NETWORKS.has(spec.network) &&
    !targetNetworks.some((n) => n.Name === spec.network)
  ) {
    problems.push({
      field: 'network',
      blocking: true,
      message: `Network ${spec.network} does not exist on ${target}: create it there first.`,
    });
  }
  const volumes: Plan['volumes'] = [];
  for (const m of spec.mounts) {
    if (m.type === 'bind') {
      if (!(await bindSourceExists(dst, m.source, signal))) {
        problems.push({
          field: `mounts.${m.target}`,
          blocking: true,
          message: `The bind-mounted path ${m.source} does not exist on ${target}; its files are not copied (only volumes are).`,
        });
      } else {
        problems.push({
          field: `mounts.${m.target}`,
          blocking: false,
          message: `${m.source} is bind-mounted: the path on ${target} is used as it is there, its files are not copied.`,
        });
      }
    } else if (!m.source) {
      problems.push({
        field: `mounts.${m.target}`,
        blocking: false,
        message: `An anonymous volume at ${m.target} starts empty on ${target}: its data is not copied.`,
      });
    } else {
      volumes.push(
        await volumeToCopy({ src, dst, target, signal }, m.source, `mounts.${m.target}`, problems),
      );
    }
  }
  return {
    spec,
    sourceId: info.Id,
    sourceRunning: info.State.Running,
    image: { id: image.Id, ref, onTarget, size: image.Size },
    volumes,
    problems,
  };
}

/** What Move / Clone shows before anything happens: what will be copied, and every clash. */
export async function containerTransferPreflight(
  deps: MobilityDeps,
  req: ContainerTransferRequest,
  signal: AbortSignal,
): Promise<ContainerTransferPreflight> {
  const p = await plan(deps, req, signal);
  return {
    name: p.spec.name ?? '',
    running: p.sourceRunning,
    image: { reference: p.image.ref, presentOnTarget: p.image.onTarget, size: p.image.size },
    volumes: p.volumes,
    problems: p.problems,
  };
}

/**
 * Moves or clones a container to another host: image (copied if missing), named volumes
 * (copied), configuration (the run spec), then create and start there and check it runs. Only a
 * move stops (and optionally removes) the source, and only after the target runs. Anything made
 * on the target is removed again if a later step fails, and the source is started again.
 */
export function startContainerTransfer(
  deps: MobilityDeps,
  helpers: HelperRegistry,
  req: ContainerTransferRequest,
): TaskView {
  const verb = req.mode === 'move' ? 'Move' : 'Clone';
  const target = deps.hostName(req.targetHostId);
  return deps.tasks.start(
    {
      kind: req.mode === 'move' ? 'container-move' : 'container-clone',
      hostId: req.hostId,
      targetHostId: req.targetHostId,
      title: `${verb} ${req.container} to ${target}`,
    },
    async (ctl) => {
      const [src, dst] = await Promise.all([deps.docker(req.hostId), deps.docker(req.targetHostId)]);
      const p = await plan(deps, req, ctl.signal);
      // The target's policy judges the container as if it were created there by hand.
      if (!p.problems.some((x) => x.blocking))
        deps.checkCreateBody(req.targetHostId, toCreateOptions(p.spec));
      refuseOrNote(ctl, p.problems, verb, target);
      const made: { volumes: string[]; container?: string } = { volumes: [] };
      // Volumes are copied from a stopped container, so the copy is consistent.
      const stopForCopy = p.sourceRunning && p.volumes.length > 0;
      let sourceStopped = false;
      try {
        if (!p.image.onTarget) await copyImage(ctl, src, dst, p.image.ref, p.image.size);
        if (stopForCopy) {
          ctl.output(
            `Stopping ${p.spec.name} on ${deps.hostName(req.hostId)} to copy its volumes consistently`,
          );
          await src.getContainer(p.sourceId).stop({ abortSignal: ctl.signal } as object);
          sourceStopped = true;
        }
        await copyVolumes(ctl, helpers, {
          src,
          dst,
          source: deps.hostName(req.hostId),
          target,
          volumes: p.volumes,
          made: made.volumes,
        });
        if (sourceStopped && req.mode === 'clone') {
          await src.getContainer(p.sourceId).start({ abortSignal: ctl.signal } as object);
          sourceStopped = false;
        }
        ctl.output(`Creating ${p.spec.name} on ${target}`);
        const created = await createContainer(dst, p.spec, false, { signal: ctl.signal });
        made.container = created.id;
        if (req.mode === 'move' && p.sourceRunning && !sourceStopped) {
          // Published ports may be the same: free them on the source only now.
          await src.getContainer(p.sourceId).stop({ abortSignal: ctl.signal } as object);
          sourceStopped = true;
        }
        if (p.sourceRunning) {
          await dst.getContainer(created.id).start({ abortSignal: ctl.signal } as object);
          await new Promise((r) => setTimeout(r, 1000));
          const state = (await dst.getContainer(created.id).inspect({ abortSignal: ctl.signal })).State;
          if (!state.Running) {
            throw new AppError({
              code: 'ENGINE_ERROR',
              message: `${p.spec.name} stopped right away on ${target} (exit code ${state.ExitCode}${state.Error ? `: ${state.Error}` : ''}).`,
            });
          }
          ctl.output(`${p.spec.name} runs on ${target}`);
        }
        if (req.mode === 'move' && req.removeSource) {
          await src.getContainer(p.sourceId).remove({ force: true, v: false } as object);
          ctl.output(`Removed ${p.spec.name} from ${deps.hostName(req.hostId)} (its volumes stay)`);
        }
        return {
          summary: transferSummary(req.mode, p.spec.name ?? req.container, target, made.volumes.length),
        };
      } catch (e) {
        const undo = AbortSignal.timeout(30_000);
        if (made.container) {
          await dst
            .getContainer(made.container)
            .remove({ force: true, abortSignal: undo } as object)
            .catch(() => undefined);
          ctl.output(`Removed the new container from ${target}`);
        }
        await removeCopiedVolumes(ctl, dst, made.volumes, target);
        if (sourceStopped) {
          await src
            .getContainer(p.sourceId)
            .start({ abortSignal: undo } as object)
            .then(() => ctl.output(`Started ${p.spec.name} again on ${deps.hostName(req.hostId)}`))
            .catch(() => ctl.output(`Could not start ${p.spec.name} again on ${deps.hostName(req.hostId)}`));
        }
        transferFailed(ctl, e, verb, target);
      }
    },
  );
}
