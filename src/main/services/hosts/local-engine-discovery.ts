import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { DiscoveredEngine, HostView } from '@shared/contract';
import { instanceRoots, localEngineCandidates, type EngineCandidate } from './local-engine-candidates';

/** A local socket answers at once or not at all: a short limit keeps the list quick. */
export const PING_TIMEOUT_MS = 1_500;

/** GET over a socket or pipe with a hard deadline; the body when the status is 200. */
function getLocal(socketPath: string, urlPath: string, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get({ socketPath, path: urlPath, signal, headers: { host: 'docker' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        body += d;
        if (body.length > 64 * 1024) req.destroy(new Error('answer too large'));
      });
      res.on('end', () =>
        res.statusCode === 200 ? resolve(body) : reject(new Error(`status ${res.statusCode}`)),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** The engine's version when the socket answers /_ping with OK, else undefined. */
async function ping(socketPath: string, parent?: AbortSignal): Promise<string | undefined> {
  const signal = AbortSignal.any([AbortSignal.timeout(PING_TIMEOUT_MS), ...(parent ? [parent] : [])]);
  try {
    if ((await getLocal(socketPath, '/_ping', signal)).trim() !== 'OK') return undefined;
    const version = JSON.parse(await getLocal(socketPath, '/version', signal)) as { Version?: unknown };
    return typeof version.Version === 'string' ? version.Version.slice(0, 64) : 'unknown';
  } catch {
    return undefined;
  }
}

async function listDirs(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch {
    return [];
  }
}

/** The file a path ends at, so that a symlink and its target count once; pipes stay as they are. */
async function identity(socketPath: string): Promise<string> {
  if (socketPath.startsWith('//') || socketPath.startsWith('\\\\')) return socketPath.toLowerCase();
  return fs.realpath(socketPath).catch(() => socketPath);
}

export interface DiscoverOptions {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
  hosts: HostView[];
  signal?: AbortSignal;
}

/**
 * The local engines that answer on this machine, pinged in parallel: each with its version, a
 * name to suggest (not taken by a host yet) and, when a host already uses that socket, its name.
 */
export async function discoverLocalEngines(opts: DiscoverOptions): Promise<DiscoveredEngine[]> {
  const roots = instanceRoots(opts.env, opts.home);
  const [colimaProfiles, limaInstances] = await Promise.all([listDirs(roots.colima), listDirs(roots.lima)]);
  const candidates = localEngineCandidates({ ...opts, colimaProfiles, limaInstances });

  const added = new Map<string, string>();
  for (const h of opts.hosts) {
    if (h.endpoint.kind === 'socket') added.set(await identity(h.endpoint.socketPath), h.name);
  }
  const answered = await Promise.all(
    candidates.map(async (c) => ({
      c,
      id: await identity(c.socketPath),
      version: await ping(c.socketPath, opts.signal),
    })),
  );

  const taken = new Set(opts.hosts.map((h) => h.name.toLowerCase()));
  const seen = new Set<string>();
  const out: DiscoveredEngine[] = [];
  for (const { c, id, version } of answered) {
    if (version === undefined || seen.has(id)) continue;
    seen.add(id);
    const engine: DiscoveredEngine = {
      socketPath: c.socketPath,
      source: c.source,
      engineVersion: version,
      suggestedName: freeName(c, taken),
    };
    const addedAs = added.get(id);
    if (addedAs !== undefined) engine.addedAs = addedAs;
    else taken.add(engine.suggestedName.toLowerCase());
    out.push(engine);
  }
  return out;
}

function freeName(c: EngineCandidate, taken: Set<string>): string {
  if (!taken.has(c.name)) return c.name;
  for (let i = 2; ; i++) if (!taken.has(`${c.name}-${i}`)) return `${c.name}-${i}`;
}
