/**
 * The normalized compose project: what a compose file means once parsed, interpolated, validated
 * and defaulted. Plain data, so the editor can show it and the plan can be computed from it.
 */

export interface StackPosition {
  /** 1-based, as editors count. */
  line: number;
  col: number;
}

export type StackDiagnosticKind = 'yaml' | 'interpolation' | 'schema' | 'semantic' | 'unsupported';

export interface StackDiagnostic {
  kind: StackDiagnosticKind;
  severity: 'error' | 'warning';
  /** Where in the file, when known. */
  at?: StackPosition;
  /** The YAML path, e.g. "services.web.ports[0]". */
  path: string;
  /** The service it concerns, when it concerns one. */
  service?: string;
  message: string;
}

/** One `${VAR}` use, with what it resolved to. */
export interface StackVariableUse {
  name: string;
  /** The resolved text, or null when unset and without default (it resolved to ""). */
  value: string | null;
  source: 'env-file' | 'environment' | 'default' | 'unset';
  at?: StackPosition;
  path: string;
}

export interface StackPort {
  /** Container port (one of a range is one entry). */
  target: number;
  /** Host port; undefined lets the engine pick one. */
  published?: number;
  hostIp?: string;
  protocol: 'tcp' | 'udp' | 'sctp';
}

export type StackMountType = 'volume' | 'bind' | 'tmpfs';

export interface StackMount {
  type: StackMountType;
  /** Volume key (as declared at the top level), absolute host path for bind, empty for tmpfs and anonymous volumes. */
  source: string;
  target: string;
  readOnly: boolean;
  /** Bind only: create the host path when missing (short syntax does). */
  createHostPath?: boolean;
  /** Volume only: do not copy the image's content into a new volume. */
  noCopy?: boolean;
  tmpfsSize?: number;
  tmpfsMode?: number;
  bindPropagation?: string;
  consistency?: string;
}

export interface StackServiceNetwork {
  /** The network's key in the file ("default" for the implicit one). */
  key: string;
  aliases: string[];
  ipv4Address?: string;
  ipv6Address?: string;
  priority: number;
}

export type StackDependCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully';

export interface StackDependency {
  service: string;
  condition: StackDependCondition;
  required: boolean;
  restart: boolean;
}

export interface StackHealthcheck {
  disable: boolean;
  /** As the engine takes it: ["CMD", ...], ["CMD-SHELL", "..."] or ["NONE"]. */
  test?: string[];
  /** Nanoseconds. */
  interval?: number;
  timeout?: number;
  startPeriod?: number;
  startInterval?: number;
  retries?: number;
}

export interface StackLogging {
  driver?: string;
  options: Record<string, string>;
}

export interface StackResources {
  /** Nano CPUs (cpus * 1e9). */
  nanoCpus?: number;
  memoryBytes?: number;
  pids?: number;
}

export interface StackFileRef {
  /** The key at the top level. */
  key: string;
  /** Path in the container. */
  target: string;
  uid?: string;
  gid?: string;
  mode?: number;
}

export interface StackBuild {
  /** Absolute path on the user's machine. */
  context: string;
  dockerfile: string;
  args: Record<string, string>;
  target?: string;
  labels: Record<string, string>;
}

export interface StackService {
  name: string;
  /** The image to run (for build-only services, the name compose gives it: `<project>-<service>`). */
  image: string;
  build?: StackBuild;
  pullPolicy: 'always' | 'missing' | 'never' | 'build';
  command?: string[];
  entrypoint?: string[];
  environment: Record<string, string>;
  ports: StackPort[];
  expose: string[];
  mounts: StackMount[];
  networks: StackServiceNetwork[];
  /** `network_mode` (host, none, service:x, container:x) instead of networks. */
  networkMode?: string;
  dependsOn: StackDependency[];
  healthcheck?: StackHealthcheck;
  restart: string;
  labels: Record<string, string>;
  user?: string;
  workingDir?: string;
  hostname?: string;
  domainname?: string;
  containerName?: string;
  capAdd: string[];
  capDrop: string[];
  privileged: boolean;
  readOnly: boolean;
  tty: boolean;
  stdinOpen: boolean;
  devices: string[];
  extraHosts: string[];
  dns: string[];
  dnsSearch: string[];
  init?: boolean;
  stopSignal?: string;
  /** Seconds. */
  stopGracePeriod?: number;
  logging?: StackLogging;
  limits: StackResources;
  reservations: StackResources;
  replicas: number;
  profiles: string[];
  secrets: StackFileRef[];
  configs: StackFileRef[];
  shmSize?: number;
  sysctls: Record<string, string>;
  ulimits: Record<string, { soft: number; hard: number }>;
  securityOpt: string[];
  /** `tmpfs:` entries ("/run" or "/run:size=64m"). */
  tmpfs: string[];
  /** The key/value pairs of the compose file that decide the container (for the config hash and the plan's reasons). */
  hashInput: Record<string, unknown>;
}

export interface StackNetwork {
  key: string;
  /** The engine name: `<project>_<key>` unless `name` or external says otherwise. */
  name: string;
  external: boolean;
  driver?: string;
  driverOpts: Record<string, string>;
  attachable: boolean;
  internal: boolean;
  enableIpv6: boolean;
  ipam?: { driver?: string; config: Array<{ subnet?: string; gateway?: string; ipRange?: string }> };
  labels: Record<string, string>;
}

export interface StackVolume {
  key: string;
  name: string;
  external: boolean;
  driver?: string;
  driverOpts: Record<string, string>;
  labels: Record<string, string>;
}

export interface StackFileObject {
  key: string;
  name: string;
  external: boolean;
  /** Absolute path of the file on the user's machine, for file-based secrets and configs. */
  file?: string;
  /** `content:` or `environment:` configs: the text itself. */
  content?: string;
}

export interface StackProject {
  name: string;
  /** Absolute folder the relative paths resolve against (on the user's machine). */
  workingDir: string;
  /** Compose file paths recorded in the labels. */
  configFiles: string[];
  /** The env file recorded in the labels, when there is one. */
  environmentFile?: string;
  services: StackService[];
  /** Services left out by profiles (not deployed). */
  disabledServices: string[];
  networks: StackNetwork[];
  volumes: StackVolume[];
  secrets: StackFileObject[];
  configs: StackFileObject[];
}

/** A key the app parses but does not apply on this engine: listed, never silently dropped. */
export interface StackUnsupportedKey {
  path: string;
  at?: StackPosition;
  service?: string;
  /** Why: "not supported by Berthmaster yet", "swarm only", "ignored by docker compose too"... */
  reason: string;
}

export interface StackLoadResult {
  /** Null when there are errors that keep the project from being built. */
  project: StackProject | null;
  diagnostics: StackDiagnostic[];
  variables: StackVariableUse[];
  unsupported: StackUnsupportedKey[];
  /** The file after interpolation, as YAML, for "show resolved". */
  resolvedYaml: string;
}
