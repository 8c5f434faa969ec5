import type { StackDiagnostic } from '@shared/contract';

export interface DotenvResult {
  values: Record<string, string>;
  /** Line of each key (1-based), for pointing at it. */
  lines: Record<string, number>;
  diagnostics: StackDiagnostic[];
}

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function unquote(raw: string): string {
  const v = raw.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) {
    return v
      .slice(1, -1)
      .replace(/\\([nrt"\\])/g, (_, c: string) =>
        c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c,
      );
  }
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1);
  // Unquoted: an inline comment starts at " #".
  const hash = v.search(/\s#/);
  return (hash >= 0 ? v.slice(0, hash) : v).trim();
}

/**
 * A `.env` file as docker compose reads it: KEY=VALUE lines, `export` allowed, comments, single
 * quotes literal, double quotes with escapes. Values in `.env` are not interpolated against each
 * other here (compose does; rare in practice and listed as a warning when seen).
 */
export function parseDotenv(text: string, file = '.env'): DotenvResult {
  const values: Record<string, string> = {};
  const lines: Record<string, number> = {};
  const diagnostics: StackDiagnostic[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const body = line.replace(/^export\s+/, '');
    const eq = body.indexOf('=');
    const key = (eq < 0 ? body : body.slice(0, eq)).trim();
    if (!KEY.test(key)) {
      diagnostics.push({
        kind: 'yaml',
        severity: 'error',
        at: { line: i + 1, col: 1 },
        path: file,
        message: `${file} line ${i + 1}: "${key}" is not a valid variable name.`,
      });
      return;
    }
    // "KEY" alone means: take it from the environment; without one it stays unset.
    if (eq < 0) return;
    values[key] = unquote(body.slice(eq + 1));
    lines[key] = i + 1;
  });
  return { values, lines, diagnostics };
}
