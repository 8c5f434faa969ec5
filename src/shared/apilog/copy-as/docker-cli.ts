import { splitVersion, type EngineRequest } from '../engine-request';
import { createBodyFlags, envFlag } from './create-flags';
import { REGISTRY_ENV } from './secrets';
import { sh, shellLine } from './shell';

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : {});
const on = (q: Map<string, string>, k: string) => q.get(k) === '1' || q.get(k) === 'true';

/**
 * The closest `docker` CLI command for a request, or undefined when the CLI has none. It is an
 * equivalent, not the CLI's exact traffic (the CLI may send other requests around it). Secrets are
 * read from the environment (`-e NAME` passes $NAME; logins read $REGISTRY_PASSWORD).
 */
export function dockerCliCommand(req: EngineRequest): string | undefined {
  const path = splitVersion(req.path).path;
  const q = new Map(req.query ?? []);
  const body = rec(req.body);
  const seg = path
    .split('/')
    .slice(1)
    .map((s) => decodeURIComponent(s));
  const [a, b, c] = seg;
  const m = req.method;
  const cmd = (...w: string[]) => shellLine(['docker', ...w]);
  if (m === 'POST' && path === '/containers/create') {
    return shellLine(['docker', 'create', ...createBodyFlags(body, q.get('name'))]);
  }
  if (m === 'POST' && path === '/images/create' && q.has('fromImage')) {
    const image = q.get('fromImage') as string;
    const tag = q.get('tag');
    const ref = tag ? (tag.startsWith('sha256:') ? `${image}@${tag}` : `${image}:${tag}`) : image;
    const pull = cmd(
      'pull',
      ...(q.get('platform') ? ['--platform', sh(q.get('platform') as string)] : []),
      sh(ref),
    );
    const auth = Object.keys(req.headers ?? {}).some((h) => h.toLowerCase() === 'x-registry-auth');
    if (!auth) return pull;
    const first = image.split('/')[0] ?? '';
    const server = image.includes('/') && /[.:]|^localhost$/.test(first) ? first : '';
    return [
      `echo "$${REGISTRY_ENV.password}" | docker login -u "$${REGISTRY_ENV.user}" --password-stdin${server ? ` ${sh(server)}` : ''}`,
      pull,
    ].join(' &&\n');
  }
  if (m === 'POST' && path === '/build') return buildCommand(req);
  if (m === 'POST' && path === '/networks/create') {
    const w = ['network', 'create'];
    if (typeof body.Driver === 'string') w.push('--driver', sh(body.Driver));
    if (body.Internal === true) w.push('--internal');
    if (body.Attachable === true) w.push('--attachable');
    if (body.EnableIPv6 === true) w.push('--ipv6');
    for (const cfg of (rec(body.IPAM).Config as Rec[] | undefined) ?? []) {
      if (typeof cfg.Subnet === 'string') w.push('--subnet', sh(cfg.Subnet));
      if (typeof cfg.Gateway === 'string') w.push('--gateway', sh(cfg.Gateway));
      if (typeof cfg.IPRange === 'string') w.push('--ip-range', sh(cfg.IPRange));
    }
    for (const [k, v] of Object.entries(rec(body.Options))) w.push('--opt', sh(`${k}=${String(v)}`));
    for (const [k, v] of Object.entries(rec(body.Labels))) w.push('--label', sh(`${k}=${String(v)}`));
    w.push(sh(String(body.Name ?? '')));
    return cmd(...w);
  }
  if (m === 'POST' && path === '/volumes/create') {
    const w = ['volume', 'create'];
    if (typeof body.Driver === 'string') w.push('--driver', sh(body.Driver));
    for (const [k, v] of Object.entries(rec(body.DriverOpts))) w.push('--opt', sh(`${k}=${String(v)}`));
    for (const [k, v] of Object.entries(rec(body.Labels))) w.push('--label', sh(`${k}=${String(v)}`));
    if (typeof body.Name === 'string' && body.Name) w.push(sh(body.Name));
    return cmd(...w);
  }
  if (m === 'POST' && a === 'containers' && b && c === 'exec') {
    const w = ['exec'];
    if (body.AttachStdin === true) w.push('-i');
    if (body.Tty === true) w.push('-t');
    if (typeof body.User === 'string' && body.User) w.push('-u', sh(body.User));
    if (typeof body.WorkingDir === 'string' && body.WorkingDir) w.push('-w', sh(body.WorkingDir));
    if (body.Privileged === true) w.push('--privileged');
    for (const e of (body.Env as string[] | undefined) ?? []) w.push('-e', envFlag(e));
    w.push(sh(b), ...((body.Cmd as string[] | undefined) ?? []).map(sh));
    return cmd(...w);
  }
  if (a === 'containers' && b && seg.length === 3 && m === 'POST') {
    const simple: Record<string, string> = {
      start: 'start',
      stop: 'stop',
      restart: 'restart',
      kill: 'kill',
      pause: 'pause',
      unpause: 'unpause',
    };
    const verb = c ? simple[c] : undefined;
    if (verb) {
      const w = [verb];
      if ((verb === 'stop' || verb === 'restart') && q.has('t')) w.push('-t', sh(q.get('t') as string));
      if (verb === 'kill' && q.has('signal')) w.push('-s', sh(q.get('signal') as string));
      return cmd(...w, sh(b));
    }
    if (c === 'rename' && q.has('name')) return cmd('rename', sh(b), sh(q.get('name') as string));
  }
  if (m === 'DELETE' && a === 'containers' && b && seg.length === 2) {
    return cmd('rm', ...(on(q, 'force') ? ['-f'] : []), ...(on(q, 'v') ? ['-v'] : []), sh(b));
  }
  if (m === 'GET' && path === '/containers/json')
    return cmd('ps', ...(on(q, 'all') ? ['-a'] : []), '--no-trunc');
  if (m === 'GET' && a === 'containers' && b && c === 'json') return cmd('container', 'inspect', sh(b));
  if (m === 'GET' && a === 'containers' && b && c === 'logs') {
    const w = ['logs'];
    if (on(q, 'follow')) w.push('-f');
    if (on(q, 'timestamps')) w.push('-t');
    if (q.get('tail') && q.get('tail') !== 'all') w.push('--tail', sh(q.get('tail') as string));
    return cmd(...w, sh(b));
  }
  if (m === 'GET' && a === 'containers' && b && c === 'top') return cmd('top', sh(b));
  if (m === 'GET' && path === '/images/json') return cmd('images', ...(on(q, 'all') ? ['-a'] : []));
  if (m === 'GET' && a === 'images' && path.endsWith('/json'))
    return cmd('image', 'inspect', sh(seg.slice(1, -1).join('/')));
  if (m === 'DELETE' && a === 'images' && b)
    return cmd('rmi', ...(on(q, 'force') ? ['-f'] : []), sh(seg.slice(1).join('/')));
  if (m === 'POST' && a === 'images' && path.endsWith('/tag') && q.has('repo')) {
    const target = q.get('tag') ? `${q.get('repo')}:${q.get('tag')}` : (q.get('repo') as string);
    return cmd('tag', sh(seg.slice(1, -1).join('/')), sh(target));
  }
  if (m === 'GET' && path === '/networks') return cmd('network', 'ls');
  if (m === 'GET' && a === 'networks' && b) return cmd('network', 'inspect', sh(b));
  if (m === 'DELETE' && a === 'networks' && b) return cmd('network', 'rm', sh(b));
  if (m === 'POST' && a === 'networks' && b && (c === 'connect' || c === 'disconnect'))
    return cmd('network', c, sh(b), sh(String(body.Container ?? '')));
  if (m === 'GET' && path === '/volumes') return cmd('volume', 'ls');
  if (m === 'GET' && a === 'volumes' && b) return cmd('volume', 'inspect', sh(b));
  if (m === 'DELETE' && a === 'volumes' && b)
    return cmd('volume', 'rm', ...(on(q, 'force') ? ['-f'] : []), sh(b));
  if (m === 'GET' && path === '/version') return cmd('version');
  if (m === 'GET' && path === '/info') return cmd('info');
  if (m === 'GET' && path === '/system/df') return cmd('system', 'df', '-v');
  if (m === 'GET' && path === '/events') return cmd('events');
  if (m === 'POST' && /^\/(containers|images|networks|volumes)\/prune$/.test(path))
    return cmd(a as string, 'prune', '-f');
  return undefined;
}

