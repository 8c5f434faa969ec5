import type Docker from 'dockerode';
import { AppError, type SwarmFile, type SwarmFileCreate } from '@shared/contract';
import { engineStatus } from '../../engine/engine-error';
import { request, type Signal } from './engine';
import type { EngineService, EngineSwarmFile } from './engine-types';
import { toSwarmFile, usage } from './mapping';

export type FileKind = 'secret' | 'config';

/**
 * Secrets and configs: list (with the services using each), create, remove. Nothing here ever
 * reads a value back: the engine does not return a secret's data, and a config's data is dropped
 * by the mapping.
 */
export function fileService(docker: Docker, kind: FileKind) {
  const plural = `/${kind}s`;
  return {
    async list({ signal }: Signal): Promise<SwarmFile[]> {
      const [files, services] = await Promise.all([
        request<EngineSwarmFile[]>(docker, { path: plural, method: 'GET', signal }),
        request<EngineService[]>(docker, { path: '/services', method: 'GET', signal }),
      ]);
      const used = usage(services, kind);
      return files
        .map((f) => toSwarmFile(f, used.get(f.ID) ?? []))
        .sort((a, b) => a.name.localeCompare(b.name));
    },

    async create(input: Omit<SwarmFileCreate, 'hostId'>, { signal }: Signal): Promise<{ id: string }> {
      const bytes =
        input.encoding === 'base64' ? Buffer.from(input.data, 'base64') : Buffer.from(input.data, 'utf8');
      if (bytes.length === 0) {
        throw new AppError({ code: 'INVALID_INPUT', message: `A ${kind} needs a value; this one is empty.` });
      }
      try {
        const res = await request<{ ID: string }>(docker, {
          path: `${plural}/create`,
          method: 'POST',
          json: { Name: input.name, Labels: input.labels ?? {}, Data: bytes.toString('base64') },
          ok: [201],
          signal,
        });
        return { id: res.ID };
      } catch (e) {
        if (engineStatus(e) === 409) {
          throw new AppError({
            code: 'CONFLICT',
            message: `A ${kind} named "${input.name}" already exists.`,
          });
        }
        throw e;
      }
    },

    async remove(id: string, { signal }: Signal): Promise<void> {
      const services = await request<EngineService[]>(docker, { path: '/services', method: 'GET', signal });
      const users = [...usage(services, kind).entries()]
        .filter(([fid]) => fid === id || fid.startsWith(id))
        .flatMap(([, names]) => names);
      if (users.length) {
        throw new AppError({
          code: 'CONFLICT',
          message: `This ${kind} is in use by ${users.join(', ')}; remove it from ${users.length === 1 ? 'that service' : 'those services'} first.`,
        });
      }
      await request(docker, { path: `${plural}/${id}`, method: 'DELETE', ok: [204], signal });
    },
  };
}
