import type Docker from 'dockerode';
import { AppError } from '@shared/contract';
import { engineJson, type EngineRequest } from '../../engine/request';
import { engineStatus, engineText, sentence } from '../../engine/engine-error';
import type { EngineSwarmInfo } from './engine-types';

export type Signal = { signal: AbortSignal };

/** GET/POST/DELETE against the engine with a JSON answer; a thin alias for readability. */
export function request<T>(docker: Docker, req: EngineRequest): Promise<T> {
  return engineJson<T>(docker, req).catch((e: unknown) => {
    throw refine(e);
  });
}

/**
 * Swarm-specific engine answers turned into the right codes: a stale version is a conflict (the
 * object changed since the user loaded it), not an engine failure.
 */
function refine(e: unknown): unknown {
  const status = engineStatus(e);
  if (status === undefined) return e;
  const text = engineText(e);
  if (/update out of sequence/i.test(text)) {
    return new AppError({
      code: 'CONFLICT',
      message: 'It changed since you loaded it (someone else updated it); reload and try again.',
      detail: text,
    });
  }
  if (status === 503 && /not a swarm manager|not part of a swarm/i.test(text)) {
    return new AppError({ code: 'CONFLICT', message: sentence(text) });
  }
  return e;
}

export function readInfo(docker: Docker, signal: AbortSignal): Promise<EngineSwarmInfo> {
  return request<EngineSwarmInfo>(docker, { path: '/info', method: 'GET', signal });
}

/** Engine filters as the API takes them: JSON of map[string][]string. */
export function filters(f: Record<string, string[] | undefined>): string | undefined {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(f)) if (v?.length) out[k] = v;
  return Object.keys(out).length ? JSON.stringify(out) : undefined;
}
