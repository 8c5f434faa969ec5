import type { StackDiagnostic, StackVariableUse } from '@shared/contract';
import { interpolate, InterpolationError, type VariableHit, type VariableLookup } from './interpolate';
import { formatPath, positionOfNode, walkScalars, type YamlSource } from './yaml-source';

/** Fields whose values are numbers or booleans once a variable is resolved, as compose-go casts them. */
const NUMERIC = new Set([
  'published',
  'target',
  'replicas',
  'retries',
  'cpus',
  'cpu_shares',
  'pids_limit',
  'priority',
  'mode',
  'uid',
  'gid',
  'size',
  'scale',
]);
const BOOLEAN = new Set([
  'privileged',
  'read_only',
  'init',
  'tty',
  'stdin_open',
  'external',
  'internal',
  'attachable',
  'enable_ipv6',
  'disable',
  'nocopy',
  'create_host_path',
  'required',
  'restart',
]);

function cast(key: string | number | undefined, value: string): string | number | boolean {
  if (typeof key !== 'string') return value;
  if (NUMERIC.has(key) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (BOOLEAN.has(key) && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return value;
}

/**
 * Resolves every variable in the document's values in place, recording each use with its line.
 * A `${VAR:?message}` that is missing becomes an error at its line.
 */
export function interpolateDocument(
  source: YamlSource,
  vars: VariableLookup,
): { variables: StackVariableUse[]; diagnostics: StackDiagnostic[] } {
  const variables: StackVariableUse[] = [];
  const diagnostics: StackDiagnostic[] = [];
  walkScalars(source, (node, path) => {
    if (typeof node.value !== 'string' || !node.value.includes('$')) return;
    const hits: VariableHit[] = [];
    const at = positionOfNode(source, node);
    const service = path[0] === 'services' && typeof path[1] === 'string' ? path[1] : undefined;
    try {
      const value = interpolate(node.value, vars, hits);
      node.value = cast(path[path.length - 1], value);
    } catch (e) {
      if (!(e instanceof InterpolationError)) throw e;
      diagnostics.push({
        kind: 'interpolation',
        severity: 'error',
        ...(at ? { at } : {}),
        path: formatPath(path),
        ...(service ? { service } : {}),
        message: `${formatPath(path)}: ${e.message}`,
      });
    }
    for (const h of hits) {
      variables.push({
        name: h.name,
        value: h.value,
        source: h.source,
        ...(at ? { at } : {}),
        path: formatPath(path),
      });
    }
  });
  return { variables, diagnostics };
}
