import { shortId } from '../../lib/short-id';
import { createBodyFlags } from './create-flags';
import { sh, shellLine } from './shell';

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : {});

/** What an image contributes, so `docker run` leaves it out (the container keeps following its image). */
export interface ImageConfigDefaults {
  Env?: string[] | null;
  Labels?: Record<string, string> | null;
  Cmd?: string[] | null;
  Entrypoint?: string[] | string | null;
  WorkingDir?: string;
  User?: string;
  ExposedPorts?: Record<string, unknown> | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * `docker run -d …` reconstructed from a container's inspect: ports, env, mounts, networks,
 * restart policy, limits, labels, entrypoint and command (the closest equivalent: not every engine
 * setting has a flag). Env values with secret names are passed as `-e NAME`, never inline.
 */
export function dockerRunCommand(inspect: unknown, image: ImageConfigDefaults = {}): string {
  const info = rec(inspect);
  const cfg = rec(info.Config);
  const hc = { ...rec(info.HostConfig) };
  const imageEnv = new Set(image.Env ?? []);
  const imageLabels = image.Labels ?? {};
  const body: Rec = {
    Image: cfg.Image,
    Env: ((cfg.Env as string[] | undefined) ?? []).filter((e) => !imageEnv.has(e)),
    Labels: Object.fromEntries(Object.entries(rec(cfg.Labels)).filter(([k, v]) => imageLabels[k] !== v)),
    Tty: cfg.Tty,
    OpenStdin: cfg.OpenStdin,
    ExposedPorts: Object.fromEntries(
      Object.keys(rec(cfg.ExposedPorts))
        .filter((p) => !(p in rec(image.ExposedPorts)))
        .map((p) => [p, {}]),
    ),
    HostConfig: hc,
  };
  if (!same(cfg.Cmd, image.Cmd) || !same(cfg.Entrypoint, image.Entrypoint)) body.Cmd = cfg.Cmd;
  if (!same(cfg.Entrypoint, image.Entrypoint)) body.Entrypoint = cfg.Entrypoint;
  if (cfg.WorkingDir && cfg.WorkingDir !== (image.WorkingDir ?? '')) body.WorkingDir = cfg.WorkingDir;
  if (cfg.User && cfg.User !== (image.User ?? '')) body.User = cfg.User;
  const id = String(info.Id ?? '');
  // The engine's default hostname is the short id; anything else was chosen.
  if (typeof cfg.Hostname === 'string' && cfg.Hostname && cfg.Hostname !== shortId(id))
    body.Hostname = cfg.Hostname;
  // Mounts as the engine reports them (binds and named volumes), unless the HostConfig has them.
  if (!Array.isArray(hc.Mounts) && !Array.isArray(hc.Binds)) {
    hc.Mounts = ((info.Mounts as Rec[] | undefined) ?? [])
      .filter((m) => m.Type === 'bind' || m.Type === 'volume')
      .map((m) => ({
        Type: m.Type,
        Source: m.Type === 'volume' ? m.Name : m.Source,
        Target: m.Destination,
        ReadOnly: m.RW === false,
      }));
  }
  const name = String(info.Name ?? '').replace(/^\//, '');
  const run = shellLine(['docker', 'run', '-d', ...createBodyFlags(body, name || undefined)]);
  // The create call joins one network; the others are connected afterwards.
  const mode = String(hc.NetworkMode ?? '');
  const others = Object.keys(rec(rec(info.NetworkSettings).Networks)).filter(
    (n) => n !== mode && !(mode === 'default' && n === 'bridge'),
  );
  return [run, ...others.map((n) => `docker network connect ${sh(n)} ${sh(name)}`)].join(' &&\n');
}
