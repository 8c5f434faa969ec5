import { REDACTED } from '../redact';

/**
 * Snippets never carry secrets: a value the log redacted becomes a reference to an environment
 * variable the user sets before running the snippet. `NAME=<redacted>` in an Env list reads $NAME;
 * another redacted field reads $FIELD (upper-cased), e.g. $PASSWORD.
 */
export interface SecretRef {
  env: string;
  prefix: string;
}

export function secretRefOf(value: string, key: string | undefined): SecretRef | undefined {
  if (value === REDACTED) return { env: envName(key ?? 'SECRET'), prefix: '' };
  if (value.endsWith(`=${REDACTED}`)) {
    const name = value.slice(0, -REDACTED.length - 1);
    return { env: envName(name), prefix: `${name}=` };
  }
  return undefined;
}

function envName(key: string): string {
  const n = key.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase();
  return /^[A-Z_]/.test(n) ? n : `_${n}`;
}

/**
 * A query value that is a JSON object with redacted values (a build's `buildargs`): snippets
 * rebuild it in their language so the secret is read from the environment.
 */
export function secretQueryJson(value: string): Record<string, unknown> | undefined {
  if (!value.startsWith('{') || !value.includes(REDACTED)) return undefined;
  try {
    const parsed = JSON.parse(value) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The environment variables a request's redacted values read (body, then query), in order. */
export function secretEnvOfRequest(body: unknown, query: Array<[string, string]> = []): string[] {
  const out = new Set(secretEnvOf(body));
  for (const [, v] of query) for (const e of secretEnvOf(secretQueryJson(v))) out.add(e);
  return [...out];
}

/** The environment variables a body's redacted values read, in order of appearance. */
export function secretEnvOf(value: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, key: string | undefined) => {
    if (typeof v === 'string') {
      const ref = secretRefOf(v, key);
      if (ref) out.add(ref.env);
    } else if (Array.isArray(v)) v.forEach((e) => walk(e, key));
    else if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, k);
  };
  walk(value, undefined);
  return [...out];
}

/**
 * Writes a JSON value as source code, calling `secret` for redacted strings (which returns the
 * language's expression reading the environment variable).
 */
export function literal(
  value: unknown,
  lang: {
    str(s: string): string;
    obj(entries: string[]): string;
    arr(items: string[]): string;
    key(k: string): string;
    nul: string;
    bool?(b: boolean): string;
  },
  secret: (ref: SecretRef) => string,
  key?: string,
): string {
  if (typeof value === 'string') {
    const ref = secretRefOf(value, key);
    return ref ? secret(ref) : lang.str(value);
  }
  if (value === null || value === undefined) return lang.nul;
  if (typeof value === 'boolean') return lang.bool ? lang.bool(value) : String(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return lang.arr(value.map((v) => literal(v, lang, secret, key)));
  return lang.obj(
    Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `${lang.key(k)}${literal(v, lang, secret, k)}`,
    ),
  );
}

export const REGISTRY_ENV = { user: 'REGISTRY_USER', password: 'REGISTRY_PASSWORD' } as const;
