import type Docker from 'dockerode';
import {
  AppError,
  type StackProject,
  type StackTransferPreflight,
  type TaskView,
  type TransferProblem,
} from '@shared/contract';
import { engineStatus, engineText } from '../../engine/engine-error';
import { reconstructCompose } from '../stacks/adopt';
import { L } from '../stacks/labels';
import type { FilesInput } from '../stacks/stack-service';
import type { TaskControl } from '../tasks/task-registry';
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

export interface StackTransferRequest {
  hostId: string;
  project: string;
  targetHostId: string;
  mode: 'move' | 'clone';
  /** Move only: take the project down on the source once it runs on the target (volumes stay). */
  removeSource: boolean;
}

interface Plan {
  files: FilesInput;
  file: StackTransferPreflight['file'];
  /** The source's running containers of the project. */
  running: Array<{ id: string; name: string }>;
  images: StackTransferPreflight['images'];
  volumes: Array<StackTransferPreflight['volumes'][number] & { labels: Record<string, string> }>;
  problems: TransferProblem[];
}

const notFound = (e: unknown) => {
  if (engineStatus(e) === 404) return null;
  throw e;
};

async function projectContainers(docker: Docker, project: string, signal: AbortSignal) {
  const list = await docker.listContainers({
    all: true,
    filters: { label: [`${L.project}=${project}`] },
    abortSignal: signal,
  } as Docker.ContainerListOptions);
  return list.filter((c) => c.Labels[L.oneoff] !== 'True');
}

