import type { Readable } from 'node:stream';
import { extract, type Header } from 'tar-stream';

export interface ScannedEntry {
  name: string;
  type: string;
}

export interface ScanFirstLevelOptions<T extends ScannedEntry> {
  /**
   * How the engine names the listed level: "<base>/child" when a path was archived as itself
   * (the archived path is the root entry), "./child" when "<dir>/." was archived.
   */
  layout: 'below-base' | 'dot';
  maxEntries: number;
  /** Stop reading after this many archive bytes (a folder holding gigabytes). */
  maxBytes?: number;
  /** At maxEntries: stop reading (cheap), or keep reading so onDeeper still sees everything. */
  stopWhenFull: boolean;
  toEntry(name: string, header: Header): T;
  onRoot?(header: Header): void;
  /** Entries below the listed level, with the first-level entry they are under. */
  onDeeper?(header: Header, under: T | undefined): void;
}

export interface ScanResult<T> {
  /** Directories first, then by name. */
  entries: T[];
  truncated: boolean;
  scannedBytes: number;
}

/**
 * The engine has no "list directory" call, only tar archives of a path. This reads one and keeps
 * the first level below that path; file data streams by unread.
 */
export function scanFirstLevel<T extends ScannedEntry>(
  archive: Readable,
  o: ScanFirstLevelOptions<T>,
): Promise<ScanResult<T>> {
  return new Promise((resolve, reject) => {
    const ex = extract();
    const found = new Map<string, T>();
    let truncated = false;
    let scanned = 0;
    let settled = false;
    const finish = (cut: boolean) => {
      if (settled) return;
      settled = true;
      if (cut) {
        archive.unpipe();
        archive.destroy();
        ex.destroy();
      }
      const entries = [...found.values()].sort(
        (a, b) =>
          Number(b.type === 'directory') - Number(a.type === 'directory') || a.name.localeCompare(b.name),
      );
      resolve({ entries, truncated: truncated || cut, scannedBytes: scanned });
    };
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      archive.destroy();
      ex.destroy();
      reject(e);
    };

    if (o.maxBytes !== undefined) {
      const maxBytes = o.maxBytes;
      archive.on('data', (chunk: Buffer) => {
        scanned += chunk.length;
        if (scanned > maxBytes) finish(true);
      });
    }
    ex.on('entry', (header, body, next) => {
      const parts = header.name
        .replace(/^\.?\/+/, '')
        .replace(/^\.$/, '')
        .replace(/\/+$/, '')
        .split('/')
        .filter(Boolean);
      if (o.layout === 'below-base') parts.shift();
      const [name] = parts;
      if (name === undefined) {
        if (o.layout === 'below-base') o.onRoot?.(header);
      } else if (parts.length === 1) {
        if (found.size < o.maxEntries) found.set(name, o.toEntry(name, header));
        else if (!found.has(name)) {
          truncated = true;
          if (o.stopWhenFull) return finish(true);
        }
      } else {
        o.onDeeper?.(header, found.get(name));
      }
      body.on('end', () => next());
      body.resume();
    });
    ex.on('finish', () => finish(false));
    ex.on('error', fail);
    archive.on('error', fail);
    archive.pipe(ex as unknown as NodeJS.WritableStream);
  });
}
