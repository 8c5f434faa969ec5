import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AppErrorShape, AuditEntry } from '@shared/contract';
import { accessOf } from '@shared/policy/method-access';
import { hostFieldsOf } from './host-fields';

const KEEP = 5000;
/** How much of the file's end is read at start: enough for KEEP entries of ordinary length. */
const LOAD_TAIL_BYTES = 4 * 1024 * 1024;
/** App calls that only look: not worth an audit line. */
const READ_LIKE_APP_CALLS = new Set([
  'hosts.list',
  'hosts.test',
  'hosts.connectionLog',
  'audit.list',
  'settings.get',
  'contexts.list',
  'registries.list',
  'registries.match',
  'apilog.list',
  'apilog.details',
  'apilog.target',
]);
/**
 * Flow control, not an action: a terminal acknowledges every 32 KiB of output it has drawn, so
 * recording it wrote an audit line (and a file append) per 32 KiB and pushed real actions out of
 * the kept entries.
 */
const FLOW_CONTROL_CALLS = new Set(['exec.ack']);
/** Audited even when they only read: every request typed in the API console. */
const ALWAYS_AUDITED = new Set(['apilog.send', 'apilog.follow']);
/** Only these input fields are recorded: names and ids, never credentials or payloads. */
const TARGET_KEYS = [
  'id',
  'name',
  'ref',
  'image',
  'reference',
  'containerId',
  'container',
  'network',
  'volume',
  'tag',
];

/** A console request: method and path (never the body or query, which may hold payloads). */
function describeRequest(input: unknown): string {
  const r = input as { method?: unknown; path?: unknown } | null;
  return `${String(r?.method)} ${String(r?.path).slice(0, 512)}`;
}

export function describeTarget(input: unknown): string {
  if (typeof input !== 'object' || input === null) return '';
  const rec = input as Record<string, unknown>;
  const parts: string[] = [];
  for (const k of TARGET_KEYS) {
    const v = rec[k];
    if (typeof v === 'string' && v.length <= 256) parts.push(`${k}=${v}`);
  }
  return parts.join(' ');
}

/**
 * Every mutating call: when, which host, what, on what, and how it ended. Kept in memory and
 * appended to audit.jsonl (0600) in the config folder.
 */
export class AuditLog {
  private entries: AuditEntry[] = [];
  private readonly file: string;
  private writing: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(entry: AuditEntry) => void>();

  constructor(configDir: string) {
    this.file = path.join(configDir, 'audit.jsonl');
  }

  /** Reads the newest entries of earlier runs back, so the audit page shows history after a restart. */
  async load(): Promise<void> {
    let handle: Awaited<ReturnType<typeof fs.open>> | undefined;
    try {
      handle = await fs.open(this.file, 'r');
      const { size } = await handle.stat();
      const start = Math.max(0, size - LOAD_TAIL_BYTES);
      const buf = Buffer.alloc(size - start);
      await handle.read(buf, 0, buf.length, start);
      const lines = buf.toString('utf8').split('\n');
      if (start > 0) lines.shift(); // the first line was cut by the tail
      const earlier: AuditEntry[] = [];
      for (const line of lines) {
        if (!line) continue;
        try {
          const e = JSON.parse(line) as AuditEntry;
          if (typeof e.at === 'number' && typeof e.action === 'string') earlier.push(e);
        } catch {
          // A torn last line (crash mid-append): skip it, keep the rest.
        }
      }
      this.entries = [...earlier, ...this.entries].slice(-KEEP);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    } finally {
      await handle?.close();
    }
  }

  record(entry: AuditEntry): void {
    this.entries.push(entry);
    for (const fn of this.listeners) fn(entry);
    if (this.entries.length > KEEP) this.entries.splice(0, this.entries.length - KEEP);
    const line = `${JSON.stringify(entry)}\n`;
    this.writing = this.writing
      .then(() => fs.appendFile(this.file, line, { mode: 0o600 }))
      .catch(() => undefined);
  }

  /** The dispatcher's onCallSettled hook: records calls that change something. */
  recordCall(
    method: string,
    input: unknown,
    outcome: { ok: true } | { ok: false; error: AppErrorShape },
    hosts: { get(id: string): { name: string } | undefined },
  ): void {
    const access = accessOf(method, input);
    if ((access === 'read' && !ALWAYS_AUDITED.has(method)) || READ_LIKE_APP_CALLS.has(method)) return;
    if (FLOW_CONTROL_CALLS.has(method)) return;
    const entry: AuditEntry = {
      at: Date.now(),
      action: method,
      target: ALWAYS_AUDITED.has(method) ? describeRequest(input) : describeTarget(input),
      outcome: outcome.ok ? 'ok' : 'error',
    };
    const hostId = (input as { hostId?: unknown } | null)?.hostId;
    if (typeof hostId === 'string') {
      entry.hostId = hostId;
      const name = hosts.get(hostId)?.name;
      if (name) entry.hostName = name;
    }
    for (const field of Object.keys(hostFieldsOf(method, input))) {
      const other = (input as Record<string, unknown> | null)?.[field];
      if (field === 'hostId' || !/hostId$/i.test(field) || typeof other !== 'string') continue;
      const name = hosts.get(other)?.name;
      (entry.otherHosts ??= []).push(
        name ? { field, hostId: other, hostName: name } : { field, hostId: other },
      );
      entry.target = `${entry.target} ${field}=${name ? `${name} (${other})` : other}`.trim();
    }
    if (!outcome.ok) entry.error = `${outcome.error.code}: ${outcome.error.message}`;
    this.record(entry);
  }

  /** Calls `fn` with each new entry (the audit page's live view); returns the unsubscribe. */
  subscribe(fn: (entry: AuditEntry) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  list(limit: number): AuditEntry[] {
    return this.entries.slice(-limit);
  }

  /** Resolves once pending writes reached the file (tests, shutdown). */
  flush(): Promise<void> {
    return this.writing;
  }
}
