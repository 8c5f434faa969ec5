import type { Readable } from 'node:stream';
import type { Header } from 'tar-stream';
import type { FileEntry, FileEntryType } from '@shared/contract';
import { scanFirstLevel } from './scan-first-level';

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
export async function listArchiveDirectory(
  archive: Readable,
  opts: ListArchiveOptions = {},
): Promise<ArchiveDirectory> {
  let root: FileEntry | undefined;
  const { entries, truncated } = await scanFirstLevel(archive, {
    layout: 'below-base',
    maxEntries: opts.maxEntries ?? 5000,
    stopWhenFull: false,
    toEntry,
    onRoot: (h) => {
      root = toEntry(h.name.replace(/^\.?\/+/, '').replace(/\/+$/, ''), h);
    },
    // Deeper files only count towards the size of their first-level directory.
    onDeeper: (h, dir) => {
      if (h.type === 'file' && dir?.type === 'directory') dir.size += h.size;
    },
  });
  return { root, entries, truncated };
}
