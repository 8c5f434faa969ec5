/** "3 min ago" style relative time for narrow table cells (the full date is in the title). */
export function compactAgo(atMs: number, nowMs: number): string {
  const s = Math.max(0, Math.round((nowMs - atMs) / 1000));
  if (s < 10) return 'just now';
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.floor(h / 24);
  if (d < 60) return `${d} d ago`;
  const mo = Math.floor(d / 30);
  if (mo < 24) return `${mo} mo ago`;
  return `${Math.floor(d / 365)} y ago`;
}

const UNITS: Array<[RegExp, string]> = [
  [/\bLess than a second\b/, '<1 s'],
  [/\bAbout a minute\b/, '~1 min'],
  [/\bAbout an hour\b/, '~1 h'],
  [/ seconds?\b/g, ' s'],
  [/ minutes?\b/g, ' min'],
  [/ hours?\b/g, ' h'],
  [/ days?\b/g, ' d'],
  [/ weeks?\b/g, ' wk'],
  [/ months?\b/g, ' mo'],
  [/ years?\b/g, ' y'],
];

/**
 * The engine's status line without its health suffix and with short units: "Up 3 minutes
 * (healthy)" → "Up 3 min", "Exited (0) 2 hours ago" → "Exited (0) 2 h ago".
 */
export function compactStatus(status: string): string {
  let out = status.replace(/\s*\((healthy|unhealthy|health: starting)\)$/, '');
  for (const [re, to] of UNITS) out = out.replace(re, to);
  return out;
}
