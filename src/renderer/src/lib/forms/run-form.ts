import {
  CONTAINER_NAME_PATTERN,
  CONTAINER_NAME_RULE,
  ENV_KEY_PATTERN,
  ENV_KEY_RULE,
  LABEL_KEY_PATTERN,
  MIN_MEMORY_BYTES,
  NETWORK_NAME_PATTERN,
  RUN_IMAGE_PATTERN,
  USER_PATTERN,
  VOLUME_NAME_PATTERN,
  isIpAddress,
  runSpecSchema,
  type MountSpec,
  type PortMapping,
  type PortProtocol,
  type RestartPolicyName,
  type RunSpec,
} from '@shared/contract';
import { joinShellWords, splitShellWords } from './shell-words';

/**
 * The run form as typed (all text), and its conversion to a RunSpec with one message per wrong
 * field. The same rules are enforced again by the contract's schema in main.
 */
export interface KeyValueRow {
  key: string;
  value: string;
}

export interface PortRow {
  hostIp: string;
  hostPort: string;
  containerPort: string;
  protocol: PortProtocol;
}

export interface MountRow {
  type: MountSpec['type'];
  source: string;
  target: string;
  readOnly: boolean;
}

export interface RunForm {
  image: string;
  name: string;
  command: string;
  entrypoint: string;
  env: KeyValueRow[];
  ports: PortRow[];
  mounts: MountRow[];
  /** Empty: the default bridge. */
  network: string;
  restart: RestartPolicyName;
  maxRetries: string;
  labels: KeyValueRow[];
  memory: string;
  cpus: string;
  workingDir: string;
  user: string;
  tty: boolean;
  interactive: boolean;
  autoRemove: boolean;
  start: boolean;
}

/** Field id → message. Ids: "image", "env.0.key", "ports.1.hostPort", "mounts.0.target"... */
export type FieldErrors = Record<string, string>;

export const emptyKeyValue = (): KeyValueRow => ({ key: '', value: '' });
export const emptyPort = (): PortRow => ({ hostIp: '', hostPort: '', containerPort: '', protocol: 'tcp' });
export const emptyMount = (): MountRow => ({ type: 'volume', source: '', target: '', readOnly: false });

export function emptyForm(): RunForm {
  return {
    image: '',
    name: '',
    command: '',
    entrypoint: '',
    env: [],
    ports: [],
    mounts: [],
    network: '',
    restart: 'no',
    maxRetries: '',
    labels: [],
    memory: '',
    cpus: '',
    workingDir: '',
    user: '',
    tty: false,
    interactive: false,
    autoRemove: false,
    start: true,
  };
}

const UNITS: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** "512m", "1.5g", "268435456" → bytes (binary units, as `docker run -m`); undefined when invalid. */
export function parseMemory(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([bkmgt])?(?:i?b)?$/i.exec(text.trim());
  if (!m) return undefined;
  const bytes = Number(m[1]) * (UNITS[(m[2] ?? 'b').toLowerCase()] ?? 1);
  return Number.isFinite(bytes) ? Math.round(bytes) : undefined;
}

/** Bytes back to the shortest exact "512m" / "1g" form. */
export function formatMemory(bytes: number): string {
  for (const u of ['t', 'g', 'm', 'k'] as const) {
    const size = UNITS[u] as number;
    if (bytes % size === 0) return `${bytes / size}${u}`;
  }
  return String(bytes);
}

function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text.trim())) return undefined;
  const n = Number(text.trim());
  return n >= 1 && n <= 65535 ? n : undefined;
}

const isBlank = (s: string) => s.trim() === '';

