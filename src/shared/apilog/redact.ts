/**
 * Removes secrets from what the API log keeps and shows: auth headers, passwords and tokens in
 * bodies, secret and config payloads, and environment values whose names say they are secret.
 * Runs before anything is stored, so a secret never reaches the log, an export or the renderer.
 */
export const REDACTED = '<redacted>';

/** Headers whose whole value is a credential (X-Registry-Auth is base64 JSON with a password). */
const SECRET_HEADERS = new Set([
  'x-registry-auth',
  'x-registry-config',
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
]);

/** Body fields that hold a credential wherever they appear (engine and registry spellings). */
const SECRET_FIELD =
  /^(password|passwd|auth|identitytoken|registrytoken|token|secret|jointoken|jointokens|unlockkey|signingcakey|privatekey|ssh_key|sshkey)$/i;

/** An environment variable or build argument whose name says its value is a secret. */
const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|KEY|CREDENTIAL|AUTH|PRIVATE)/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

export function redactHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    const value = Array.isArray(v) ? v.join(', ') : String(v);
    out[k] = SECRET_HEADERS.has(k.toLowerCase()) ? REDACTED : value;
  }
  return out;
}

/** `NAME=value` with a secret-looking name -> `NAME=<redacted>`. */
export function redactEnvEntry(entry: string): string {
  const eq = entry.indexOf('=');
  if (eq < 0) return entry;
  return isSecretName(entry.slice(0, eq)) ? `${entry.slice(0, eq + 1)}${REDACTED}` : entry;
}

/** Paths whose `Data` is a secret or config payload (create and update). */
const PAYLOAD_PATH = /^(\/v\d+\.\d+)?\/(secrets|configs)\/(create|[^/]+\/update)$/;

/**
 * A redacted deep copy of a JSON value sent to or received from `path` (unversioned or not).
 * Env arrays (containers, exec, services), build args and secret fields are covered at any depth.
 */
export function redactJson(value: unknown, path = ''): unknown {
  const payload = PAYLOAD_PATH.test(path);
  const walk = (v: unknown, key: string | undefined): unknown => {
    if (Array.isArray(v)) {
      if (key !== undefined && /^env$/i.test(key)) {
        return v.map((e) => (typeof e === 'string' ? redactEnvEntry(e) : walk(e, undefined)));
      }
      return v.map((e) => walk(e, undefined));
    }
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
        if (SECRET_FIELD.test(k) && child !== null && child !== '') out[k] = REDACTED;
        else if (payload && k === 'Data') out[k] = REDACTED;
        else if (/^(buildargs|args)$/i.test(k) && child && typeof child === 'object')
          out[k] = redactNamedValues(child as Record<string, unknown>);
        else out[k] = walk(child, k);
      }
      return out;
    }
    return v;
  };
  return walk(value, undefined);
}

function redactNamedValues(map: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(map)) out[k] = isSecretName(k) ? REDACTED : v;
  return out;
}

/** Query values: build args (JSON in `buildargs`) and anything named like a credential. */
export function redactQuery(pairs: Array<[string, string]>): Array<[string, string]> {
  return pairs.map(([k, v]): [string, string] => {
    if (k === 'buildargs') {
      try {
        return [k, JSON.stringify(redactNamedValues(JSON.parse(v) as Record<string, unknown>))];
      } catch {
        return [k, REDACTED];
      }
    }
    if (SECRET_FIELD.test(k)) return [k, REDACTED];
    // Create bodies never go into the query (src/main/engine/body-out-of-query.ts); a request
    // typed in the console still might.
    if (/^env$/i.test(k)) return [k, redactEnvEntry(v)];
    if (v.startsWith('{') || v.startsWith('[')) return [k, redactText(v, '')];
    return [k, v];
  });
}

/**
 * Redacts a text body: a JSON document, or JSON lines (progress and event streams). Text that is
 * not JSON is returned as is: it is engine output (logs), not something Berthmaster sent.
 */
export function redactText(text: string, path: string): string {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return text;
  try {
    return JSON.stringify(redactJson(JSON.parse(text), path));
  } catch {
    // JSON lines, or a document cut by the size limit: redact line by line; a line that does not
    // parse is dropped rather than shown unredacted.
    return text
      .split('\n')
      .map((line) => {
        if (!line.trim()) return line;
        try {
          return JSON.stringify(redactJson(JSON.parse(line), path));
        } catch {
          return '<unparsed JSON line hidden>';
        }
      })
      .join('\n');
  }
}
