import type { ConnectionLogEntry, HostView } from '@shared/contract';
import { describeEndpoint } from './endpoint';

export function formatLogEntry(e: ConnectionLogEntry): string {
  const at = new Date(e.at).toISOString();
  const took = e.durationMs !== undefined ? ` (${e.durationMs} ms)` : '';
  return `${at} ${e.level.toUpperCase().padEnd(5)} ${e.message}${took}`;
}

/** Plain text for the clipboard: a header naming the host, then one line per entry. */
export function formatConnectionLog(host: HostView, entries: ConnectionLogEntry[]): string {
  const head = `Berthmaster connection log — ${host.name} (${describeEndpoint(host.endpoint)})`;
  const body = entries.length ? entries.map(formatLogEntry).join('\n') : '(no entries)';
  return `${head}\n${body}\n`;
}