const jsonRec = (v: string | undefined): Rec => {
  try {
    return rec(v ? JSON.parse(v) : undefined);
  } catch {
    return {};
  }
};

/** `docker build`: a redacted build argument is passed by name (the CLI reads it from $NAME). */
function buildCommand(req: EngineRequest): string {
  const context = req.tarContext ?? '.';
  const w = ['docker', 'build'];
  for (const [k, v] of req.query ?? []) if (k === 't') w.push('-t', sh(v));
  const q = new Map(req.query ?? []);
  const dockerfile = q.get('dockerfile');
  // The CLI reads -f relative to the working directory, the engine relative to the context.
  if (dockerfile) w.push('-f', sh(dockerfile.startsWith('/') ? dockerfile : `${context}/${dockerfile}`));
  for (const [k, v] of Object.entries(jsonRec(q.get('buildargs'))))
    w.push('--build-arg', envFlag(`${k}=${String(v)}`));
  if (q.get('target')) w.push('--target', sh(q.get('target') as string));
  if (on(q, 'pull')) w.push('--pull');
  if (on(q, 'nocache')) w.push('--no-cache');
  for (const [k, v] of Object.entries(jsonRec(q.get('labels')))) w.push('--label', sh(`${k}=${String(v)}`));
  if (q.get('platform')) w.push('--platform', sh(q.get('platform') as string));
  w.push(sh(context));
  return shellLine(w);
}
