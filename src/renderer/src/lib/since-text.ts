import type { Since } from './host-groups';
import { plural } from './plural';

/** "45 s", "3 min", "2 h 5 min", "3 days". */
export function sinceSpan(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${m % 60} min`;
  return plural(Math.floor(h / 24), 'day');
}

function clock(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/**
 * "down since 10:42 (3 min)", "connected since 09:15 (2 h 5 min)", "connecting since 10:44 (12 s)".
 * `failing`: the host's last attempt failed (its retries show as connecting in between).
 */
export function sinceText(since: Since, failing: boolean, now: number): string {
  const what = since.up ? 'connected' : failing ? 'down' : 'connecting';
  return `${what} since ${clock(since.at)} (${sinceSpan(now - since.at)})`;
}
