import path from 'node:path';
import type {
  StackDependency,
  StackDiagnostic,
  StackFileRef,
  StackHealthcheck,
  StackMount,
  StackPort,
  StackResources,
  StackService,
  StackServiceNetwork,
  StackUnsupportedKey,
} from '@shared/contract';
import { parseDotenv } from './dotenv';
import { parseLongVolume, parseShortVolume, type MountContext } from './normalize-mounts';
import { FieldError, parseLongPort, parseShortPort } from './normalize-ports';
import { parseBytes, parseCpus, parseDuration, shellSplit } from './units';

type Raw = Record<string, unknown>;

export interface ServiceContext extends MountContext {
  project: string;
  networkKeys: ReadonlySet<string>;
  secretKeys: ReadonlySet<string>;
  configKeys: ReadonlySet<string>;
  /** Variables for `environment: [KEY]` without a value. */
  lookup(name: string): string | undefined;
  readFile(file: string): string;
  diagnostics: StackDiagnostic[];
  unsupported: StackUnsupportedKey[];
}

/** Service keys this engine applies. Everything else is listed as unsupported, never dropped quietly. */
const SUPPORTED = new Set([
  'image',
  'build',
  'pull_policy',
  'command',
  'entrypoint',
  'environment',
  'env_file',
  'ports',
  'expose',
  'volumes',
  'tmpfs',
  'networks',
  'network_mode',
  'depends_on',
  'healthcheck',
  'restart',
  'labels',
  'user',
  'working_dir',
  'hostname',
  'domainname',
  'container_name',
  'cap_add',
  'cap_drop',
  'privileged',
  'read_only',
  'tty',
  'stdin_open',
  'devices',
  'extra_hosts',
  'dns',
  'dns_search',
  'init',
  'stop_signal',
  'stop_grace_period',
  'logging',
  'deploy',
  'profiles',
  'secrets',
  'configs',
  'shm_size',
  'sysctls',
  'ulimits',
  'security_opt',
  'mem_limit',
  'cpus',
  'pids_limit',
  'scale',
  'links',
]);
const SUPPORTED_DEPLOY = new Set(['resources', 'replicas', 'restart_policy', 'labels', 'mode']);
const SWARM_ONLY_DEPLOY = new Set(['placement', 'update_config', 'rollback_config', 'endpoint_mode']);

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.map((x) => String(x)) : v === undefined || v === null ? [] : [String(v)];

function keyValues(v: unknown, lookup?: (k: string) => string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(v)) {
    for (const item of v) {
      const text = String(item);
      const eq = text.indexOf('=');
      if (eq >= 0) out[text.slice(0, eq)] = text.slice(eq + 1);
      else if (lookup) {
        const value = lookup(text);
        if (value !== undefined) out[text] = value;
      } else out[text] = '';
    }
  } else if (v && typeof v === 'object') {
    for (const [k, value] of Object.entries(v as Raw)) {
      if (value === null || value === undefined) {
        const looked = lookup?.(k);
        if (looked !== undefined) out[k] = looked;
        else if (!lookup) out[k] = '';
      } else out[k] = String(value);
    }
  }
  return out;
}

function commandOf(v: unknown): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v.map(String);
  return shellSplit(String(v));
}

function resources(v: unknown): StackResources {
  const r = (v ?? {}) as Raw;
  const out: StackResources = {};
  if (r.cpus !== undefined) {
    const n = parseCpus(r.cpus);
    if (n === null) throw new FieldError(`cpus "${String(r.cpus)}" is not a number.`);
    out.nanoCpus = n;
  }
  if (r.memory !== undefined) {
    const n = parseBytes(r.memory);
    if (n === null) throw new FieldError(`memory "${String(r.memory)}" is not a size.`);
    out.memoryBytes = n;
  }
  if (typeof r.pids === 'number') out.pids = r.pids;
  return out;
}

function healthcheck(v: Raw): StackHealthcheck {
  const hc: StackHealthcheck = { disable: v.disable === true };
  if (v.test !== undefined) {
    if (typeof v.test === 'string') hc.test = ['CMD-SHELL', v.test];
    else hc.test = strings(v.test);
    if (hc.test[0] === 'NONE') hc.disable = true;
  }
  for (const [key, field] of [
    ['interval', 'interval'],
    ['timeout', 'timeout'],
    ['start_period', 'startPeriod'],
    ['start_interval', 'startInterval'],
  ] as const) {
    if (v[key] === undefined) continue;
    const d = parseDuration(v[key]);
    if (d === null) throw new FieldError(`${key} "${String(v[key])}" is not a duration (e.g. 10s, 1m30s).`);
    hc[field] = d;
  }
  if (typeof v.retries === 'number') hc.retries = v.retries;
  return hc;
}

