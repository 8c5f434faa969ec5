import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The Docker CLI's config folder: DOCKER_CONFIG, else ~/.docker (docker/cli config.go). */
export function dockerConfigDir(env: NodeJS.ProcessEnv, homeDir: string): string {
  return env.DOCKER_CONFIG ? path.resolve(env.DOCKER_CONFIG) : path.join(homeDir, '.docker');
}

/** Context folders are named by the hex sha256 of the context name (docker/cli store.go). */
export function contextId(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

export function contextPaths(configDir: string, name: string) {
  const id = contextId(name);
  return {
    metaDir: path.join(configDir, 'contexts', 'meta', id),
    metaFile: path.join(configDir, 'contexts', 'meta', id, 'meta.json'),
    tlsDir: path.join(configDir, 'contexts', 'tls', id),
    dockerTlsDir: path.join(configDir, 'contexts', 'tls', id, 'docker'),
  };
}

const metaSchema = z.object({
  Name: z.string().min(1),
  Metadata: z.object({ Description: z.string().optional() }).loose().nullish(),
  Endpoints: z.record(
    z.string(),
    z.object({ Host: z.string().optional(), SkipTLSVerify: z.boolean().optional() }).loose(),
  ),
});

export interface TlsFiles {
  ca?: string;
  cert?: string;
  key?: string;
}

/** One context as the CLI stored it; only the "docker" endpoint matters to Berthmaster. */
export interface StoredContext {
  name: string;
  description: string;
  host: string | undefined;
  skipTlsVerify: boolean;
  tls: TlsFiles;
  /** Set when the folder exists but its meta.json could not be used. */
  problem?: string;
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

async function readTls(dir: string): Promise<TlsFiles> {
  const [ca, cert, key] = await Promise.all(
    ['ca.pem', 'cert.pem', 'key.pem'].map((f) => readOptional(path.join(dir, f))),
  );
  const out: TlsFiles = {};
  if (ca) out.ca = ca;
  if (cert) out.cert = cert;
  if (key) out.key = key;
  return out;
}

/** `currentContext` from config.json; undefined when the file or the field is absent. */
export async function readCurrentContext(configDir: string): Promise<string | undefined> {
  const text = await readOptional(path.join(configDir, 'config.json'));
  if (!text) return undefined;
  try {
    const v = (JSON.parse(text) as { currentContext?: unknown }).currentContext;
    return typeof v === 'string' && v ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Every context under <configDir>/contexts/meta, sorted by name; unreadable ones carry a problem. */
export async function readContexts(configDir: string): Promise<StoredContext[]> {
  const metaRoot = path.join(configDir, 'contexts', 'meta');
  let ids: string[];
  try {
    ids = await fs.readdir(metaRoot);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: StoredContext[] = [];
  for (const id of ids) {
    if (!/^[0-9a-f]{64}$/.test(id)) continue;
    const text = await readOptional(path.join(metaRoot, id, 'meta.json'));
    if (text === undefined) continue;
    let parsed: z.output<typeof metaSchema>;
    try {
      parsed = metaSchema.parse(JSON.parse(text));
    } catch {
      out.push({
        name: id.slice(0, 12),
        description: '',
        host: undefined,
        skipTlsVerify: false,
        tls: {},
        problem: 'its meta.json is not valid',
      });
      continue;
    }
    const ep = parsed.Endpoints.docker;
    out.push({
      name: parsed.Name,
      description: parsed.Metadata?.Description ?? '',
      host: ep?.Host,
      skipTlsVerify: ep?.SkipTLSVerify ?? false,
      tls: await readTls(path.join(configDir, 'contexts', 'tls', id, 'docker')),
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export interface NewContext {
  name: string;
  description: string;
  host: string;
  tls?: Required<TlsFiles>;
}

/**
 * Writes a context exactly as `docker context create` does: meta.json (0644 in 0755 folders),
 * TLS files 0600 in 0700 folders. Refuses to replace an existing context.
 */
export async function writeContext(configDir: string, ctx: NewContext): Promise<string> {
  const p = contextPaths(configDir, ctx.name);
  const meta = {
    Name: ctx.name,
    Metadata: ctx.description ? { Description: ctx.description } : {},
    Endpoints: { docker: { Host: ctx.host, SkipTLSVerify: false } },
  };
  await fs.mkdir(path.dirname(p.metaDir), { recursive: true, mode: 0o755 });
  try {
    await fs.mkdir(p.metaDir, { mode: 0o755 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new ContextExistsError(ctx.name);
    throw e;
  }
  try {
    if (ctx.tls) {
      await fs.mkdir(p.dockerTlsDir, { recursive: true, mode: 0o700 });
      for (const [file, text] of [
        ['ca.pem', ctx.tls.ca],
        ['cert.pem', ctx.tls.cert],
        ['key.pem', ctx.tls.key],
      ] as const) {
        await fs.writeFile(path.join(p.dockerTlsDir, file), text, { mode: 0o600, flag: 'wx' });
      }
    }
    await fs.writeFile(p.metaFile, JSON.stringify(meta), { mode: 0o644, flag: 'wx' });
  } catch (e) {
    // Leave no half context behind: the CLI would list it and fail on it.
    await fs.rm(p.metaDir, { recursive: true, force: true });
    if (ctx.tls) await fs.rm(p.tlsDir, { recursive: true, force: true });
    throw e;
  }
  return p.metaDir;
}

export class ContextExistsError extends Error {
  constructor(readonly contextName: string) {
    super(`A Docker context named "${contextName}" already exists.`);
  }
}
