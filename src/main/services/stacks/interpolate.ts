/**
 * Compose variable interpolation: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?error}`, `${VAR?error}`, `${VAR:+alt}`, `${VAR+alt}` and `$$` for a literal dollar.
 * Defaults may themselves hold variables, as in compose.
 */

export interface VariableLookup {
  /** undefined when unset; "" is set-but-empty. */
  get(name: string): { value: string; source: 'env-file' | 'environment' } | undefined;
}

export interface VariableHit {
  name: string;
  value: string | null;
  source: 'env-file' | 'environment' | 'default' | 'unset';
}

export class InterpolationError extends Error {}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

function findClose(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

export function interpolate(text: string, vars: VariableLookup, hits: VariableHit[] = []): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const close = findClose(text, i + 2);
      if (close < 0) throw new InterpolationError(`"${text.slice(i)}": a "\${" has no closing "}".`);
      out += expand(text.slice(i + 2, close), vars, hits);
      i = close + 1;
      continue;
    }
    const m = NAME.exec(text.slice(i + 1));
    if (m) {
      out += lookup(m[0], vars, hits) ?? '';
      i += 1 + m[0].length;
      continue;
    }
    // A lone "$" followed by something that is not a name stays as it is (compose does the same).
    out += '$';
    i++;
  }
  return out;
}

function lookup(name: string, vars: VariableLookup, hits: VariableHit[]): string | undefined {
  const v = vars.get(name);
  hits.push(v ? { name, value: v.value, source: v.source } : { name, value: null, source: 'unset' });
  return v?.value;
}

function expand(inner: string, vars: VariableLookup, hits: VariableHit[]): string {
  const m = NAME.exec(inner);
  if (!m) throw new InterpolationError(`"\${${inner}}" is not a valid variable reference.`);
  const name = m[0];
  const rest = inner.slice(name.length);
  if (rest === '') return lookupOrEmpty(name, vars, hits);
  const op = /^(:-|-|:\?|\?|:\+|\+)/.exec(rest)?.[0];
  if (!op) throw new InterpolationError(`"\${${inner}}": unknown operator after ${name}.`);
  const arg = rest.slice(op.length);
  const v = vars.get(name);
  const unsetOrEmpty = v === undefined || v.value === '';
  const missing = op.startsWith(':') ? unsetOrEmpty : v === undefined;
  switch (op) {
    case ':-':
    case '-': {
      if (!missing) return recordSet(name, v!, hits);
      const value = interpolate(arg, vars, hits);
      hits.push({ name, value, source: 'default' });
      return value;
    }
    case ':?':
    case '?': {
      if (!missing) return recordSet(name, v!, hits);
      const message = interpolate(arg, vars, []);
      throw new InterpolationError(
        `required variable ${name} is ${v === undefined ? 'missing' : 'empty'}${message ? `: ${message}` : ''}`,
      );
    }
    default: {
      // :+ and +: the alternative when set.
      if (missing) {
        hits.push({ name, value: null, source: v === undefined ? 'unset' : v.source });
        return '';
      }
      recordSet(name, v!, hits);
      return interpolate(arg, vars, hits);
    }
  }
}

function recordSet(
  name: string,
  v: { value: string; source: 'env-file' | 'environment' },
  hits: VariableHit[],
) {
  hits.push({ name, value: v.value, source: v.source });
  return v.value;
}

function lookupOrEmpty(name: string, vars: VariableLookup, hits: VariableHit[]): string {
  return lookup(name, vars, hits) ?? '';
}