function fileRefs(v: unknown, kind: 'secrets' | 'configs', known: ReadonlySet<string>): StackFileRef[] {
  return (Array.isArray(v) ? v : []).map((item) => {
    const spec = typeof item === 'string' ? { source: item } : (item as Raw);
    const key = String(spec.source ?? '');
    if (!known.has(key))
      throw new FieldError(`${kind.slice(0, -1)} "${key}" is not declared in the top-level ${kind}.`);
    const target = typeof spec.target === 'string' ? spec.target : key;
    const ref: StackFileRef = {
      key,
      target:
        kind === 'secrets'
          ? target.startsWith('/')
            ? target
            : `/run/secrets/${target}`
          : target.startsWith('/')
            ? target
            : `/${target}`,
    };
    if (spec.uid !== undefined) ref.uid = String(spec.uid);
    if (spec.gid !== undefined) ref.gid = String(spec.gid);
    if (typeof spec.mode === 'number') ref.mode = spec.mode;
    return ref;
  });
}

function networks(v: unknown, ctx: ServiceContext): StackServiceNetwork[] {
  if (v === undefined) return [{ key: 'default', aliases: [], priority: 0 }];
  const entries: Array<[string, Raw]> = Array.isArray(v)
    ? v.map((k) => [String(k), {}])
    : Object.entries(v as Raw).map(([k, cfg]) => [k, (cfg ?? {}) as Raw]);
  return entries.map(([key, cfg]) => {
    if (!ctx.networkKeys.has(key))
      throw new FieldError(`network "${key}" is not declared in the top-level networks.`);
    const n: StackServiceNetwork = {
      key,
      aliases: strings(cfg.aliases),
      priority: typeof cfg.priority === 'number' ? cfg.priority : 0,
    };
    if (typeof cfg.ipv4_address === 'string') n.ipv4Address = cfg.ipv4_address;
    if (typeof cfg.ipv6_address === 'string') n.ipv6Address = cfg.ipv6_address;
    return n;
  });
}

function dependsOn(v: unknown): StackDependency[] {
  if (Array.isArray(v))
    return v.map((s) => ({
      service: String(s),
      condition: 'service_started',
      required: true,
      restart: false,
    }));
  return Object.entries((v ?? {}) as Raw).map(([service, cfg]) => {
    const c = (cfg ?? {}) as Raw;
    return {
      service,
      condition: (c.condition as StackDependency['condition'] | undefined) ?? 'service_started',
      required: c.required !== false,
      restart: c.restart === true,
    };
  });
}

