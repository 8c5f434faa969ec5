import { createHash } from 'node:crypto';
import type { StackProject, StackService } from '@shared/contract';

/** The labels docker compose v2 reads and writes, so each tool sees the other's projects as its own. */
export const L = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  number: 'com.docker.compose.container-number',
  oneoff: 'com.docker.compose.oneoff',
  hash: 'com.docker.compose.config-hash',
  workingDir: 'com.docker.compose.project.working_dir',
  configFiles: 'com.docker.compose.project.config_files',
  environmentFile: 'com.docker.compose.project.environment_file',
  version: 'com.docker.compose.version',
  dependsOn: 'com.docker.compose.depends_on',
  image: 'com.docker.compose.image',
  network: 'com.docker.compose.network',
  volume: 'com.docker.compose.volume',
  stackNamespace: 'com.docker.stack.namespace',
  /** Ours: a short hash per compose key, so a plan can say which keys changed. */
  fields: 'io.berthmaster.stack.fields',
} as const;

/** The compose v2 behaviour these containers follow (names with "-", aliases, labels). */
export const COMPOSE_VERSION = '2.24.0';

/** JSON with sorted keys: the same data always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function configHash(service: StackService): string {
  return sha256(canonicalJson(service.hashInput));
}

/** "command=1a2b3c4d5e6f,environment=..." */
export function fieldHashes(service: StackService): string {
  return Object.keys(service.hashInput)
    .sort()
    .map((k) => `${k}=${sha256(canonicalJson(service.hashInput[k])).slice(0, 12)}`)
    .join(',');
}

export function parseFieldHashes(label: string | undefined): Map<string, string> | null {
  if (!label) return null;
  return new Map(label.split(',').map((p) => p.split('=') as [string, string]));
}

/** Keys whose short hashes differ between what runs and what the file says. */
export function changedFields(running: string | undefined, service: StackService): string[] | null {
  const before = parseFieldHashes(running);
  if (!before) return null;
  const after = parseFieldHashes(fieldHashes(service))!;
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

/** `<project>-<service>-<n>`, or the service's container_name. */
export function containerName(project: string, service: StackService, number: number): string {
  return service.containerName ?? `${project}-${service.name}-${number}`;
}

export function containerLabels(
  project: StackProject,
  service: StackService,
  number: number,
): Record<string, string> {
  const labels: Record<string, string> = {
    ...service.labels,
    [L.project]: project.name,
    [L.service]: service.name,
    [L.number]: String(number),
    [L.oneoff]: 'False',
    [L.hash]: configHash(service),
    [L.workingDir]: project.workingDir,
    [L.configFiles]: project.configFiles.join(','),
    [L.version]: COMPOSE_VERSION,
    [L.fields]: fieldHashes(service),
  };
  if (project.environmentFile) labels[L.environmentFile] = project.environmentFile;
  if (service.dependsOn.length) {
    labels[L.dependsOn] = service.dependsOn.map((d) => `${d.service}:${d.condition}:${d.restart}`).join(',');
  }
  return labels;
}

/** A project's network or volume: its own labels, then compose's (which win). */
function resourceLabels(
  keyLabel: string,
  project: string,
  key: string,
  own: Record<string, string>,
): Record<string, string> {
  return { ...own, [keyLabel]: key, [L.project]: project, [L.version]: COMPOSE_VERSION };
}

export const networkLabels = (project: string, key: string, own: Record<string, string>) =>
  resourceLabels(L.network, project, key, own);

export const volumeLabels = (project: string, key: string, own: Record<string, string>) =>
  resourceLabels(L.volume, project, key, own);
