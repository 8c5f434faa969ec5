import type { ConnectionLogEntry } from '@shared/contract';

const MAX_ENTRIES = 200;

/** Per-host ring of connection attempts and errors. Never given secrets: callers pass messages. */
export class ConnectionLog {
  private entries: ConnectionLogEntry[] = [];

  add(level: ConnectionLogEntry['level'], message: string, durationMs?: number): void {
    const entry: ConnectionLogEntry = { at: Date.now(), level, message };
    if (durationMs !== undefined) entry.durationMs = Math.round(durationMs);
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  list(): ConnectionLogEntry[] {
    return [...this.entries];
  }
}
