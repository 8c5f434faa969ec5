import { readFileSync } from 'node:fs';
import type Docker from 'dockerode';
import { pack } from 'tar-stream';
import {
  AppError,
  type StackFileObject,
  type StackFileRef,
  type StackProject,
  type StackService,
} from '@shared/contract';

function contentOf(obj: StackFileObject, service: string, kind: string): Buffer {
  if (obj.content !== undefined) return Buffer.from(obj.content);
  if (!obj.file) {
    throw new AppError({
      code: 'INVALID_INPUT',
      message: `services.${service}.${kind}: "${obj.key}" is external, which only a swarm provides.`,
    });
  }
  try {
    return readFileSync(obj.file);
  } catch {
    throw new AppError({
      code: 'NOT_FOUND',
      message: `services.${service}.${kind}: the file of "${obj.key}" (${obj.file}) cannot be read.`,
    });
  }
}

/**
 * File-based secrets and configs on a plain engine: copied into the created container (before it
 * starts) through the archive API, because a bind mount of a file on the user's machine means
 * nothing to a remote engine. Targets are absolute (/run/secrets/x for secrets).
 */
export async function injectFiles(
  docker: Docker,
  containerId: string,
  project: StackProject,
  service: StackService,
  signal: AbortSignal,
): Promise<void> {
  const entries: Array<{ ref: StackFileRef; data: Buffer }> = [];
  for (const ref of service.secrets) {
    const obj = project.secrets.find((s) => s.key === ref.key)!;
    entries.push({ ref, data: contentOf(obj, service.name, 'secrets') });
  }
  for (const ref of service.configs) {
    const obj = project.configs.find((s) => s.key === ref.key)!;
    entries.push({ ref, data: contentOf(obj, service.name, 'configs') });
  }
  if (!entries.length) return;
  const tar = pack();
  for (const { ref, data } of entries) {
    tar.entry(
      {
        name: ref.target.replace(/^\//, ''),
        mode: ref.mode ?? 0o444,
        ...(ref.uid !== undefined ? { uid: Number(ref.uid) } : {}),
        ...(ref.gid !== undefined ? { gid: Number(ref.gid) } : {}),
      },
      data,
    );
  }
  tar.finalize();
  await docker
    .getContainer(containerId)
    .putArchive(tar as unknown as NodeJS.ReadableStream, { path: '/', abortSignal: signal } as never);
}
