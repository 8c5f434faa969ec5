import { execOpenSchema, type ShellChoice } from '@shared/contract';

/** How to open a shell in a container; remembered per container. */
export interface ShellPrefs {
  shell: ShellChoice;
  user?: string;
  workingDir?: string;
  env?: string[];
}

export const DEFAULT_PREFS: ShellPrefs = { shell: 'auto' };

const prefsSchema = execOpenSchema.pick({ shell: true, user: true, workingDir: true, env: true });

/** Keyed by name, not id: a container recreated by compose keeps its name and its shell. */
export function prefsKey(hostId: string, containerName: string): string {
  return `berthmaster.terminal.shell.${hostId}.${containerName}`;
}

/** Stored JSON back to prefs; anything malformed or out of date falls back to auto. */
export function parsePrefs(raw: string | null): ShellPrefs {
  if (!raw) return DEFAULT_PREFS;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return DEFAULT_PREFS;
  }
  const parsed = prefsSchema.safeParse(data);
  if (!parsed.success) return DEFAULT_PREFS;
  const out: ShellPrefs = { shell: parsed.data.shell };
  if (parsed.data.user) out.user = parsed.data.user;
  if (parsed.data.workingDir) out.workingDir = parsed.data.workingDir;
  if (parsed.data.env?.length) out.env = parsed.data.env;
  return out;
}

/**
 * A command line to argv, the way a shell would split it: whitespace separates words, single and
 * double quotes group, a backslash escapes the next character outside single quotes.
 */
export function splitCommand(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) word += text[++i];
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** argv back to one line for editing (quoted where needed). */
export function joinCommand(argv: string[]): string {
  return argv
    .map((a) => (/^[A-Za-z0-9_./:=@%+,-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}

/** "NAME=value" lines to the env list; blank lines are skipped. */
export function parseEnvLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** How a shell choice reads in the UI. */
export function describeShell(shell: ShellChoice): string {
  return shell === 'auto' ? 'auto (bash, else sh)' : joinCommand(shell);
}