/** Turns one interpolated, schema-checked service into what the engine will be asked for. */
export function normalizeService(name: string, raw: Raw, ctx: ServiceContext): StackService {
  const where = (field: string) => `services.${name}.${field}`;
  const attempt = <T>(field: string, fallback: T, fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof FieldError)) throw e;
      ctx.diagnostics.push({
        kind: 'semantic',
        severity: 'error',
        path: where(field),
        service: name,
        message: `${where(field)}: ${e.message}`,
      });
      return fallback;
    }
  };

  for (const key of Object.keys(raw)) {
    if (key.startsWith('x-') || SUPPORTED.has(key)) continue;
    ctx.unsupported.push({
      path: where(key),
      service: name,
      reason: `"${key}" is not applied by Berthmaster yet.`,
    });
  }
  // The schema lets strings through for interpolation; what is left must be a boolean.
  for (const key of ['privileged', 'read_only', 'init', 'tty', 'stdin_open']) {
    if (typeof raw[key] === 'string') {
      ctx.diagnostics.push({
        kind: 'semantic',
        severity: 'error',
        path: where(key),
        service: name,
        message: `${where(key)}: "${String(raw[key])}" is not true or false.`,
      });
    }
  }
  const deploy = (raw.deploy ?? {}) as Raw;
  for (const key of Object.keys(deploy)) {
    if (SUPPORTED_DEPLOY.has(key) || key.startsWith('x-')) continue;
    ctx.unsupported.push({
      path: where(`deploy.${key}`),
      service: name,
      reason: SWARM_ONLY_DEPLOY.has(key)
        ? `deploy.${key} applies to swarm stacks only.`
        : `deploy.${key} is not applied by Berthmaster yet.`,
    });
  }
  if (raw.links !== undefined) {
    ctx.unsupported.push({
      path: where('links'),
      service: name,
      reason: 'links are legacy; services reach each other by name on their networks anyway.',
    });
  }

  const build = attempt('build', undefined, () => {
    if (raw.build === undefined) return undefined;
    const b = typeof raw.build === 'string' ? { context: raw.build } : (raw.build as Raw);
    const context = path.posix.resolve(ctx.workingDir, String(b.context ?? '.'));
    const out: StackService['build'] = {
      context,
      dockerfile: String(b.dockerfile ?? 'Dockerfile'),
      args: keyValues(b.args, ctx.lookup),
      labels: keyValues(b.labels),
    };
    if (typeof b.target === 'string') out.target = b.target;
    return out;
  });
  const image = typeof raw.image === 'string' ? raw.image : build ? `${ctx.project}-${name}` : '';
  if (!image) {
    ctx.diagnostics.push({
      kind: 'semantic',
      severity: 'error',
      path: where('image'),
      service: name,
      message: `${where('image')}: the service has neither image nor build.`,
    });
  }

  const environment = attempt('env_file', {} as Record<string, string>, () => {
    const env: Record<string, string> = {};
    const files = Array.isArray(raw.env_file)
      ? raw.env_file
      : raw.env_file === undefined
        ? []
        : [raw.env_file];
    for (const f of files) {
      const spec =
        typeof f === 'string' ? { path: f, required: true } : (f as { path: string; required?: boolean });
      const file = path.posix.resolve(ctx.workingDir, spec.path);
      let text: string;
      try {
        text = ctx.readFile(file);
      } catch {
        if (spec.required === false) continue;
        throw new FieldError(`env file ${file} cannot be read.`);
      }
      Object.assign(env, parseDotenv(text, file).values);
    }
    return env;
  });
  Object.assign(environment, keyValues(raw.environment, ctx.lookup));

  const ports = attempt('ports', [] as StackPort[], () =>
    (Array.isArray(raw.ports) ? raw.ports : []).flatMap((p) =>
      typeof p === 'object' && p !== null ? parseLongPort(p as Raw) : parseShortPort(p as string | number),
    ),
  );
  const mounts = attempt('volumes', [] as StackMount[], () =>
    (Array.isArray(raw.volumes) ? raw.volumes : []).map((v) =>
      typeof v === 'string' ? parseShortVolume(v, ctx) : parseLongVolume(v as Raw, ctx),
    ),
  );

  const limitsRaw = ((deploy.resources ?? {}) as Raw).limits;
  const limits = attempt('deploy.resources.limits', {} as StackResources, () => resources(limitsRaw));
  // The legacy service-level keys mean the same as deploy limits.
  if (raw.mem_limit !== undefined && limits.memoryBytes === undefined) {
    const n = parseBytes(raw.mem_limit);
    if (n !== null) limits.memoryBytes = n;
  }
  if (raw.cpus !== undefined && limits.nanoCpus === undefined) {
    const n = parseCpus(raw.cpus);
    if (n !== null) limits.nanoCpus = n;
  }
  if (typeof raw.pids_limit === 'number' && limits.pids === undefined) limits.pids = raw.pids_limit;
  const reservations = attempt('deploy.resources.reservations', {} as StackResources, () =>
    resources(((deploy.resources ?? {}) as Raw).reservations),
  );

  const restartPolicy = (deploy.restart_policy ?? {}) as Raw;
  let restart = typeof raw.restart === 'string' ? raw.restart : 'no';
  if (raw.restart === undefined && typeof restartPolicy.condition === 'string') {
    const c = restartPolicy.condition;
    restart =
      c === 'none'
        ? 'no'
        : c === 'on-failure'
          ? `on-failure${typeof restartPolicy.max_attempts === 'number' ? `:${restartPolicy.max_attempts}` : ''}`
          : 'always';
  }

  const replicas =
    typeof deploy.replicas === 'number' ? deploy.replicas : typeof raw.scale === 'number' ? raw.scale : 1;
  const containerName = typeof raw.container_name === 'string' ? raw.container_name : undefined;
  if (containerName && replicas > 1) {
    ctx.diagnostics.push({
      kind: 'semantic',
      severity: 'error',
      path: where('container_name'),
      service: name,
      message: `${where('container_name')}: a fixed container name allows only one replica, not ${replicas}.`,
    });
  }

  const svc: StackService = {
    name,
    image,
    pullPolicy: (['always', 'missing', 'never', 'build'].includes(String(raw.pull_policy))
      ? raw.pull_policy
      : raw.pull_policy === 'if_not_present'
        ? 'missing'
        : build && raw.image === undefined
          ? 'build'
          : 'missing') as StackService['pullPolicy'],
    environment,
    ports,
    expose: strings(raw.expose),
    mounts,
    networks:
      typeof raw.network_mode === 'string'
        ? []
        : attempt('networks', [] as StackServiceNetwork[], () => networks(raw.networks, ctx)),
    dependsOn: dependsOn(raw.depends_on),
    restart,
    labels: keyValues(raw.labels),
    capAdd: strings(raw.cap_add),
    capDrop: strings(raw.cap_drop),
    privileged: raw.privileged === true,
    readOnly: raw.read_only === true,
    tty: raw.tty === true,
    stdinOpen: raw.stdin_open === true,
    devices: strings(raw.devices).map((d) => (d.includes(':') ? d : `${d}:${d}`)),
    extraHosts: Array.isArray(raw.extra_hosts)
      ? strings(raw.extra_hosts).map((h) => h.replace('=', ':'))
      : Object.entries((raw.extra_hosts ?? {}) as Raw).map(([h, ip]) => `${h}:${String(ip)}`),
    dns: strings(raw.dns),
    dnsSearch: strings(raw.dns_search),
    limits,
    reservations,
    replicas,
    profiles: strings(raw.profiles),
    secrets: attempt('secrets', [] as StackFileRef[], () => fileRefs(raw.secrets, 'secrets', ctx.secretKeys)),
    configs: attempt('configs', [] as StackFileRef[], () => fileRefs(raw.configs, 'configs', ctx.configKeys)),
    sysctls: keyValues(raw.sysctls),
    ulimits: Object.fromEntries(
      Object.entries((raw.ulimits ?? {}) as Raw).map(([k, v]) => [
        k,
        typeof v === 'number'
          ? { soft: v, hard: v }
          : { soft: Number((v as Raw).soft), hard: Number((v as Raw).hard) },
      ]),
    ),
    securityOpt: strings(raw.security_opt),
    tmpfs: strings(raw.tmpfs),
    hashInput: hashInputOf(raw),
  };
  if (build) svc.build = build;
  const command = commandOf(raw.command);
  if (command) svc.command = command;
  const entrypoint = commandOf(raw.entrypoint);
  if (entrypoint) svc.entrypoint = entrypoint;
  if (typeof raw.network_mode === 'string') svc.networkMode = raw.network_mode;
  if (raw.healthcheck !== undefined) {
    const hc = attempt('healthcheck', undefined as StackHealthcheck | undefined, () =>
      healthcheck(raw.healthcheck as Raw),
    );
    if (hc) svc.healthcheck = hc;
  }
  if (typeof raw.user === 'string' || typeof raw.user === 'number') svc.user = String(raw.user);
  if (typeof raw.working_dir === 'string') svc.workingDir = raw.working_dir;
  if (typeof raw.hostname === 'string') svc.hostname = raw.hostname;
  if (typeof raw.domainname === 'string') svc.domainname = raw.domainname;
  if (containerName) svc.containerName = containerName;
  if (typeof raw.init === 'boolean') svc.init = raw.init;
  if (typeof raw.stop_signal === 'string') svc.stopSignal = raw.stop_signal;
  if (raw.stop_grace_period !== undefined) {
    const d = attempt('stop_grace_period', null as number | null, () => {
      const n = parseDuration(raw.stop_grace_period);
      if (n === null) throw new FieldError(`"${String(raw.stop_grace_period)}" is not a duration.`);
      return n;
    });
    if (d !== null) svc.stopGracePeriod = Math.round(d / 1e9);
  }
  if (raw.logging !== undefined) {
    const l = raw.logging as Raw;
    svc.logging = { options: keyValues(l.options) };
    if (typeof l.driver === 'string') svc.logging.driver = l.driver;
  }
  if (raw.shm_size !== undefined) {
    const n = parseBytes(raw.shm_size);
    if (n !== null) svc.shmSize = n;
  }
  return svc;
}

/** What decides the container: everything but replicas, build, pull policy, profiles and ordering. */
function hashInputOf(raw: Raw): Record<string, unknown> {
  const rest: Raw = { ...raw };
  for (const k of ['build', 'pull_policy', 'scale', 'profiles', 'depends_on']) delete rest[k];
  if (rest.deploy && typeof rest.deploy === 'object') {
    const d = { ...(rest.deploy as Raw) };
    delete d.replicas;
    // `deploy: {replicas: 3}` and no deploy at all run the same container.
    if (Object.keys(d).length) rest.deploy = d;
    else delete rest.deploy;
  }
  return rest;
}
