import { serviceSpecSchema, type ServiceSpecInput } from '@shared/contract';

/** The create form as typed: text fields, parsed into a ServiceSpec on submit. */
export interface ServiceForm {
  name: string;
  image: string;
  command: string;
  mode: 'replicated' | 'global';
  replicas: string;
  /** One per line: "8080:80", "8080:80/udp", "8080:80 host". */
  ports: string;
  env: string;
  constraints: string;
  preferences: string;
  networks: string;
  secrets: string;
  configs: string;
  /** One per line: "volume:name:/path", "bind:/host:/path", "tmpfs::/path" (":ro" at the end). */
  mounts: string;
  cpuLimit: string;
  memoryLimitMb: string;
  restart: 'any' | 'on-failure' | 'none';
  parallelism: string;
  monitorSeconds: string;
  failureAction: 'pause' | 'continue' | 'rollback';
  order: 'stop-first' | 'start-first';
}

export const EMPTY_FORM: ServiceForm = {
  name: '',
  image: '',
  command: '',
  mode: 'replicated',
  replicas: '1',
  ports: '',
  env: '',
  constraints: '',
  preferences: '',
  networks: '',
  secrets: '',
  configs: '',
  mounts: '',
  cpuLimit: '',
  memoryLimitMb: '',
  restart: 'any',
  parallelism: '1',
  monitorSeconds: '5',
  failureAction: 'pause',
  order: 'stop-first',
};

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const words = (s: string) =>
  s
    .split(/[\s,]+/)
    .map((w) => w.trim())
    .filter(Boolean);
const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

/** "sh -c 'echo hi'" → ["sh", "-c", "echo hi"]: quotes group words, as a shell would. */
export function splitCommand(s: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}

function port(line: string) {
  const m = /^(?:(\d+):)?(\d+)(?:\/(tcp|udp|sctp))?(?:\s+(ingress|host))?$/.exec(line);
  if (!m) return { target: Number.NaN };
  return {
    target: Number(m[2]),
    ...(m[1] ? { published: Number(m[1]) } : {}),
    protocol: (m[3] ?? 'tcp') as 'tcp' | 'udp' | 'sctp',
    mode: (m[4] ?? 'ingress') as 'ingress' | 'host',
  };
}

function mount(line: string) {
  const ro = line.endsWith(':ro');
  const [type = '', source = '', target = ''] = (ro ? line.slice(0, -3) : line).split(':');
  return { type: type as 'volume' | 'bind' | 'tmpfs', source, target, readOnly: ro };
}

function ref(word: string) {
  const [name = '', target] = word.split(':');
  return target ? { name, target } : { name };
}

export function toSpecInput(f: ServiceForm): ServiceSpecInput {
  const cpu = num(f.cpuLimit);
  const mem = num(f.memoryLimitMb);
  return {
    name: f.name.trim(),
    image: f.image.trim(),
    command: splitCommand(f.command),
    mode: f.mode,
    replicas: num(f.replicas) ?? 1,
    ports: lines(f.ports).map(port),
    env: lines(f.env),
    constraints: lines(f.constraints),
    preferences: words(f.preferences),
    networks: words(f.networks),
    secrets: words(f.secrets).map(ref),
    configs: words(f.configs).map(ref),
    mounts: lines(f.mounts).map(mount),
    resources: {
      ...(cpu !== undefined ? { cpuLimit: cpu } : {}),
      ...(mem !== undefined ? { memoryLimitBytes: Math.round(mem * 1024 * 1024) } : {}),
    },
    restart: { condition: f.restart },
    update: {
      parallelism: num(f.parallelism) ?? 1,
      monitorSeconds: num(f.monitorSeconds) ?? 5,
      failureAction: f.failureAction,
      order: f.order,
    },
  };
}

/** Problems per form field (first one each), from the same schema main enforces. */
export function formProblems(f: ServiceForm): Partial<Record<keyof ServiceForm, string>> {
  const parsed = serviceSpecSchema.safeParse(toSpecInput(f));
  if (parsed.success) return {};
  const out: Partial<Record<keyof ServiceForm, string>> = {};
  const fieldOf: Record<string, keyof ServiceForm> = {
    resources: 'cpuLimit',
    restart: 'restart',
    update: 'parallelism',
  };
  for (const issue of parsed.error.issues) {
    const head = String(issue.path[0] ?? 'name');
    const key = (fieldOf[head] ?? head) as keyof ServiceForm;
    if (key === 'cpuLimit' && issue.path[1] === 'memoryLimitBytes') {
      out.memoryLimitMb ??= issue.message;
      continue;
    }
    const row = typeof issue.path[1] === 'number' ? ` (line ${issue.path[1] + 1})` : '';
    out[key] ??= `${issue.message}${row}`;
  }
  return out;
}
