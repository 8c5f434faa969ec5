import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type {
  StackDiagnostic,
  StackFileObject,
  StackLoadResult,
  StackNetwork,
  StackProject,
  StackService,
  StackUnsupportedKey,
  StackVolume,
} from '@shared/contract';
import { parseDotenv } from './dotenv';
import { interpolateDocument } from './interpolate-document';
import { checkDependencies } from './dependency-order';
import { normalizeService } from './normalize-service';
import { validateSchema } from './schema-validate';
import { positionOf, parseYaml, type YamlPath } from './yaml-source';

type Raw = Record<string, unknown>;

export interface LoadInput {
  /** The compose file's text. */
  composeYaml: string;
  /** The `.env` text (may be empty). */
  envText: string;
  /** Project name; when empty, the file's `name:` or the folder's name. */
  projectName?: string;
  /** Folder relative paths resolve against (on the user's machine). */
  workingDir: string;
  /** Recorded in the config_files label. */
  configFile?: string;
  environmentFile?: string;
  /**
   * The process environment, which wins over `.env` as the shell's does for docker compose. Only
   * the variables the file references are read from it: the rest never reaches a deployment.
   */
  environment?: Readonly<Record<string, string | undefined>>;
  /** Active profiles; COMPOSE_PROFILES in `.env` adds to them. */
  profiles?: string[];
  homeDir?: string;
  readFile?: (file: string) => string;
}

const TOP_LEVEL = new Set(['version', 'name', 'services', 'networks', 'volumes', 'secrets', 'configs']);

/** Docker compose's rule for project names: lower case letters, digits, dashes and underscores. */
export function normalizeProjectName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_-]/g, '');
}

/** Why a load gave no project, in one line: its first error (with the line), or a generic word. */
export function loadFailureMessage(load: StackLoadResult): string {
  const first = load.diagnostics.find((d) => d.severity === 'error');
  return first
    ? `${first.at ? `line ${first.at.line}: ` : ''}${first.message}`
    : 'The compose file is not valid.';
}