export function formToSpec(form: RunForm): { spec?: RunSpec; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const image = form.image.trim();
  if (!image) errors.image = 'choose an image';
  else if (!RUN_IMAGE_PATTERN.test(image))
    errors.image = 'an image is a name like "busybox" or "registry:5000/team/app:1.2"';

  const name = form.name.trim();
  if (name && !CONTAINER_NAME_PATTERN.test(name)) errors.name = CONTAINER_NAME_RULE;

  const argv = (field: 'command' | 'entrypoint'): string[] | undefined => {
    if (isBlank(form[field])) return undefined;
    const r = splitShellWords(form[field]);
    if (!r.ok) {
      errors[field] = r.error;
      return undefined;
    }
    return r.words;
  };
  const cmd = argv('command');
  const entrypoint = argv('entrypoint');

  const env: string[] = [];
  form.env.forEach((row, i) => {
    if (isBlank(row.key) && row.value === '') return;
    const key = row.key.trim();
    if (!key) errors[`env.${i}.key`] = 'enter the variable name';
    else if (!ENV_KEY_PATTERN.test(key)) errors[`env.${i}.key`] = ENV_KEY_RULE;
    else if (row.value.includes('\0')) errors[`env.${i}.value`] = 'a value cannot contain a NUL character';
    else env.push(`${key}=${row.value}`);
  });

  const ports: PortMapping[] = [];
  form.ports.forEach((row, i) => {
    if (isBlank(row.hostIp) && isBlank(row.hostPort) && isBlank(row.containerPort)) return;
    const containerPort = parsePort(row.containerPort);
    if (containerPort === undefined) {
      errors[`ports.${i}.containerPort`] = isBlank(row.containerPort)
        ? 'enter the container port'
        : 'a port is a number from 1 to 65535';
    }
    let hostPort: number | undefined;
    if (!isBlank(row.hostPort)) {
      hostPort = parsePort(row.hostPort);
      if (hostPort === undefined) errors[`ports.${i}.hostPort`] = 'a port is a number from 1 to 65535';
    }
    const hostIp = row.hostIp.trim();
    if (hostIp && !isIpAddress(hostIp)) errors[`ports.${i}.hostIp`] = 'not an IP address (e.g. 127.0.0.1)';
    if (containerPort !== undefined) {
      const p: PortMapping = { hostIp, containerPort, protocol: row.protocol };
      if (hostPort !== undefined) p.hostPort = hostPort;
      ports.push(p);
    }
  });

  const mounts: MountSpec[] = [];
  form.mounts.forEach((row, i) => {
    if (isBlank(row.source) && isBlank(row.target)) return;
    const source = row.source.trim();
    const target = row.target.trim();
    if (!target) errors[`mounts.${i}.target`] = 'enter the path in the container';
    else if (!target.startsWith('/')) errors[`mounts.${i}.target`] = 'a container path starts with "/"';
    if (row.type === 'bind') {
      if (!source) errors[`mounts.${i}.source`] = 'enter a folder or file on the host';
      else if (!source.startsWith('/')) errors[`mounts.${i}.source`] = 'a host path starts with "/"';
    } else if (source && !VOLUME_NAME_PATTERN.test(source)) {
      errors[`mounts.${i}.source`] =
        'a volume name has letters, digits, _ . - (empty: a new anonymous volume)';
    }
    if (target.startsWith('/') && (row.type === 'volume' || source.startsWith('/'))) {
      mounts.push({ type: row.type, source, target, readOnly: row.readOnly } as MountSpec);
    }
  });

  const network = form.network.trim();
  if (network && !NETWORK_NAME_PATTERN.test(network)) errors.network = 'not a valid network name';

  let maxRetries: number | undefined;
  if (form.restart === 'on-failure' && !isBlank(form.maxRetries)) {
    maxRetries = /^\d+$/.test(form.maxRetries.trim()) ? Number(form.maxRetries.trim()) : undefined;
    if (maxRetries === undefined || maxRetries > 10_000) errors.maxRetries = 'a whole number from 0 to 10000';
  }
  if (form.autoRemove && form.restart !== 'no') {
    errors.autoRemove = 'auto-remove cannot be combined with a restart policy';
  }

  const labels: Record<string, string> = {};
  form.labels.forEach((row, i) => {
    if (isBlank(row.key) && row.value === '') return;
    const key = row.key.trim();
    if (!key) errors[`labels.${i}.key`] = 'enter the label key';
    else if (!LABEL_KEY_PATTERN.test(key)) errors[`labels.${i}.key`] = 'a label key has no spaces and no "="';
    else if (key in labels) errors[`labels.${i}.key`] = `"${key}" is already set above`;
    else labels[key] = row.value;
  });

  let memoryBytes: number | undefined;
  if (!isBlank(form.memory)) {
    memoryBytes = parseMemory(form.memory);
    if (memoryBytes === undefined) errors.memory = 'a size like 512m or 1g';
    else if (memoryBytes < MIN_MEMORY_BYTES) errors.memory = 'the engine needs at least 6m';
  }
  let cpus: number | undefined;
  if (!isBlank(form.cpus)) {
    cpus = /^\d*\.?\d+$/.test(form.cpus.trim()) ? Number(form.cpus.trim()) : undefined;
    if (cpus === undefined || cpus < 0.01 || cpus > 1024) errors.cpus = 'a number of CPUs like 0.5 or 2';
  }
  const workingDir = form.workingDir.trim();
  if (workingDir && !workingDir.startsWith('/')) errors.workingDir = 'a working directory starts with "/"';
  const user = form.user.trim();
  if (user && !USER_PATTERN.test(user)) errors.user = 'a user is "name", "uid" or "uid:gid"';

  if (Object.keys(errors).length > 0) return { errors };

  const spec: RunSpec = {
    image,
    env,
    ports,
    mounts,
    restartPolicy:
      form.restart === 'on-failure' && maxRetries !== undefined
        ? { name: 'on-failure', maxRetries }
        : { name: form.restart },
    labels,
    tty: form.tty,
    interactive: form.interactive,
    autoRemove: form.autoRemove,
  };
  if (name) spec.name = name;
  if (cmd) spec.cmd = cmd;
  if (entrypoint) spec.entrypoint = entrypoint;
  if (network) spec.network = network;
  if (memoryBytes !== undefined) spec.memoryBytes = memoryBytes;
  if (cpus !== undefined) spec.cpus = cpus;
  if (workingDir) spec.workingDir = workingDir;
  if (user) spec.user = user;

  // Rules that span fields (a host port published twice, a path mounted twice) live in the schema.
  const parsed = runSpecSchema.safeParse(spec);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      errors[fieldOfIssue(issue.path, form)] ??= issue.message;
    }
    return { errors };
  }
  return { spec, errors };
}

