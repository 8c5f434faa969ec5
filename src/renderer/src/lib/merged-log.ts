import type { MergedLogLine } from '@shared/contract';

/** "1704164645.123456789" (the merged stream's timestamps) → "2024-01-02T03:04:05.123456789Z". */
export function unixToRfc3339(ts: string): string {
  const [sec = '0', frac = ''] = ts.split('.');
  const d = new Date(Number(sec) * 1000);
  if (!Number.isFinite(d.getTime())) return ts;
  return `${d.toISOString().slice(0, 19)}.${frac.padEnd(9, '0').slice(0, 9)}Z`;
}

/** Member key: one container on one host. */
export const memberKey = (hostId: string, containerId: string): string => `${hostId}/${containerId}`;

const HUES = [210, 20, 140, 280, 45, 175, 330, 95, 250, 0];

/** A stable colour per container, so its lines read as one thread in the merged view. */
export function memberHue(index: number): number {
  return HUES[index % HUES.length] ?? 0;
}

/** One merged line as plain text for copy and save: time, host/container, stream, text. */
export function plainMergedLine(
  l: MergedLogLine,
  hostName: string,
  containerName: string,
  withTimestamps: boolean,
): string {
  const when = withTimestamps ? `${unixToRfc3339(l.ts)} ` : '';
  return `${when}${hostName}/${containerName} ${l.text}`;
}
