import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import {
  checkHostKey,
  fingerprint,
  knownHostsName,
  parseHostKeyBlob,
} from '../../src/main/services/hosts/known-hosts';
import { resolveSshConfig } from '../../src/main/services/hosts/ssh-config';

// A wire-format blob: string "ssh-ed25519" + string key bytes.
function blob(type: string, fill: number): Buffer {
  const t = Buffer.from(type);
  const k = Buffer.alloc(32, fill);
  const out = Buffer.alloc(8 + t.length + k.length);
  out.writeUInt32BE(t.length, 0);
  t.copy(out, 4);
  out.writeUInt32BE(k.length, 4 + t.length);
  k.copy(out, 8 + t.length);
  return out;
}

describe('known hosts', () => {
  const key = parseHostKeyBlob(blob('ssh-ed25519', 1));
  const other = parseHostKeyBlob(blob('ssh-ed25519', 2));

  it('reads the key type from the blob', () => {
    expect(key.keyType).toBe('ssh-ed25519');
  });

  it('formats fingerprints like OpenSSH (no padding)', () => {
    expect(fingerprint(key.key)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it('names non-standard ports in brackets', () => {
    expect(knownHostsName('h', 22)).toBe('h');
    expect(knownHostsName('h', 2222)).toBe('[h]:2222');
  });

  it('knows, misses and detects changed keys', () => {
    const lines = [`# comment`, `h1,10.0.0.1 ssh-ed25519 ${key.key}`, `[h2]:2222 ssh-ed25519 ${key.key}`];
    expect(checkHostKey(lines, '10.0.0.1', 22, key)).toBe('known');
    expect(checkHostKey(lines, 'h2', 2222, key)).toBe('known');
    expect(checkHostKey(lines, 'h2', 22, key)).toBe('unknown');
    expect(checkHostKey(lines, 'h1', 22, other)).toBe('changed');
  });

  it('matches hashed host names', () => {
    const salt = Buffer.alloc(20, 7);
    const hash = createHmac('sha1', salt).update('secret.example').digest('base64');
    const lines = [`|1|${salt.toString('base64')}|${hash} ssh-ed25519 ${key.key}`];
    expect(checkHostKey(lines, 'secret.example', 22, key)).toBe('known');
    expect(checkHostKey(lines, 'other.example', 22, key)).toBe('unknown');
  });

  it('treats a revoked key as changed', () => {
    expect(checkHostKey([`@revoked * ssh-ed25519 ${key.key}`], 'h', 22, key)).toBe('changed');
  });
});

describe('ssh config', () => {
  const text = `
Host prod
  HostName 10.9.8.7
  User deploy
  Port 2222
  IdentityFile ~/.ssh/prod_key

Host *.internal !bad.internal
  User ops

Host *
  User fallback
  IdentityFile ~/.ssh/id_default
`;
  it('resolves an alias with first-value-wins', () => {
    expect(resolveSshConfig(text, 'prod', '/home/u')).toEqual({
      hostName: '10.9.8.7',
      user: 'deploy',
      port: 2222,
      identityFiles: ['/home/u/.ssh/prod_key', '/home/u/.ssh/id_default'],
    });
  });

  it('applies wildcard and negated patterns', () => {
    expect(resolveSshConfig(text, 'db.internal', '/h').user).toBe('ops');
    expect(resolveSshConfig(text, 'bad.internal', '/h').user).toBe('fallback');
  });
});
