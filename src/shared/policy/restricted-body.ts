/**
 * What "restricted" means for a workload: nothing that makes a container root on the engine's
 * machine. One pure inspector over the Engine API bodies (container create, swarm service spec),
 * so every path that sends one (run, recreate, services, later compose stacks) is judged alike,
 * on what the engine would receive rather than on what a form showed.
 */

export interface BodyViolation {
  /** Where in the engine body, e.g. "HostConfig.Mounts[0].Source". */
  path: string;
  /** The rule it breaks, in words. */
  rule: string;
  policy: 'restricted';
}

/** The parts of a host's policy settings the inspector needs. */
export interface BodyLimits {
  /** Host paths (absolute) under which bind mounts are allowed; empty: no bind mounts at all. */
  allowedBindPaths: readonly string[];
}

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** "/a/./b/../c/" → "/a/c"; the engine's host resolves ".." the same way before mounting. */
export function normalizeHostPath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** True when `source` is one of the allowed paths or inside one. */
export function bindAllowed(source: string, allowed: readonly string[]): boolean {
  const p = normalizeHostPath(source);
  return allowed.some((a) => {
    const base = normalizeHostPath(a);
    return base !== '/' && (p === base || p.startsWith(`${base}/`));
  });
}

/** "0", "root", "0:0", "root:wheel", "00": the user part names uid 0. */
export function isRootUser(user: string): boolean {
  const name = user.split(':')[0] ?? '';
  return name === 'root' || /^0+$/.test(name);
}

/** Only the setting that takes privileges away is not a "security-opt change". */
const HARMLESS_SECURITY_OPTS = new Set([
  'no-new-privileges',
  'no-new-privileges:true',
  'no-new-privileges=true',
]);

const NAMESPACE_MODES = [
  'NetworkMode',
  'PidMode',
  'IpcMode',
  'UTSMode',
  'UsernsMode',
  'CgroupnsMode',
] as const;

class Collector {
  readonly found: BodyViolation[] = [];
  add(path: string, rule: string) {
    this.found.push({ path, rule, policy: 'restricted' });
  }
}

function checkBindSource(c: Collector, path: string, source: string, limits: BodyLimits) {
  if (!bindAllowed(source, limits.allowedBindPaths)) {
    c.add(path, `bind mount of ${source} is outside the host's allowed paths`);
  }
}

/** A local volume with driver options type=none,o=bind,device=/x is a bind mount in disguise. */
function checkVolumeDevice(c: Collector, path: string, options: unknown, limits: BodyLimits) {
  if (!isObj(options)) return;
  const device = str(options.device);
  const o = str(options.o) ?? '';
  if (device !== undefined && (device.startsWith('/') || /(^|,)r?bind(,|$)/.test(o))) {
    checkBindSource(c, path, device, limits);
  }
}

function checkMounts(c: Collector, base: string, mounts: unknown, limits: BodyLimits) {
  arr(mounts).forEach((m, i) => {
    if (!isObj(m)) return;
    const p = `${base}[${i}]`;
    const type = str(m.Type) ?? '';
    if (type === 'bind') checkBindSource(c, `${p}.Source`, str(m.Source) ?? '', limits);
    else if (type === 'npipe') c.add(`${p}.Type`, 'named pipe mounts reach the host');
    else if (type === 'volume') {
      const vo = isObj(m.VolumeOptions) ? m.VolumeOptions : {};
      const dc = isObj(vo.DriverConfig) ? vo.DriverConfig : {};
      checkVolumeDevice(c, `${p}.VolumeOptions.DriverConfig.Options.device`, dc.Options, limits);
    }
  });
}

function checkUser(c: Collector, path: string, user: unknown) {
  const u = str(user);
  if (u !== undefined && u !== '' && isRootUser(u)) c.add(path, `running as ${u} (root) is not allowed`);
}

