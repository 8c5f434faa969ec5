import { AppError, type ErrorCode } from '@shared/contract';

interface EngineError {
  statusCode?: unknown;
  json?: unknown;
  message?: unknown;
}

/** The HTTP status of a failed engine request, if it was one. */
export function engineStatus(e: unknown): number | undefined {
  const status = (e as EngineError | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * The engine's own message for a failed request ({"message": ...}), without docker-modem's
 * "(HTTP code 404) no such container - " prefix. The one reading of a docker-modem error.
 */
export function engineText(e: unknown): string {
  const err = e as EngineError | null;
  const json = err?.json as { message?: unknown } | string | undefined;
  if (json && typeof json === 'object' && typeof json.message === 'string') return json.message;
  if (typeof json === 'string' && json.trim()) return json.trim();
  const msg = typeof err?.message === 'string' ? err.message : 'unknown error';
  return msg.replace(/^\(HTTP code \d+\)\s*[^-]*-\s*/, '').trim() || msg;
}

/** The engine's message when `e` is an HTTP answer from the engine, else undefined. */
export function engineErrorText(e: unknown): string | undefined {
  return engineStatus(e) === undefined ? undefined : engineText(e);
}

export function appError(code: ErrorCode, message: string, detail?: string): AppError {
  return new AppError(detail ? { code, message, detail } : { code, message });
}

/** "a", "a and b", "a, b and 3 more". */
export function nameList(names: string[], max = 4): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, max - 1).join(', ')} and ${names.length - max + 1} more`;
}

/** "foo bar" → "Foo bar." */
export function sentence(s: string): string {
  const t = s.trim();
  const c = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(c) ? c : `${c}.`;
}
