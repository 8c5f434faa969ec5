import type { Readable } from 'node:stream';
import { extract, type Header } from 'tar-stream';
import type { FileEntry, FileEntryType } from '@shared/contract';

export interface ArchiveDirectory {
  /** The archived path itself (a directory, or the single file when a file was archived). */
  root: FileEntry | undefined;
  /** Its first-level entries, sorted: directories first, then by name. */
  entries: FileEntry[];
  /** More first-level entries existed than `maxEntries`. */
  truncated: boolean;
}

export interface ListArchiveOptions {
  /** Keep at most this many first-level entries (default 5000); the rest are only counted. */
  maxEntries?: number;
}

/** The kind of a tar entry, as both volume and container file listings show it. */
export function entryType(type: Header['type']): FileEntryType {
  switch (type) {
    case 'file':
    case 'contiguous-file':
      return 'file';
    case 'directory':
      return 'directory';
    case 'symlink':
      return 'symlink';
    case 'link':
      return 'link';
    default:
      return 'other';
  }
}

function toEntry(name: string, h: Header): FileEntry {
  const entry: FileEntry = {
    name,
    type: entryType(h.type),
    size: h.type === 'directory' ? 0 : h.size,
    mtime: h.mtime instanceof Date ? h.mtime.getTime() : 0,
  };
  if ((h.type === 'symlink' || h.type === 'link') && h.linkname) entry.target = h.linkname;
  return entry;
}

/**
 * Reads a tar archive of ONE path, as the engine's GET /containers/{id}/archive returns it (its
 * entries are "<basename>/..."), and keeps only the first level below that path. File data is
 * discarded as it streams by; a directory's size is the total of the files found beneath it.
 * Reusable for any archive endpoint (volumes through a helper container, container files).
 */
export function listArchiveDirectory(
  archive: Readable,
  opts: ListArchiveOptions = {},
): Promise<ArchiveDirectory> {
  const maxEntries = opts.maxEntries ?? 5000;
  return new Promise((resolve, reject) => {
    const ex = extract();
    let root: FileEntry | undefined;
    const firstLevel = new Map<string, FileEntry>();
    let truncated = false;
    let settled = false;
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      archive.destroy();
      ex.destroy();
      reject(e);
    };

    ex.on('entry', (header, body, next) => {
      const parts = header.name.replace(/^\.\//, '').replace(/\/+$/, '').split('/');
      const [top, child] = parts;
      if (parts.length === 1 && top !== undefined) {
        root = toEntry(top, header);
      } else if (parts.length === 2 && child !== undefined) {
        if (firstLevel.size < maxEntries) firstLevel.set(child, toEntry(child, header));
        else if (!firstLevel.has(child)) truncated = true;
      } else if (child !== undefined && header.type === 'file') {
        // Deeper: only counts towards the size of its first-level directory.
        const dir = firstLevel.get(child);
        if (dir && dir.type === 'directory') dir.size += header.size;
      }
      body.on('end', () => next());
      body.resume();
    });
    ex.on('finish', () => {
      if (settled) return;
      settled = true;
      const entries = [...firstLevel.values()].sort(
        (a, b) =>
          Number(b.type === 'directory') - Number(a.type === 'directory') || a.name.localeCompare(b.name),
      );
      resolve({ root, entries, truncated });
    });
    ex.on('error', fail);
    archive.on('error', fail);
    archive.pipe(ex as unknown as NodeJS.WritableStream);
  });
}
