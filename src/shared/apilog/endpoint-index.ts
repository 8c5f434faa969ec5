import data from './endpoint-index.data.json' with { type: 'json' };
import type { HttpMethod } from './engine-request';

/**
 * The Engine API endpoints of the bundled OpenAPI descriptions (resources/engine-api), compacted
 * by scripts/engine-api-index.py: for the console's completion, inline docs and body warnings.
 */
export interface EndpointParam {
  n: string;
  in: 'path' | 'query' | 'header';
  t: string;
  d: string;
  r?: boolean;
  enum?: unknown[];
  def?: unknown;
}

export interface EndpointBody {
  t: string;
  ref?: string;
  /** Top-level fields with their type and first sentence of docs. */
  props?: Record<string, { t: string; d: string }>;
  req?: string[];
  r?: boolean;
}

export interface EndpointDoc {
  m: HttpMethod;
  /** Template, e.g. /containers/{id}/json */
  p: string;
  /** Summary */
  s: string;
  /** First sentence of the description */
  d: string;
  op: string;
  params?: EndpointParam[];
  body?: EndpointBody;
}

interface IndexData {
  /** Each distinct endpoint description once. */
  endpoints: EndpointDoc[];
  /** Per API version, the indices of its endpoints. */
  versions: Record<string, number[]>;
}

const INDEX = data as unknown as IndexData;

export const BUNDLED_API_VERSIONS = Object.keys(INDEX.versions).sort(cmp);

function cmp(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
}

/** The bundled description closest to a host's version: the newest not above it, else the oldest. */
export function describedVersion(apiVersion: string): string {
  const v = apiVersion.replace(/^v/, '');
  let best = BUNDLED_API_VERSIONS[0] as string;
  for (const b of BUNDLED_API_VERSIONS) if (cmp(b, v) <= 0) best = b;
  return best;
}

const byVersion = new Map<string, EndpointDoc[]>();

export function endpointsFor(apiVersion: string): EndpointDoc[] {
  const v = describedVersion(apiVersion);
  let list = byVersion.get(v);
  if (!list) {
    list = (INDEX.versions[v] ?? []).map((i) => INDEX.endpoints[i] as EndpointDoc);
    byVersion.set(v, list);
  }
  return list;
}

function templateRegex(template: string): RegExp {
  // {name} in an image path may hold slashes (/images/{name}/json); other parameters do not.
  const src = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      if (!part.startsWith('{')) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      return part === '{name}' && template.startsWith('/images/') ? '(.+)' : '([^/]+)';
    })
    .join('');
  return new RegExp(`^${src}$`);
}

const regexCache = new Map<string, RegExp>();

/** The documented endpoints whose template matches an unversioned path (any method). */
export function matchPath(apiVersion: string, path: string): EndpointDoc[] {
  return endpointsFor(apiVersion).filter((e) => {
    let re = regexCache.get(e.p);
    if (!re) regexCache.set(e.p, (re = templateRegex(e.p)));
    return re.test(path);
  });
}

export function findEndpoint(apiVersion: string, method: HttpMethod, path: string): EndpointDoc | undefined {
  const matches = matchPath(apiVersion, path).filter((e) => e.m === method);
  // A literal segment beats a parameter (/containers/create over /containers/{id}).
  return matches.sort((a, b) => (a.p.match(/\{/g)?.length ?? 0) - (b.p.match(/\{/g)?.length ?? 0))[0];
}

/** Completion for what the user typed so far: endpoints whose template starts with it, then contain it. */
export function completeEndpoints(apiVersion: string, typed: string, method?: HttpMethod): EndpointDoc[] {
  const t = typed.replace(/^\/v\d+\.\d+/, '').toLowerCase();
  const all = endpointsFor(apiVersion).filter((e) => !method || e.m === method);
  const starts = all.filter((e) => e.p.toLowerCase().startsWith(t));
  const contains = all.filter(
    (e) => !e.p.toLowerCase().startsWith(t) && `${e.p} ${e.s}`.toLowerCase().includes(t),
  );
  return [...starts, ...contains];
}

function typeOk(type: string, v: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number';
    case 'boolean':
      return typeof v === 'boolean';
    case 'array':
      return Array.isArray(v);
    case 'object':
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    default:
      return true;
  }
}

/**
 * Warnings about a request against the description: unknown endpoint or method, missing required
 * or unknown query parameters, body fields. Only warnings: the engine decides and may accept more.
 */
export function validateAgainstIndex(
  apiVersion: string,
  method: HttpMethod,
  path: string,
  query: Array<[string, string]>,
  body: unknown,
): string[] {
  const v = describedVersion(apiVersion);
  const matches = matchPath(apiVersion, path);
  if (matches.length === 0) return [`${path} is not an endpoint of Engine API ${v}.`];
  const ep = findEndpoint(apiVersion, method, path);
  if (!ep) {
    const allowed = [...new Set(matches.map((e) => e.m))].join(', ');
    return [`${method} is not documented for ${path} in API ${v} (it takes ${allowed}).`];
  }
  const warnings: string[] = [];
  const queryParams = (ep.params ?? []).filter((p) => p.in === 'query');
  const given = new Set(query.map(([k]) => k));
  for (const p of queryParams)
    if (p.r && !given.has(p.n)) warnings.push(`Query parameter "${p.n}" is required.`);
  for (const k of given) {
    if (!queryParams.some((p) => p.n === k))
      warnings.push(`"${k}" is not a documented query parameter of ${ep.p}.`);
  }
  if (body !== undefined) {
    if (!ep.body) warnings.push(`${method} ${ep.p} takes no JSON body.`);
    else if (!typeOk(ep.body.t, body)) warnings.push(`The body should be of type ${ep.body.t}.`);
    else if (ep.body.props && typeOk('object', body)) {
      const rec = body as Record<string, unknown>;
      for (const [k, val] of Object.entries(rec)) {
        const prop = ep.body.props[k];
        if (!prop) warnings.push(`"${k}" is not a documented field of the ${ep.body.ref ?? 'request'} body.`);
        else if (prop.t && val !== null && !typeOk(prop.t, val))
          warnings.push(`"${k}" should be of type ${prop.t}.`);
      }
      for (const r of ep.body.req ?? []) if (!(r in rec)) warnings.push(`The body is missing "${r}".`);
    }
  } else if (ep.body?.r && ep.body.req?.length) {
    warnings.push(`${method} ${ep.p} expects a JSON body.`);
  }
  return warnings;
}
