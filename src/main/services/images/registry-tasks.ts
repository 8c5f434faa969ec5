import type Docker from 'dockerode';
import { AppError, formatReference, parseImageReference, type TaskView } from '@shared/contract';
import { engineErrorText, registryError, type RegistryOperation } from '../registries/registry-errors';
import type { TaskControl } from '../tasks/task-registry';
import { engineStream, type AuthConfig, type EngineRequest } from './engine-request';
import type { ImageTaskDeps } from './image-task-deps';
import { readJsonLines, type EngineProgress } from './json-lines';
import { LayerProgress } from './layer-progress';

/** Per-byte progress words: shown as bars, not printed as output lines. */
const NOISY = new Set(['Downloading', 'Extracting', 'Pushing', 'Waiting']);

function parse(reference: string) {
  const parsed = parseImageReference(reference);
  if (!parsed.ok) throw new AppError({ code: 'INVALID_INPUT', message: parsed.reason });
  return parsed.ref;
}

async function describeLogin(
  deps: ImageTaskDeps,
  hostId: string,
  registry: string,
  ctl: TaskControl,
): Promise<AuthConfig> {
  const { auth, login } = await deps.registries.authFor(registry, deps.credentialTarget(hostId));
  ctl.output(
    login
      ? `Using the stored login of ${login.username || '(token)'} for ${login.address}.`
      : `No stored login for ${registry}: going without credentials.`,
  );
  return auth;
}

/**
 * Runs a pull or push request and follows its progress. The engine answers 200 and then reports
 * failure in-band, so every line is checked for `error`; HTTP errors before the stream are the
 * other half. Both become the same three cases: not found, unauthorized, unreachable.
 */
async function followRegistryStream(
  op: RegistryOperation,
  subject: string,
  docker: Docker,
  request: EngineRequest,
  ctl: TaskControl,
  onEvent: (ev: EngineProgress) => void,
): Promise<void> {
  const sentLogin = Object.keys(request.auth ?? {}).length > 0;
  let res;
  try {
    res = await engineStream(docker, request);
  } catch (e) {
    const text = ctl.signal.aborted ? undefined : engineErrorText(e);
    if (text !== undefined) throw registryError(op, subject, text, sentLogin);
    throw e;
  }
  const progress = new LayerProgress(op === 'push' ? 'push' : 'pull');
  const lastStatus = new Map<string, string>();
  let failure: AppError | undefined;
  const onAbort = () => res.destroy();
  ctl.signal.addEventListener('abort', onAbort, { once: true });
  try {
    await readJsonLines(res, (ev) => {
      if (ev.error || ev.errorDetail) {
        const message = ev.errorDetail?.message ?? ev.error ?? 'unknown error';
        ctl.output(`ERROR: ${message}`);
        failure ??= registryError(op, subject, message, sentLogin);
        return;
      }
      if (progress.apply(ev)) {
        const view = progress.view();
        ctl.update({ layers: view.layers, progress: { fraction: view.fraction }, phase: view.phase });
        if (ev.id && ev.status && !NOISY.has(ev.status) && lastStatus.get(ev.id) !== ev.status) {
          ctl.output(`${ev.id}: ${ev.status}`);
        }
        if (ev.id && ev.status) lastStatus.set(ev.id, ev.status);
        return;
      }
      onEvent(ev);
      if (ev.status) ctl.output(ev.id ? `${ev.id}: ${ev.status}` : ev.status);
      else if (ev.stream) ctl.output(ev.stream.replace(/\n$/, ''));
    });
  } finally {
    ctl.signal.removeEventListener('abort', onAbort);
  }
  if (failure) throw failure;
}

/** Pulls one image inside a running task (a pull task, or a stack's apply), with the stored login. */
export async function pullImage(
  deps: ImageTaskDeps,
  hostId: string,
  reference: string,
  ctl: TaskControl,
): Promise<NonNullable<TaskView['result']>> {
  const ref = parse(reference);
  const subject = formatReference(ref);
  const docker = await deps.docker(hostId);
  const auth = await describeLogin(deps, hostId, ref.registry, ctl);
  let digest: string | undefined;
  let summary: string | undefined;
  await followRegistryStream(
    'pull',
    subject,
    docker,
    {
      path: '/images/create',
      method: 'POST',
      // Without a tag the engine would pull every tag of the repository.
      query: { fromImage: ref.name, tag: ref.digest ?? ref.tag ?? 'latest' },
      auth,
      signal: ctl.signal,
    },
    ctl,
    (ev) => {
      const d = /^Digest: (\S+)/.exec(ev.status ?? '');
      if (d) digest = d[1];
      if (ev.status?.startsWith('Status: ')) summary = ev.status.slice('Status: '.length);
    },
  );
  const inspect = (await docker.getImage(subject).inspect()) as Docker.ImageInspectInfo;
  const result: NonNullable<TaskView['result']> = { imageId: inspect.Id };
  if (digest) result.digest = digest;
  result.summary = summary ?? `Pulled ${subject}`;
  return result;
}

export function startPull(deps: ImageTaskDeps, hostId: string, reference: string): TaskView {
  const subject = formatReference(parse(reference));
  return deps.tasks.start({ kind: 'pull', hostId, title: `Pull ${subject}`, phase: 'Connecting…' }, (ctl) =>
    pullImage(deps, hostId, reference, ctl),
  );
}

export function startPush(deps: ImageTaskDeps, hostId: string, reference: string): TaskView {
  const ref = parse(reference);
  const tag = ref.tag ?? 'latest';
  const subject = `${ref.name}:${tag}`;
  return deps.tasks.start(
    { kind: 'push', hostId, title: `Push ${subject}`, phase: 'Connecting…' },
    async (ctl) => {
      const docker = await deps.docker(hostId);
      const auth = await describeLogin(deps, hostId, ref.registry, ctl);
      let digest: string | undefined;
      await followRegistryStream(
        'push',
        subject,
        docker,
        // The engine insists on X-Registry-Auth for a push: `{}` when there is no login.
        { path: `/images/${ref.name}/push`, method: 'POST', query: { tag }, auth, signal: ctl.signal },
        ctl,
        (ev) => {
          if (ev.aux?.Digest) digest = ev.aux.Digest;
        },
      );
      const result: NonNullable<TaskView['result']> = { summary: `Pushed ${subject}` };
      if (digest) result.digest = digest;
      return result;
    },
  );
}
