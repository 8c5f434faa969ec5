import type { ApiLogEntry } from '@shared/contract';
import { formatBytes } from './format';

/** "12:03:04.567" */
export function clockMs(at: number): string {
  const d = new Date(at);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** The status column: the code, "open" while streaming or waiting, "error" without a response. */
export function statusText(e: ApiLogEntry): string {
  if (e.state === 'error') return e.status ? String(e.status) : 'error';
  if (e.state === 'open') return e.status ? `${e.status} open` : 'open';
  return e.status ? String(e.status) : '—';
}

export function statusTone(e: ApiLogEntry): 'ok' | 'warn' | 'bad' | 'open' {
  if (e.state === 'open') return 'open';
  if (e.state === 'error' || (e.status ?? 0) >= 500) return 'bad';
  if ((e.status ?? 0) >= 400) return 'warn';
  return 'ok';
}

/** "12 ms", "1.25 s" */
export function msText(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function durationText(e: ApiLogEntry): string {
  if (e.durationMs === undefined) return e.state === 'open' ? '…' : '—';
  return msText(e.durationMs);
}

export function bytesText(n: number): string {
  return n === 0 ? '0' : formatBytes(n);
}

/** The row's accessible name, e.g. "POST /v1.43/containers/abc/restart 204". */
export function entryLabel(e: ApiLogEntry): string {
  return `${e.method} ${e.path} ${statusText(e)}`;
}
