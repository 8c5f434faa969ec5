import { pipeline } from 'node:stream';
import { AppError, type BuildInput, type TaskView } from '@shared/contract';
import { toAppError } from '../../errors/to-app-error';
import { engineErrorText } from '../../engine/engine-error';
import { packBuildContext } from './build-context';
import { BuildOutput } from './build-output';
import { byteCounter } from './byte-counter';
import { humanBytes } from './bytes';
import { engineStream } from '../../engine/request';
import type { TaskControl } from '../tasks/task-registry';
import type { ImageTaskDeps } from './image-task-deps';
import { readJsonLines } from '../../engine/progress-stream';

export type BuildRequest = Required<Omit<BuildInput, 'target'>> & { target?: string };

/** A context that could not be read names the file, not "the socket". */
function contextError(e: unknown, contextPath: string): AppError {
  const shape = toAppError(e);
  const err = e as NodeJS.ErrnoException;
  const where = err.path ?? contextPath;
  if (err.code === 'EACCES' || err.code === 'EPERM') {
    return new AppError({
      code: 'PERMISSION_DENIED',
      message: `Berthmaster may not read ${where} in the build context.`,
    });
  }
  return new AppError({
    ...shape,
    message: `The build context could not be read (${where}): ${shape.message}`,
  });
}

/**
 * Builds on an engine with the classic builder: the context folder is packed into a tar while it
 * uploads (honouring .dockerignore), the output is followed line by line, and a failing step is
 * reported with its number and instruction.
 */
export function startBuild(deps: ImageTaskDeps, input: BuildRequest): TaskView {
  const name = input.tags[0] ?? input.contextPath;
  return deps.tasks.start(
    { kind: 'build', hostId: input.hostId, title: `Build ${name}`, phase: 'Packing the context…' },
    (ctl) => buildImage(deps, input, ctl),
  );
}

/** Runs one build inside a running task (a build task, or a stack's apply). */
export async function buildImage(
  deps: ImageTaskDeps,
  input: BuildRequest,
  ctl: TaskControl,
): Promise<NonNullable<TaskView['result']>> {
  const docker = await deps.docker(input.hostId);
  const context = await packBuildContext(input.contextPath, input.dockerfile);
  ctl.output(
    `Context ${input.contextPath} (Dockerfile ${context.dockerfile}${context.ignorePatterns ? `, ${context.ignorePatterns} .dockerignore patterns` : ''})`,
  );
  let packError: unknown;
  context.stream.once('error', (e) => {
    packError = e;
  });
  const counter = byteCounter((bytes) =>
    ctl.update({
      phase: `Sending the context: ${humanBytes(bytes)}`,
      progress: { fraction: null, bytes },
    }),
  );
  // pipeline (not pipe): a read error in the context destroys the upload, and nothing leaks.
  pipeline(context.stream, counter, () => undefined);

  const out = new BuildOutput();
  let failure: AppError | undefined;
  let res;
  try {
    res = await engineStream(docker, {
      path: '/build',
      method: 'POST',
      query: {
        t: input.tags,
        dockerfile: context.dockerfile,
        buildargs: JSON.stringify(input.buildArgs),
        labels: JSON.stringify(input.labels),
        target: input.target,
        nocache: input.noCache,
        pull: input.pull,
        rm: true,
        forcerm: true,
        version: '1',
      },
      body: counter,
      signal: ctl.signal,
    });
  } catch (e) {
    counter.destroy();
    if (packError) throw contextError(packError, input.contextPath);
    const text = ctl.signal.aborted ? undefined : engineErrorText(e);
    if (text !== undefined)
      throw new AppError({ ...toAppError(e), message: `The engine refused the build: ${text}` });
    throw e;
  }
  ctl.output(`Context sent: ${humanBytes(counter.bytes)}`);
  const onAbort = () => res.destroy();
  ctl.signal.addEventListener('abort', onAbort, { once: true });
  try {
    await readJsonLines(res, (ev) => {
      const { lines, error } = out.apply(ev);
      for (const l of lines) ctl.output(l);
      if (error) failure ??= error;
      if (out.step) {
        ctl.update({
          step: out.step,
          phase: `Step ${out.step.index}/${out.step.total}: ${out.step.instruction}`,
          progress: { fraction: (out.step.index - 1) / out.step.total, bytes: counter.bytes },
        });
      }
    });
  } finally {
    ctl.signal.removeEventListener('abort', onAbort);
  }
  for (const l of out.flush()) ctl.output(l);
  if (failure) throw failure;
  if (!out.imageId)
    throw new AppError({ code: 'ENGINE_ERROR', message: 'The engine ended the build without an image.' });
  return {
    imageId: out.imageId,
    summary: input.tags.length
      ? `Built ${input.tags.join(', ')}`
      : `Built ${out.imageId.replace(/^sha256:/, '').slice(0, 12)}`,
  };
}
