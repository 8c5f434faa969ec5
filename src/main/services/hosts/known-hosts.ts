import { createHash, createHmac } from 'node:crypto';

export type HostKeyVerdict = 'known' | 'unknown' | 'changed';

export interface HostKey {
  keyType: string;
  /** base64 of the SSH wire-format key blob */
  key: string;
}

/** The key type is the first string inside the wire-format blob. */
export function parseHostKeyBlob(blob: Buffer): HostKey {
  const len = blob.readUInt32BE(0);
  const keyType = blob.subarray(4, 4 + len).toString('ascii');
  return { keyType, key: blob.toString('base64') };
}

/** OpenSSH's SHA256 fingerprint: base64 of the key blob's sha256, without padding. */
export function fingerprint(keyBase64: string): string {
  const digest = createHash('sha256').update(Buffer.from(keyBase64, 'base64')).digest('base64');
  return `SHA256:${digest.replace(/=+$/, '')}`;
}

/** How known_hosts names a host: bare for port 22, [host]:port otherwise. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

function patternMatches(pattern: string, name: string): boolean {
  if (pattern.startsWith('|1|')) {
    const [, , salt, hash] = pattern.split('|');
    if (!salt || !hash) return false;
    const h = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64');
    return h === hash;
  }
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
  return re.test(name);
}

/**
 * Checks a server key against known_hosts lines (OpenSSH format, hashed names supported).
 * "changed" means the host is listed with a different key of the same type: refuse to connect.
 */
export function checkHostKey(lines: string[], host: string, port: number, key: HostKey): HostKeyVerdict {
  const name = knownHostsName(host, port);
  let sawSameType = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    let fields = line.split(/\s+/);
    if (fields[0]?.startsWith('@')) {
      if (fields[0] === '@revoked' && fields[3] === key.key) return 'changed';
      if (fields[0] !== '@cert-authority') fields = fields.slice(1);
      else continue;
    }
    const [names, type, blob] = fields;
    if (!names || !type || !blob) continue;
    const patterns = names.split(',');
    const negated = patterns.some((p) => p.startsWith('!') && patternMatches(p.slice(1), name));
    if (negated || !patterns.some((p) => !p.startsWith('!') && patternMatches(p, name))) continue;
    if (type !== key.keyType) continue;
    if (blob === key.key) return 'known';
    sawSameType = true;
  }
  return sawSameType ? 'changed' : 'unknown';
}
