import type Docker from 'dockerode';
import type { AppErrorShape } from '@shared/contract';
import { engineJson, type AuthConfig } from '../../engine/request';
import { engineErrorText } from '../../engine/engine-error';

/** Longest wait for one distribution call: the engine asks the registry on our behalf. */
export const DISTRIBUTION_TIMEOUT_MS = 20_000;
/** How long to leave a registry alone after a 429 that named no time. */
export const DEFAULT_RATE_LIMIT_MS = 15 * 60_000;

export type DistributionAnswer =
  { ok: true; digest: string } | { ok: false; rateLimitedMs?: number; error: AppErrorShape };

interface DistributionInspect {
  Descriptor?: { digest?: string };
}

/** "Retry-After: 120", "retry after 2m30s", "try again in 60 seconds" → ms; undefined when absent. */
export function retryAfterMs(text: string): number | undefined {
  const secs = /retry[- ]after:?\s*(\d+)\b(?!\s*[mh])/i.exec(text) ?? /in (\d+) ?s(ec|econds)?\b/i.exec(text);
  if (secs) return Number(secs[1]) * 1000;
  const go = /(\d+)m(\d+)?s?/.exec(text);
  if (go && /retry|again|wait/i.test(text)) return (Number(go[1]) * 60 + Number(go[2] ?? 0)) * 1000;
  return undefined;
}

function isRateLimit(status: number | undefined, text: string): boolean {
  return status === 429 || /toomanyrequests|too many requests|rate limit|\b429\b/i.test(text);
}

/**
 * GET /distribution/{reference}/json: the engine asks the registry (with X-Registry-Auth) for the
 * descriptor the tag points to now. Only the manifest is read; nothing is pulled.
 */
export async function distributionDigest(
  docker: Docker,
  reference: string,
  auth: AuthConfig,
  signal: AbortSignal,
): Promise<DistributionAnswer> {
  const guard = AbortSignal.any([signal, AbortSignal.timeout(DISTRIBUTION_TIMEOUT_MS)]);
  try {
    const res = await engineJson<DistributionInspect>(docker, {
      path: `/distribution/${reference}/json`,
      method: 'GET',
      ...(Object.keys(auth).length ? { auth } : {}),
      signal: guard,
    });
    const digest = res?.Descriptor?.digest;
    if (!digest) {
      return { ok: false, error: { code: 'ENGINE_ERROR', message: 'The registry sent no digest.' } };
    }
    return { ok: true, digest };
  } catch (e) {
    if (signal.aborted) throw e;
    const status = (e as { statusCode?: unknown }).statusCode;
    const text = engineErrorText(e) ?? (e instanceof Error ? e.message : String(e));
    if (isRateLimit(typeof status === 'number' ? status : undefined, text)) {
      return {
        ok: false,
        rateLimitedMs: retryAfterMs(text) ?? DEFAULT_RATE_LIMIT_MS,
        error: { code: 'ENGINE_ERROR', message: `The registry limits requests: ${text}` },
      };
    }
    const timedOut = guard.aborted;
    const message = timedOut
      ? `The registry did not answer within ${DISTRIBUTION_TIMEOUT_MS / 1000} s.`
      : /unauthorized|authentication required|denied/i.test(text)
        ? `The registry refused the check (${text}).`
        : /not found|unknown manifest|manifest unknown/i.test(text)
          ? `The registry no longer has this tag (${text}).`
          : `The registry could not be asked: ${text}`;
    const code = timedOut
      ? 'TIMEOUT'
      : /refused the check/.test(message)
        ? 'AUTH_FAILED'
        : /no longer has/.test(message)
          ? 'NOT_FOUND'
          : 'ENGINE_ERROR';
    return { ok: false, error: { code, message } };
  }
}
