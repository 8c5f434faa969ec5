import type { PortBinding } from '@shared/contract';

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const digits = i === 0 || v >= 100 ? 0 : 1;
  return `${v.toFixed(digits)} ${units[i]}`;
}

const rtf = typeof Intl !== 'undefined' ? new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }) : null;

/** "3 minutes ago" for an epoch in milliseconds. */
export function relativeTime(atMs: number, nowMs: number): string {
  const diff = (atMs - nowMs) / 1000;
  const abs = Math.abs(diff);
  const steps: [number, Intl.RelativeTimeFormatUnit][] = [
    [60, 'second'],
    [3600, 'minute'],
    [86400, 'hour'],
    [86400 * 30, 'day'],
    [86400 * 365, 'month'],
    [Infinity, 'year'],
  ];
  const divisors: Record<string, number> = {
    second: 1,
    minute: 60,
    hour: 3600,
    day: 86400,
    month: 86400 * 30,
    year: 86400 * 365,
  };
  if (abs < 10) return 'just now';
  for (const [limit, unit] of steps) {
    if (abs < limit) {
      const value = Math.round(diff / (divisors[unit] ?? 1));
      return rtf ? rtf.format(value, unit) : `${Math.abs(value)} ${unit}s ago`;
    }
  }
  return new Date(atMs).toLocaleDateString();
}

// One formatter for every call: toLocaleString with options builds a new Intl.DateTimeFormat each
// time, which showed up in the profile of painting a 1,000-container list.
const FULL_DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function fullDate(atMs: number): string {
  return FULL_DATE.format(atMs);
}

/** "12 s", "3 min 05 s". */
export function formatCountdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${String(s % 60).padStart(2, '0')} s`;
}

function formatIp(ip: string): string {
  return ip.includes(':') ? `[${ip}]` : ip;
}

/** Published ports as `0.0.0.0:8080→80/tcp`, de-duplicated, in a stable order. */
export function publishedPorts(ports: PortBinding[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const sorted = [...ports].sort(
    (a, b) => (a.publicPort ?? 0) - (b.publicPort ?? 0) || a.privatePort - b.privatePort,
  );
  // `0.0.0.0:8080→80` and `[::]:8080→80` are one published port to the user.
  const v4 = new Set(
    ports.filter((p) => p.ip === '0.0.0.0').map((p) => `${p.publicPort}/${p.privatePort}/${p.type}`),
  );
  for (const p of sorted) {
    if (p.publicPort === undefined) continue;
    if (p.ip === '::' && v4.has(`${p.publicPort}/${p.privatePort}/${p.type}`)) continue;
    const text = `${p.ip ? `${formatIp(p.ip)}:` : ''}${p.publicPort}→${p.privatePort}/${p.type}`;
    if (!seen.has(text)) {
      seen.add(text);
      out.push(text);
    }
  }
  return out;
}

/** Exposed but unpublished ports, e.g. `5432/tcp`. */
export function exposedPorts(ports: PortBinding[]): string[] {
  const published = new Set(
    ports.filter((p) => p.publicPort !== undefined).map((p) => `${p.privatePort}/${p.type}`),
  );
  const out = new Set<string>();
  for (const p of ports) {
    const key = `${p.privatePort}/${p.type}`;
    if (p.publicPort === undefined && !published.has(key)) out.add(key);
  }
  return [...out];
}

export { shortId } from '@shared/lib/short-id';