/** Violations of "restricted" in an Engine API container-create body (POST /containers/create). */
export function inspectContainerBody(body: unknown, limits: BodyLimits): BodyViolation[] {
  const c = new Collector();
  if (!isObj(body)) return c.found;
  checkUser(c, 'User', body.User);
  const hc = isObj(body.HostConfig) ? body.HostConfig : {};
  arr(hc.Binds).forEach((b, i) => {
    const spec = str(b) ?? '';
    const source = spec.split(':')[0] ?? '';
    // "name:/target" is a named volume; only a path is the host's file system.
    if (source.startsWith('/') || source.startsWith('.') || source.startsWith('~')) {
      checkBindSource(c, `HostConfig.Binds[${i}]`, source, limits);
    }
  });
  checkMounts(c, 'HostConfig.Mounts', hc.Mounts, limits);
  if (arr(hc.VolumesFrom).length > 0) {
    c.add('HostConfig.VolumesFrom', "another container's mounts may be host paths");
  }
  if (hc.Privileged === true) c.add('HostConfig.Privileged', 'privileged containers are not allowed');
  if (arr(hc.Devices).length > 0) c.add('HostConfig.Devices', 'host devices are not allowed');
  if (arr(hc.DeviceRequests).length > 0) c.add('HostConfig.DeviceRequests', 'host devices are not allowed');
  if (arr(hc.DeviceCgroupRules).length > 0) {
    c.add('HostConfig.DeviceCgroupRules', 'device access rules are not allowed');
  }
  if (arr(hc.CapAdd).length > 0) c.add('HostConfig.CapAdd', 'added capabilities are not allowed');
  for (const mode of NAMESPACE_MODES) {
    const v = str(hc[mode]) ?? '';
    if (v === 'host' || v.startsWith('container:')) {
      c.add(
        `HostConfig.${mode}`,
        `${v === 'host' ? "the host's" : "another container's"} namespace is not allowed`,
      );
    }
  }
  arr(hc.SecurityOpt).forEach((o, i) => {
    if (!HARMLESS_SECURITY_OPTS.has(str(o) ?? '')) {
      c.add(`HostConfig.SecurityOpt[${i}]`, 'security options cannot be changed');
    }
  });
  return c.found;
}

/** Violations of "restricted" in a swarm ServiceSpec (POST /services/create, /services/{id}/update). */
export function inspectServiceSpec(spec: unknown, limits: BodyLimits): BodyViolation[] {
  const c = new Collector();
  if (!isObj(spec)) return c.found;
  const tt = isObj(spec.TaskTemplate) ? spec.TaskTemplate : {};
  if (tt.PluginSpec !== undefined || tt.Runtime === 'plugin') {
    c.add('TaskTemplate.PluginSpec', 'plugin services install engine plugins with host privileges');
  }
  const cs = isObj(tt.ContainerSpec) ? tt.ContainerSpec : {};
  const base = 'TaskTemplate.ContainerSpec';
  checkUser(c, `${base}.User`, cs.User);
  checkMounts(c, `${base}.Mounts`, cs.Mounts, limits);
  if (arr(cs.CapabilityAdd).length > 0) c.add(`${base}.CapabilityAdd`, 'added capabilities are not allowed');
  if (isObj(cs.Privileges)) {
    const pr = cs.Privileges;
    for (const k of ['CredentialSpec', 'SELinuxContext', 'Seccomp', 'AppArmor'] as const) {
      if (pr[k] !== undefined && pr[k] !== null) {
        c.add(`${base}.Privileges.${k}`, 'security options cannot be changed');
      }
    }
    if (pr.NoNewPrivileges === false) {
      c.add(`${base}.Privileges.NoNewPrivileges`, 'security options cannot be changed');
    }
  }
  if (str(cs.Isolation) !== undefined && cs.Isolation !== 'default') {
    c.add(`${base}.Isolation`, 'isolation cannot be changed');
  }
  const nets = [...arr(tt.Networks), ...arr(spec.Networks)];
  nets.forEach((n, i) => {
    if (isObj(n) && n.Target === 'host')
      c.add(`TaskTemplate.Networks[${i}]`, "the host's network is not allowed");
  });
  return c.found;
}

/** One sentence for a refusal: every violation with its field, and the policy. */
export function describeViolations(hostName: string, violations: readonly BodyViolation[]): string {
  const list = violations.map((v) => `${v.path}: ${v.rule}`).join('; ');
  return `The policy of ${hostName} (restricted) refuses this: ${list}.`;
}
