import os from 'node:os';
import path from 'node:path';

export interface SshHostOptions {
  hostName?: string;
  user?: string;
  port?: number;
  identityFiles: string[];
  identityAgent?: string;
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}

function hostMatches(patterns: string[], alias: string): boolean {
  let matched = false;
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (globToRegExp(p.slice(1)).test(alias)) return false;
    } else if (globToRegExp(p).test(alias)) {
      matched = true;
    }
  }
  return matched;
}

function expandTilde(p: string, home: string): string {
  return p === '~' ? home : p.startsWith('~/') ? path.join(home, p.slice(2)) : p;
}

/**
 * Resolves an alias against an OpenSSH client config, as ssh(1) does: the first value found for
 * each keyword wins, `Host` patterns support * ? and !negation. `Match` blocks are skipped
 * (they need runtime conditions); `Include` is not followed.
 */
export function resolveSshConfig(text: string, alias: string, home = os.homedir()): SshHostOptions {
  const out: SshHostOptions = { identityFiles: [] };
  let active = true;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(\S+?)(?:\s*=\s*|\s+)(.+)$/.exec(line);
    if (!m) continue;
    const key = (m[1] as string).toLowerCase();
    const value = (m[2] as string).trim().replace(/^"(.*)"$/, '$1');
    if (key === 'host') {
      active = hostMatches(value.split(/\s+/), alias);
      continue;
    }
    if (key === 'match') {
      active = value.trim().toLowerCase() === 'all';
      continue;
    }
    if (!active) continue;
    switch (key) {
      case 'hostname':
        out.hostName ??= value.replace(/%h/g, alias);
        break;
      case 'user':
        out.user ??= value;
        break;
      case 'port': {
        const n = Number(value);
        if (out.port === undefined && Number.isInteger(n) && n > 0 && n < 65536) out.port = n;
        break;
      }
      case 'identityfile':
        out.identityFiles.push(expandTilde(value, home));
        break;
      case 'identityagent':
        out.identityAgent ??= expandTilde(value, home);
        break;
    }
  }
  return out;
}
