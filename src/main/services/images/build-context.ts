// tar-fs ships no types; the declaration sits next to this file and must also reach the e2e and
// test type-checks, which compile this file through the test backend without src/main/**/*.d.ts.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./tar-fs.d.ts" />
import { promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import dockerignore from '@balena/dockerignore';
import { pack } from 'tar-fs';
import { AppError } from '@shared/contract';

export interface BuildContext {
  /** The tar stream: read lazily from disk as the engine consumes it. */
  stream: Readable;
  /** The Dockerfile path inside the context, with forward slashes. */
  dockerfile: string;
  /** How many .dockerignore patterns apply. */
  ignorePatterns: number;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

async function requireDirectory(dir: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError({
      code: code === 'EACCES' ? 'PERMISSION_DENIED' : 'NOT_FOUND',
      message:
        code === 'EACCES'
          ? `Berthmaster may not read the context folder ${dir}.`
          : `The context folder ${dir} does not exist on the machine running Berthmaster.`,
    });
  }
  if (!stat.isDirectory()) {
    throw new AppError({ code: 'INVALID_INPUT', message: `The build context ${dir} is not a folder.` });
  }
}

async function readIgnoreFile(contextDir: string): Promise<string[]> {
  try {
    const text = await fs.readFile(path.join(contextDir, '.dockerignore'), 'utf8');
    return text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

/**
 * The build context as a tar stream honouring .dockerignore, packed file by file while the engine
 * reads it (never held in memory). The Dockerfile and .dockerignore are always sent, as the docker
 * CLI does. Owners are zeroed so the image does not depend on who ran the build.
 */
export async function packBuildContext(contextDir: string, dockerfile: string): Promise<BuildContext> {
  const root = path.resolve(contextDir);
  await requireDirectory(root);
  const dockerfileAbs = path.resolve(root, dockerfile);
  const rel = toPosix(path.relative(root, dockerfileAbs));
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new AppError({
      code: 'INVALID_INPUT',
      message: 'The Dockerfile must be inside the context folder.',
    });
  }
  try {
    if (!(await fs.stat(dockerfileAbs)).isFile()) throw new Error('not a file');
  } catch {
    throw new AppError({
      code: 'NOT_FOUND',
      message: `There is no Dockerfile at ${rel} in ${root}.`,
    });
  }

  const patterns = await readIgnoreFile(root);
  const ig = dockerignore({ ignorecase: false }).add(patterns);
  // An ignored folder is still walked when an "!exception" pattern points inside it.
  const exceptions = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1).replace(/^\/+/, ''));
  const mayHoldExceptions = (dir: string) => exceptions.some((p) => p.startsWith(`${dir}/`));
  const always = new Set([rel, '.dockerignore']);
  // The folders holding the Dockerfile must be walked even when ignored, to reach it.
  const parts = rel.split('/');
  const alwaysDirs = new Set(parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/')));

  const ignore = (name: string): boolean => {
    const relName = toPosix(path.relative(root, name));
    if (!relName || always.has(relName)) return false;
    if (!ig.ignores(relName)) return false;
    if (alwaysDirs.has(relName)) return false;
    if (!mayHoldExceptions(relName)) return true;
    try {
      return !statSync(name).isDirectory();
    } catch {
      return true;
    }
  };

  const stream = pack(root, {
    ignore,
    // Sockets and fifos cannot go into a tar; skip them instead of failing the build.
    strict: false,
    map: (header) => ({ ...header, uid: 0, gid: 0, uname: '', gname: '' }),
  });
  return { stream, dockerfile: rel, ignorePatterns: patterns.length };
}