/** Maps a schema issue's path to the form field it is about. */
function fieldOfIssue(path: readonly PropertyKey[], form: RunForm): string {
  const [head, index, leaf] = path;
  const filled = <T>(rows: T[], blank: (r: T) => boolean) =>
    rows.map((r, i) => [r, i] as const).filter(([r]) => !blank(r));
  switch (head) {
    case 'ports': {
      const rows = filled(
        form.ports,
        (r) => isBlank(r.hostIp) && isBlank(r.hostPort) && isBlank(r.containerPort),
      );
      return `ports.${rows[Number(index)]?.[1] ?? 0}.${String(leaf ?? 'containerPort')}`;
    }
    case 'mounts': {
      const rows = filled(form.mounts, (r) => isBlank(r.source) && isBlank(r.target));
      return `mounts.${rows[Number(index)]?.[1] ?? 0}.${String(leaf ?? 'target')}`;
    }
    case 'env': {
      const rows = filled(form.env, (r) => isBlank(r.key) && r.value === '');
      return `env.${rows[Number(index)]?.[1] ?? 0}.key`;
    }
    case 'restartPolicy':
      return 'maxRetries';
    case 'memoryBytes':
      return 'memory';
    case 'labels':
      return 'labels';
    default:
      return String(head ?? 'image');
  }
}

/** The form filled from a spec ("Edit and recreate"), with one empty row where lists are empty. */
export function specToForm(spec: RunSpec, start: boolean): RunForm {
  const splitEnv = (e: string): KeyValueRow => {
    const i = e.indexOf('=');
    return i < 0 ? { key: e, value: '' } : { key: e.slice(0, i), value: e.slice(i + 1) };
  };
  return {
    image: spec.image,
    name: spec.name ?? '',
    command: spec.cmd ? joinShellWords(spec.cmd) : '',
    entrypoint: spec.entrypoint ? joinShellWords(spec.entrypoint) : '',
    env: spec.env.map(splitEnv),
    ports: spec.ports.map((p) => ({
      hostIp: p.hostIp,
      hostPort: p.hostPort === undefined ? '' : String(p.hostPort),
      containerPort: String(p.containerPort),
      protocol: p.protocol,
    })),
    mounts: spec.mounts.map((m) => ({ ...m })),
    network: spec.network ?? '',
    restart: spec.restartPolicy.name,
    maxRetries: spec.restartPolicy.maxRetries === undefined ? '' : String(spec.restartPolicy.maxRetries),
    labels: Object.entries(spec.labels).map(([key, value]) => ({ key, value })),
    memory: spec.memoryBytes === undefined ? '' : formatMemory(spec.memoryBytes),
    cpus: spec.cpus === undefined ? '' : String(spec.cpus),
    workingDir: spec.workingDir ?? '',
    user: spec.user ?? '',
    tty: spec.tty,
    interactive: spec.interactive,
    autoRemove: spec.autoRemove,
    start,
  };
}

/** Engine errors that are about one field: shown next to it as well as above the form. */
export function fieldOfEngineError(code: string, message: string): string | undefined {
  if (code === 'CONFLICT' && /name/i.test(message)) return 'name';
  if (code === 'NOT_FOUND' && /image/i.test(message)) return 'image';
  if (/port is already allocated|address already in use/i.test(message)) return 'ports';
  if (/network .* not found/i.test(message)) return 'network';
  if (/bind source path does not exist/i.test(message)) return 'mounts';
  return undefined;
}