/** Parses, interpolates, validates and normalizes a compose file with its `.env`. Never throws for bad input. */
export function loadProject(input: LoadInput): StackLoadResult {
  const { source, diagnostics } = parseYaml(input.composeYaml);
  const dotenv = parseDotenv(input.envText);
  diagnostics.push(...dotenv.diagnostics);
  const extra = input.environment ?? {};
  const lookup = (name: string) => {
    const shell = Object.hasOwn(extra, name) ? extra[name] : undefined;
    if (shell !== undefined) return { value: shell, source: 'environment' as const };
    if (name in dotenv.values) return { value: dotenv.values[name] as string, source: 'env-file' as const };
    return undefined;
  };
  const unsupported: StackUnsupportedKey[] = [];
  const empty = (): StackLoadResult => ({
    project: null,
    diagnostics,
    variables: [],
    unsupported,
    resolvedYaml: '',
  });
  if (diagnostics.some((d) => d.severity === 'error' && d.kind === 'yaml')) return empty();

  const { variables, diagnostics: interp } = interpolateDocument(source, { get: lookup });
  diagnostics.push(...interp);
  const raw = source.doc.toJS({ maxAliasCount: 1000 }) as unknown;
  const resolvedYaml = raw === null || raw === undefined ? '' : stringify(raw);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    diagnostics.push({
      kind: 'schema',
      severity: 'error',
      at: { line: 1, col: 1 },
      path: '',
      message: 'A compose file is a mapping with a "services" key.',
    });
    return { ...empty(), variables };
  }
  diagnostics.push(...validateSchema(source, raw));
  const file = raw as Raw;
  const at = (p: YamlPath, key = false) => positionOf(source, p, key);
  for (const key of Object.keys(file)) {
    if (!TOP_LEVEL.has(key) && !key.startsWith('x-')) {
      const pos = at([key], true);
      unsupported.push({
        path: key,
        ...(pos ? { at: pos } : {}),
        reason: `top-level "${key}" is not applied by Berthmaster yet.`,
      });
    }
  }
  if (diagnostics.some((d) => d.severity === 'error'))
    return { project: null, diagnostics, variables, unsupported, resolvedYaml };

  const name = normalizeProjectName(
    input.projectName || (typeof file.name === 'string' ? file.name : '') || path.basename(input.workingDir),
  );
  if (!name) {
    diagnostics.push({
      kind: 'semantic',
      severity: 'error',
      path: 'name',
      message: 'The project needs a name (letters, digits, "-" or "_").',
    });
    return { project: null, diagnostics, variables, unsupported, resolvedYaml };
  }
  const servicesRaw = (file.services ?? {}) as Record<string, Raw>;
  const networksRaw = { ...((file.networks ?? {}) as Record<string, Raw | null>) };
  const volumesRaw = (file.volumes ?? {}) as Record<string, Raw | null>;

  const profiles = new Set([
    ...(input.profiles ?? []),
    // Not from the process environment: the file does not reference it, so it stays out.
    ...(dotenv.values.COMPOSE_PROFILES ?? '').split(',').filter(Boolean),
  ]);
  const enabled = (svc: Raw | null) => {
    const p = Array.isArray(svc?.profiles) ? (svc.profiles as unknown[]).map(String) : [];
    return p.length === 0 || p.some((x) => profiles.has(x));
  };
  const readFile = input.readFile ?? ((f: string) => readFileSync(f, 'utf8'));
  const usesDefault = Object.values(servicesRaw).some(
    (s) => enabled(s) && s?.network_mode === undefined && s?.networks === undefined,
  );
  if (usesDefault && !('default' in networksRaw)) networksRaw.default = null;

  const networks: StackNetwork[] = Object.entries(networksRaw).map(([key, cfg]) =>
    network(name, key, cfg ?? {}),
  );
  const volumes: StackVolume[] = Object.entries(volumesRaw).map(([key, cfg]) => volume(name, key, cfg ?? {}));
  const secrets = fileObjects(
    name,
    (file.secrets ?? {}) as Record<string, Raw>,
    input.workingDir,
    'secrets',
    diagnostics,
  );
  const configs = fileObjects(
    name,
    (file.configs ?? {}) as Record<string, Raw>,
    input.workingDir,
    'configs',
    diagnostics,
  );

  const services: StackService[] = [];
  const disabledServices: string[] = [];
  const ctx = {
    project: name,
    workingDir: input.workingDir,
    homeDir: input.homeDir ?? '/root',
    volumeKeys: new Set(Object.keys(volumesRaw)),
    networkKeys: new Set(Object.keys(networksRaw)),
    secretKeys: new Set(Object.keys((file.secrets ?? {}) as Raw)),
    configKeys: new Set(Object.keys((file.configs ?? {}) as Raw)),
    lookup: (k: string) => lookup(k)?.value,
    readFile,
    diagnostics: [] as StackDiagnostic[],
    unsupported: [] as StackUnsupportedKey[],
  };
  for (const [svcName, svcRaw] of Object.entries(servicesRaw)) {
    const svc = normalizeService(svcName, svcRaw ?? {}, ctx);
    // The resolved environment (env files included) decides the container, not the file's text.
    const hashInput: Raw = { ...svc.hashInput, environment: svc.environment };
    delete hashInput.env_file;
    svc.hashInput = hashInput;
    if (svc.profiles.length && !svc.profiles.some((p) => profiles.has(p))) disabledServices.push(svcName);
    else services.push(svc);
  }
  for (const d of ctx.diagnostics) {
    const pos = at(d.path.split('.'));
    diagnostics.push(pos ? { ...d, at: pos } : d);
  }
  for (const u of ctx.unsupported) {
    const pos = at(u.path.split('.'), true);
    unsupported.push(pos ? { ...u, at: pos } : u);
  }
  diagnostics.push(
    ...checkDependencies(services, disabledServices).map((d) => {
      const pos = at(d.path.split('.'), true);
      return pos ? { ...d, at: pos } : d;
    }),
  );
  if (diagnostics.some((d) => d.severity === 'error'))
    return { project: null, diagnostics, variables, unsupported, resolvedYaml };

  const project: StackProject = {
    name,
    workingDir: input.workingDir,
    configFiles: [input.configFile ?? path.posix.join(input.workingDir, 'compose.yaml')],
    services,
    disabledServices,
    networks,
    volumes,
    secrets,
    configs,
  };
  if (input.environmentFile) project.environmentFile = input.environmentFile;
  return { project, diagnostics, variables, unsupported, resolvedYaml };
}