const nameOf = (c: Docker.ContainerInfo) => (c.Names[0] ?? c.Id.slice(0, 12)).replace(/^\//, '');

/** Images the services run, each looked up on the source and (by id) on the target. */
async function imagesOf(
  project: StackProject,
  src: Docker,
  dst: Docker,
  problems: TransferProblem[],
  signal: AbortSignal,
): Promise<Plan['images']> {
  const users = new Map<string, string[]>();
  for (const s of project.services) users.set(s.image, [...(users.get(s.image) ?? []), s.name]);
  const images: Plan['images'] = [];
  for (const [reference, services] of users) {
    const image = await src
      .getImage(reference)
      .inspect({ abortSignal: signal } as object)
      .catch(notFound);
    if (!image) {
      const built = project.services.some((s) => s.image === reference && s.build);
      problems.push({
        field: `services.${services[0]}.image`,
        blocking: false,
        message: `${reference} is not on the source: the target ${built ? 'builds' : 'pulls'} it.`,
      });
      continue;
    }
    const presentOnTarget = await imageOnTarget(dst, image.Id, signal);
    images.push({ reference, services, presentOnTarget, size: image.Size });
  }
  return images;
}

/** Bind mounts are host paths: their files never move, and a missing one is reported. */
async function bindProblems(project: StackProject, dst: Docker, target: string, signal: AbortSignal) {
  const problems: TransferProblem[] = [];
  for (const s of project.services) {
    for (const m of s.mounts) {
      const field = `services.${s.name}.volumes.${m.target}`;
      if (m.type === 'volume' && !m.source) {
        problems.push({
          field,
          blocking: false,
          message: `An anonymous volume of ${s.name} at ${m.target} starts empty on ${target}: its data is not copied.`,
        });
      }
      if (m.type !== 'bind') continue;
      const exists = await bindSourceExists(dst, m.source, signal);
      problems.push(
        exists || m.createHostPath
          ? {
              field,
              blocking: false,
              message: `${m.source} is bind-mounted by ${s.name}: ${exists ? `the path on ${target} is used as it is there` : `it is created empty on ${target}`}; its files are not copied.`,
            }
          : {
              field,
              blocking: true,
              message: `The bind-mounted path ${m.source} (${s.name}) does not exist on ${target}; its files are not copied (only volumes are).`,
            },
      );
    }
  }
  return problems;
}

async function plan(deps: MobilityDeps, req: StackTransferRequest, signal: AbortSignal): Promise<Plan> {
  requireOtherHost(req);
  const [src, dst, srcStacks, dstStacks] = await Promise.all([
    deps.docker(req.hostId),
    deps.docker(req.targetHostId),
    deps.stacks(req.hostId),
    deps.stacks(req.targetHostId),
  ]);
  const target = deps.hostName(req.targetHostId);
  const sourceContainers = await projectContainers(src, req.project, signal);
  if (!sourceContainers.length) {
    throw new AppError({
      code: 'NOT_FOUND',
      message: `There is no compose project ${req.project} on ${deps.hostName(req.hostId)}.`,
    });
  }
  const problems: TransferProblem[] = [];
  const stored = await srcStacks.stored(req.project);
  let files: FilesInput;
  if (stored) {
    files = {
      composeYaml: stored.composeYaml,
      envText: stored.envText,
      profiles: stored.profiles,
      workingDir: stored.workingDir,
    };
  } else {
    // A project found on the host (not deployed here): its file is rebuilt from the containers.
    const rebuilt = await reconstructCompose(src, req.project, signal);
    files = { composeYaml: rebuilt.composeYaml, envText: '', profiles: [] };
    for (const note of rebuilt.notes) problems.push({ field: 'file', blocking: false, message: note });
  }
  const base = {
    files,
    file: stored ? ('stored' as const) : ('reconstructed' as const),
    running: sourceContainers
      .filter((c) => c.State === 'running')
      .map((c) => ({ id: c.Id, name: nameOf(c) })),
  };

  const targetContainers = await dst.listContainers({
    all: true,
    abortSignal: signal,
  } as Docker.ContainerListOptions);
  if (targetContainers.some((c) => c.Labels[L.project] === req.project)) {
    problems.push({
      field: 'name',
      blocking: true,
      message: `${target} already has a compose project named ${req.project}.`,
    });
  }
  const { load, plan: targetPlan } = await dstStacks.plan(
    req.project,
    files,
    { pull: 'missing', removeOrphans: false },
    signal,
  );
  for (const d of load.diagnostics.filter((x) => x.severity === 'error')) {
    problems.push({
      field: 'file',
      blocking: true,
      message: `The compose file does not load: ${d.at ? `line ${d.at.line}: ` : ''}${d.message}`,
    });
  }
  for (const u of load.unsupported) {
    problems.push({ field: u.path, blocking: false, message: `${u.path} is not applied: ${u.reason}.` });
  }
  const project = load.project;
  if (!project || !targetPlan) return { ...base, images: [], volumes: [], problems };

  const volumes: Plan['volumes'] = [];
  for (const v of project.volumes) {
    const onSource = await src.getVolume(v.name).inspect({ abortSignal: signal }).catch(notFound);
    if (!onSource) continue; // made empty on the target, as on a first deploy
    const copy = await volumeToCopy({ src, dst, target, signal }, v.name, `volumes.${v.key}`, problems);
    volumes.push({ ...copy, labels: onSource.Labels ?? {} });
  }
  // An external volume missing on the target is fine when it is one that gets copied.
  const copied = volumes.map((v) => `"${v.name}"`);
  for (const b of targetPlan.blockers) {
    if (b.field === 'volumes' && copied.some((n) => b.message.includes(n))) continue;
    if (b.field === 'ports') continue; // checked below for every service, as the plan skips unchanged ones
    problems.push({
      field: b.service ? `services.${b.service}.${b.field}` : b.field,
      blocking: true,
      message: b.message.replace(/on the host/, `on ${target}`),
    });
  }
  for (const s of project.services) {
    for (const p of s.ports) {
      if (p.published === undefined) continue;
      const holder = portHolder(targetContainers, { ...p, hostPort: p.published });
      if (holder) {
        problems.push({
          field: `services.${s.name}.ports`,
          blocking: true,
          message: `Port ${p.published}/${p.protocol} of ${s.name} is already published on ${target} by ${holder}.`,
        });
      }
    }
  }
  const taken = new Set(targetContainers.flatMap((c) => c.Names.map((n) => n.replace(/^\//, ''))));
  for (const s of project.services) {
    if (s.containerName && taken.has(s.containerName)) {
      problems.push({
        field: `services.${s.name}.container_name`,
        blocking: true,
        message: `${target} already has a container named ${s.containerName}.`,
      });
    }
  }
  const images = await imagesOf(project, src, dst, problems, signal);
  problems.push(...(await bindProblems(project, dst, target, signal)));
  return { ...base, images, volumes, problems };
}

/** What Move / Clone of a project shows before anything happens: what is copied, and every clash. */
export async function stackTransferPreflight(
  deps: MobilityDeps,
  req: StackTransferRequest,
  signal: AbortSignal,
): Promise<StackTransferPreflight> {
  const p = await plan(deps, req, signal);
  return {
    project: req.project,
    file: p.file,
    composeYaml: p.files.composeYaml,
    running: p.running.length > 0,
    images: p.images,
    volumes: p.volumes.map(({ name, size, onTarget }) => ({ name, size, onTarget })),
    problems: p.problems,
  };
}

/** Every container of the project on the target runs a moment after the deploy. */
async function verifyRunning(dst: Docker, project: string, target: string, signal: AbortSignal) {
  await new Promise((r) => setTimeout(r, 1000));
  const list = await projectContainers(dst, project, signal);
  const down = list.filter((c) => c.State !== 'running');
  if (!list.length || down.length) {
    throw new AppError({
      code: 'ENGINE_ERROR',
      message: list.length
        ? `${down.map((c) => `${nameOf(c)} (${c.Status})`).join(', ')} stopped right away on ${target}.`
        : `No container of ${project} was made on ${target}.`,
    });
  }
}

async function setRunning(
  docker: Docker,
  list: Array<{ id: string }>,
  action: 'stop' | 'start',
  signal: AbortSignal,
) {
  await Promise.all(
    list.map(async (c) => {
      const container = docker.getContainer(c.id);
      const opts = { abortSignal: signal } as object;
      await (action === 'stop' ? container.stop(opts) : container.start(opts)).catch((e: unknown) => {
        if (engineStatus(e) !== 304) throw e; // already so
      });
    }),
  );
}

/**
 * Moves or clones a compose project to another host: its file (stored, or rebuilt from the
 * containers), its images (copied when missing), its named volumes (copied, from stopped
 * containers so the copy is consistent), then a deploy through the stacks service there and a
 * check that it runs. Only a move stops (and optionally takes down) the source, and only after
 * the target runs; a failure takes down what was made on the target and starts the source again.
 */
export function startStackTransfer(
  deps: MobilityDeps,
  helpers: HelperRegistry,
  req: StackTransferRequest,
): TaskView {
  const verb = req.mode === 'move' ? 'Move' : 'Clone';
  const target = deps.hostName(req.targetHostId);
  const source = deps.hostName(req.hostId);
  return deps.tasks.start(
    {
      kind: req.mode === 'move' ? 'stack-move' : 'stack-clone',
      hostId: req.hostId,
      targetHostId: req.targetHostId,
      title: `${verb} project ${req.project} to ${target}`,
    },
    async (ctl) => {
      const [src, dst, srcStacks, dstStacks] = await Promise.all([
        deps.docker(req.hostId),
        deps.docker(req.targetHostId),
        deps.stacks(req.hostId),
        deps.stacks(req.targetHostId),
      ]);
      const p = await plan(deps, req, ctl.signal);
      refuseOrNote(ctl, p.problems, verb, target);
      const made = { volumes: [] as string[], deployed: false };
      let stopped: Plan['running'] = [];
      try {
        for (const image of p.images.filter((i) => !i.presentOnTarget)) {
          ctl.update({ phase: `Copying image ${image.reference}` });
          await copyImage(ctl, src, dst, image.reference, image.size ?? 0);
        }
        if (p.volumes.length && p.running.length) {
          ctl.output(`Stopping ${req.project} on ${source} to copy its volumes consistently`);
          await setRunning(src, p.running, 'stop', ctl.signal);
          stopped = p.running;
        }
        await copyVolumes(ctl, helpers, { src, dst, source, target, volumes: p.volumes, made: made.volumes });
        if (stopped.length && req.mode === 'clone') {
          await setRunning(src, stopped, 'start', ctl.signal);
          stopped = [];
        }
        ctl.output(`Deploying ${req.project} on ${target}`);
        made.deployed = true;
        await dstStacks.up(req.project, p.files, { pull: 'missing', removeOrphans: false }, ctl);
        if (p.running.length) {
          await verifyRunning(dst, req.project, target, ctl.signal);
          ctl.output(`${req.project} runs on ${target}`);
        }
        if (req.mode === 'move') {
          const still = p.running.filter((r) => !stopped.includes(r));
          await setRunning(src, still, 'stop', ctl.signal);
          stopped = p.running;
          ctl.output(`Stopped ${req.project} on ${source}`);
          if (req.removeSource) {
            await srcStacks.down(req.project, { volumes: false }, ctl);
            await deps.forgetStack(req.hostId, req.project);
            stopped = [];
            ctl.output(`Took ${req.project} down on ${source} (its volumes stay)`);
          }
        }
        return { summary: transferSummary(req.mode, req.project, target, made.volumes.length) };
      } catch (e) {
        await undo(ctl, { dst, dstStacks, src, stopped, made, req, deps, source, target });
        transferFailed(ctl, e, verb, target);
      }
    },
  );
}

/** After a failure: nothing of the project is left on the target, and the source runs again. */
async function undo(
  ctl: TaskControl,
  u: {
    dst: Docker;
    src: Docker;
    dstStacks: Awaited<ReturnType<MobilityDeps['stacks']>>;
    stopped: Plan['running'];
    made: { volumes: string[]; deployed: boolean };
    req: StackTransferRequest;
    deps: MobilityDeps;
    source: string;
    target: string;
  },
) {
  const signal = AbortSignal.timeout(60_000);
  const quiet: TaskControl = { id: ctl.id, signal, update: () => undefined, output: () => undefined };
  if (u.made.deployed) {
    await u.dstStacks.down(u.req.project, { volumes: false }, quiet).then(
      () => ctl.output(`Took ${u.req.project} down on ${u.target} again`),
      (e: unknown) => ctl.output(`Could not take ${u.req.project} down on ${u.target}: ${engineText(e)}`),
    );
    await u.deps.forgetStack(u.req.targetHostId, u.req.project).catch(() => undefined);
  }
  await removeCopiedVolumes(ctl, u.dst, u.made.volumes, u.target);
  if (u.stopped.length) {
    await setRunning(u.src, u.stopped, 'start', signal).then(
      () => ctl.output(`Started ${u.req.project} again on ${u.source}`),
      (e: unknown) => ctl.output(`Could not start ${u.req.project} again on ${u.source}: ${engineText(e)}`),
    );
  }
}
