import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { StackDiagnostic } from '@shared/contract';
import composeSpec from './schema/compose-spec.json' with { type: 'json' };
import { formatPath, positionOf, type YamlPath, type YamlSource } from './yaml-source';

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  // The spec uses formats ("duration", "expose"...) and keywords ajv's strict mode rejects; the
  // formats compose-go checks itself are checked again when the file is normalized.
  // Its $schema names draft-07 by an https address ajv does not know; the draft is ajv's default.
  const { $schema: _draft, ...schema } = composeSpec as Record<string, unknown>;
  void _draft;
  compiled ??= new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
  return compiled;
}

function toPath(instancePath: string): YamlPath {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(e: ErrorObject): { message: string; path: YamlPath; preferKey: boolean } {
  const path = toPath(e.instancePath);
  const where = formatPath(path) || 'the file';
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      return { message: `${where}: "${key}" is not allowed here.`, path: [...path, key], preferKey: true };
    }
    case 'required':
      return {
        message: `${where}: "${(e.params as { missingProperty: string }).missingProperty}" is required.`,
        path,
        preferKey: false,
      };
    case 'enum':
      return {
        message: `${where} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}.`,
        path,
        preferKey: false,
      };
    case 'type':
      return { message: `${where} must be ${(e.params as { type: string }).type}.`, path, preferKey: false };
    default:
      return { message: `${where} ${e.message ?? 'is not valid'}.`, path, preferKey: false };
  }
}

/**
 * Checks the (interpolated) file against the Compose Specification's schema and points each error
 * at its line. oneOf/anyOf branches produce several errors for one mistake; only the deepest per
 * place is kept, so "ports[0] must be number" does not come with three siblings.
 */
export function validateSchema(source: YamlSource, value: unknown): StackDiagnostic[] {
  const validate = validator();
  if (validate(value)) return [];
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf');
  const byPlace = new Map<string, ErrorObject[]>();
  for (const e of errors.length ? errors : (validate.errors ?? [])) {
    const list = byPlace.get(e.instancePath) ?? [];
    list.push(e);
    byPlace.set(e.instancePath, list);
  }
  const out: StackDiagnostic[] = [];
  const seen = new Set<string>();
  for (const [place, list] of byPlace) {
    // A deeper error under this place says more than a type mismatch of the whole place.
    const deeper = [...byPlace.keys()].some((other) => other !== place && other.startsWith(`${place}/`));
    const picked = list.filter((e) => !(deeper && e.keyword === 'type'));
    const preferred = picked.find((e) => e.keyword === 'additionalProperties') ? picked : picked.slice(0, 1);
    for (const e of preferred) {
      const d = describe(e);
      if (seen.has(d.message)) continue;
      seen.add(d.message);
      const at = positionOf(source, d.path, d.preferKey);
      const service = d.path[0] === 'services' && typeof d.path[1] === 'string' ? d.path[1] : undefined;
      out.push({
        kind: 'schema',
        severity: 'error',
        ...(at ? { at } : {}),
        path: formatPath(d.path),
        ...(service ? { service } : {}),
        message: d.message,
      });
    }
  }
  return out;
}
