import path from 'node:path/posix';
import { PassThrough, type Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import type Docker from 'dockerode';
import { extract, type Header } from 'tar-stream';
import {
  AppError,
  type ContainerFileEntry,
  type ContainerFileListing,
  type ContainerPathStat,
} from '@shared/contract';
import { entryType } from '../archive/list-archive';
import { scanFirstLevel } from '../archive/scan-first-level';
import type { Signal } from './container-service';

/** A listing stops reading the archive after this many bytes (a folder holding gigabytes). */
export const LIST_SCAN_LIMIT_BYTES = 512 * 1024 * 1024;
/** ...or after this many first-level entries. */
export const LIST_MAX_ENTRIES = 20_000;
const MAX_SYMLINK_HOPS = 8;

/** "/etc//nginx/" → "/etc/nginx"; "/" stays "/". */
export function normalizeDir(p: string): string {
  const n = path.normalize(p);
  return n.length > 1 ? n.replace(/\/+$/, '') : '/';
}

// Go's os.FileMode type bits, as the engine's path-stat header carries them.
const MODE_DIR = 2 ** 31;
const MODE_SYMLINK = 2 ** 27;
const hasBit = (mode: number, bit: number) => Math.floor(mode / bit) % 2 === 1;

/** Reads the engine's X-Docker-Container-Path-Stat header (base64 JSON). */
export function parsePathStat(header: string | undefined): ContainerPathStat {
  if (!header) throw new AppError({ code: 'ENGINE_ERROR', message: 'The engine sent no file information.' });
  const raw = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as {
    name?: string;
    size?: number;
    mode?: number;
    mtime?: string;
    linkTarget?: string;
  };
  const mode = raw.mode ?? 0;
  return {
    name: raw.name ?? '',
    size: raw.size ?? 0,
    mode: mode % 0o10000,
    mtime: raw.mtime ?? '',
    linkTarget: raw.linkTarget ?? '',
    isDirectory: hasBit(mode, MODE_DIR) && !hasBit(mode, MODE_SYMLINK),
  };
}

export async function statPath(docker: Docker, id: string, p: string, { signal }: Signal) {
  const res = (await docker
    .getContainer(id)
    .infoArchive({ path: p, abortSignal: signal })) as IncomingMessage;
  res.resume();
  const header = res.headers['x-docker-container-path-stat'];
  return parsePathStat(Array.isArray(header) ? header[0] : header);
}

function toEntry(name: string, h: Header): ContainerFileEntry {
  const e: ContainerFileEntry = {
    name,
    type: entryType(h.type),
    size: h.type === 'directory' ? 0 : h.size,
    mode: (h.mode ?? 0) % 0o10000,
    mtime: h.mtime instanceof Date ? h.mtime.getTime() : 0,
  };
  if ((h.type === 'symlink' || h.type === 'link') && h.linkname) e.linkTarget = h.linkname;
  return e;
}

/**
 * Lists the first level of an archive of "<dir>/." (entries "./name", "./name/sub"...). File data
 * streams by unread. The engine has no "list directory" call, so a big tree costs a full read: the
 * scan stops at a byte or entry budget and says the listing may be incomplete.
 */
export async function listTar(
  archive: Readable,
  limits: { maxBytes: number; maxEntries: number } = {
    maxBytes: LIST_SCAN_LIMIT_BYTES,
    maxEntries: LIST_MAX_ENTRIES,
  },
): Promise<{ entries: ContainerFileEntry[]; truncated: boolean; scannedBytes: number }> {
  return scanFirstLevel(archive, { layout: 'dot', ...limits, stopWhenFull: true, toEntry });
}

async function archiveOf(docker: Docker, id: string, p: string, signal: AbortSignal): Promise<Readable> {
  return (await docker.getContainer(id).getArchive({ path: p, abortSignal: signal })) as unknown as Readable;
}

export async function listDir(
  docker: Docker,
  id: string,
  dir: string,
  ctx: Signal,
): Promise<ContainerFileListing> {
  const p = normalizeDir(dir);
  const stat = await statPath(docker, id, p, ctx);
  // A symlink to a folder is listed through "/." (the engine follows it); a file is not a folder.
  if (!stat.isDirectory && !stat.linkTarget) {
    throw new AppError({ code: 'INVALID_INPUT', message: `${p} is a file, not a folder.` });
  }
  const archive = await archiveOf(docker, id, p === '/' ? '/.' : `${p}/.`, ctx.signal);
  const r = await listTar(archive);
  return { path: p, ...r };
}

/** Follows symlinks (as the engine's archive call does not) to the file they name. */
async function resolveFile(docker: Docker, id: string, p: string, ctx: Signal): Promise<string> {
  let current = normalizeDir(p);
  for (let hop = 0; hop < MAX_SYMLINK_HOPS; hop++) {
    const s = await statPath(docker, id, current, ctx);
    if (s.isDirectory) {
      throw new AppError({
        code: 'INVALID_INPUT',
        message: `${current} is a folder: download it as an archive.`,
      });
    }
    if (!s.linkTarget) return current;
    current = normalizeDir(path.resolve(path.dirname(current), s.linkTarget));
  }
  throw new AppError({ code: 'INVALID_INPUT', message: `${p}: too many symbolic links.` });
}

/** The bytes of one regular file, taken out of the engine's single-entry archive. */
function firstFileOf(archive: Readable): Readable {
  const out = new PassThrough();
  const ex = extract();
  let seen = false;
  const fail = (e: Error) => {
    archive.destroy();
    ex.destroy();
    out.destroy(e);
  };
  ex.on('entry', (header, body, next) => {
    if (seen) {
      body.resume();
      return next();
    }
    seen = true;
    if (header.type !== 'file' && header.type !== 'contiguous-file') {
      return fail(new AppError({ code: 'INVALID_INPUT', message: `${header.name} is not a regular file.` }));
    }
    body.pipe(out);
    body.on('end', () => {
      archive.destroy();
      next();
    });
  });
  ex.on('error', (e: Error) => {
    if (!out.writableEnded) fail(e);
  });
  archive.on('error', (e: Error) => {
    if (!out.writableEnded) fail(e);
  });
  out.on('close', () => archive.destroy());
  archive.pipe(ex as unknown as NodeJS.WritableStream);
  return out;
}

/** A path's bytes: the engine's tar archive, or (format "file") the content of one file. */
export async function openDownload(
  docker: Docker,
  id: string,
  p: string,
  format: 'tar' | 'file',
  ctx: Signal,
): Promise<Readable> {
  if (format === 'tar') return archiveOf(docker, id, normalizeDir(p), ctx.signal);
  const file = await resolveFile(docker, id, p, ctx);
  return firstFileOf(await archiveOf(docker, id, file, ctx.signal));
}