function stringMap(v: unknown): Record<string, string> {
  if (Array.isArray(v))
    return Object.fromEntries(v.map((s) => String(s).split(/=(.*)/s).slice(0, 2) as [string, string]));
  return Object.fromEntries(Object.entries((v ?? {}) as Raw).map(([k, x]) => [k, String(x ?? '')]));
}

function isExternal(cfg: Raw): boolean {
  return cfg.external === true || (typeof cfg.external === 'object' && cfg.external !== null);
}

function externalName(cfg: Raw, key: string): string {
  if (typeof cfg.name === 'string') return cfg.name;
  const ext = cfg.external as Raw | boolean;
  if (typeof ext === 'object' && typeof ext.name === 'string') return ext.name;
  return key;
}

function network(project: string, key: string, cfg: Raw): StackNetwork {
  const external = isExternal(cfg);
  const n: StackNetwork = {
    key,
    name: external ? externalName(cfg, key) : typeof cfg.name === 'string' ? cfg.name : `${project}_${key}`,
    external,
    driverOpts: stringMap(cfg.driver_opts),
    attachable: cfg.attachable === true,
    internal: cfg.internal === true,
    enableIpv6: cfg.enable_ipv6 === true,
    labels: stringMap(cfg.labels),
  };
  if (typeof cfg.driver === 'string') n.driver = cfg.driver;
  const ipam = cfg.ipam as Raw | undefined;
  if (ipam) {
    n.ipam = {
      config: ((ipam.config ?? []) as Raw[]).map((c) => ({
        ...(typeof c.subnet === 'string' ? { subnet: c.subnet } : {}),
        ...(typeof c.gateway === 'string' ? { gateway: c.gateway } : {}),
        ...(typeof c.ip_range === 'string' ? { ipRange: c.ip_range } : {}),
      })),
    };
    if (typeof ipam.driver === 'string') n.ipam.driver = ipam.driver;
  }
  return n;
}

function volume(project: string, key: string, cfg: Raw): StackVolume {
  const external = isExternal(cfg);
  const v: StackVolume = {
    key,
    name: external ? externalName(cfg, key) : typeof cfg.name === 'string' ? cfg.name : `${project}_${key}`,
    external,
    driverOpts: stringMap(cfg.driver_opts),
    labels: stringMap(cfg.labels),
  };
  if (typeof cfg.driver === 'string') v.driver = cfg.driver;
  return v;
}

function fileObjects(
  project: string,
  entries: Record<string, Raw>,
  workingDir: string,
  kind: 'secrets' | 'configs',
  diagnostics: StackDiagnostic[],
): StackFileObject[] {
  return Object.entries(entries).map(([key, cfgRaw]) => {
    const cfg = cfgRaw ?? {};
    const external = isExternal(cfg);
    const o: StackFileObject = {
      key,
      name: external ? externalName(cfg, key) : typeof cfg.name === 'string' ? cfg.name : `${project}_${key}`,
      external,
    };
    if (typeof cfg.file === 'string') o.file = path.posix.resolve(workingDir, cfg.file);
    else if (typeof cfg.content === 'string') o.content = cfg.content;
    else if (!external) {
      diagnostics.push({
        kind: 'semantic',
        severity: 'error',
        path: `${kind}.${key}`,
        message: `${kind}.${key}: only file-based (file:) or inline (content:) ${kind} are supported.`,
      });
    }
    return o;
  });
}
