import type { AuditEntry } from '@shared/contract';

/** An entry as the audit page holds it: `seq` numbers arrivals, a stable key for the table. */
export interface AuditRow extends AuditEntry {
  seq: number;
}

export interface AuditFilter {
  /** A host id, or '' for every host. */
  hostId: string;
  outcome: '' | AuditEntry['outcome'];
  /** Case-insensitive; matched against host, action, target and error. */
  text: string;
}

export const NO_AUDIT_FILTER: AuditFilter = { hostId: '', outcome: '', text: '' };

/** The rows matching a filter, newest first. */
export function filterAudit<T extends AuditEntry>(entries: readonly T[], f: AuditFilter): T[] {
  const q = f.text.trim().toLowerCase();
  const out: T[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (!e) continue;
    if (f.hostId && e.hostId !== f.hostId) continue;
    if (f.outcome && e.outcome !== f.outcome) continue;
    if (q) {
      const hay =
        `${e.hostName ?? ''} ${e.hostId ?? ''} ${e.action} ${e.target} ${e.error ?? ''}`.toLowerCase();
      if (!hay.includes(q)) continue;
    }
    out.push(e);
  }
  return out;
}

/** Only the documented fields, in a fixed order: an export never carries the page's own keys. */
function clean(e: AuditEntry): AuditEntry {
  const out: AuditEntry = { at: e.at, action: e.action, target: e.target, outcome: e.outcome };
  if (e.hostId !== undefined) out.hostId = e.hostId;
  if (e.hostName !== undefined) out.hostName = e.hostName;
  if (e.error !== undefined) out.error = e.error;
  return out;
}

/** One JSON object per line, as audit.jsonl is written. */
export function toJsonLines(entries: readonly AuditEntry[]): string {
  return entries.map((e) => `${JSON.stringify(clean(e))}\n`).join('');
}

const CSV_COLUMNS = ['time', 'host', 'hostId', 'action', 'target', 'outcome', 'error'] as const;

/**
 * RFC 4180 quoting. A cell starting with = + - @ (or a tab/CR) is prefixed with ' so a
 * spreadsheet does not run it as a formula (CSV injection through a container name).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(entries: readonly AuditEntry[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of entries) {
    lines.push(
      [
        new Date(e.at).toISOString(),
        e.hostName ?? '',
        e.hostId ?? '',
        e.action,
        e.target,
        e.outcome,
        e.error ?? '',
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** berthmaster-audit-20261128-031500.csv */
export function exportFileName(ext: 'jsonl' | 'csv', now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '');
  return `berthmaster-audit-${stamp}.${ext}`;
}
