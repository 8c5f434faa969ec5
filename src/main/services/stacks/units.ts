/** Compose's duration and size notations, as the engine wants them. */

const DURATION_UNITS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** "1m30s", "10s", "1.5h", "250ms" → nanoseconds; a bare number is seconds. Null when not a duration. */
export function parseDuration(value: unknown): number | null {
  if (typeof value === 'number') return Math.round(value * 1e9);
  if (typeof value !== 'string' || !value.trim()) return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1e9);
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let consumed = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    total += Number(m[1]) * (DURATION_UNITS[m[2] ?? 's'] ?? 0);
    consumed = re.lastIndex;
  }
  return consumed === text.length ? Math.round(total) : null;
}

const SIZE_UNITS: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** "512m", "1g", "100kb", 1024 → bytes (binary units, as docker's RAMInBytes). Null when not a size. */
export function parseBytes(value: unknown): number | null {
  if (typeof value === 'number') return Math.round(value);
  if (typeof value !== 'string') return null;
  const m = /^(\d+(?:\.\d+)?)\s*([bkmgt])?b?$/i.exec(value.trim());
  if (!m) return null;
  return Math.round(Number(m[1]) * (SIZE_UNITS[(m[2] ?? 'b').toLowerCase()] ?? 1));
}

/** "0.5" or 0.5 cpus → nano CPUs. */
export function parseCpus(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 1e9) : null;
}

/** Splits a shell-like command string into words, honouring quotes (as compose's shlex does). */
export function shellSplit(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && (text[i + 1] === '"' || text[i + 1] === '\\')) cur += text[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) out.push(cur);
  return out;
}
