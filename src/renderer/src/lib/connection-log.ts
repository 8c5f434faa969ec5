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

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Fallback for contexts without the async clipboard (e.g. denied permission).
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    let ok: boolean;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}
