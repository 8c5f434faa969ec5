import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError, contract, type HostPolicy } from '@shared/contract';
import { AuditLog, describeTarget } from '../../src/main/security/audit-log';
import { METHOD_ACCESS, policyAllows } from '../../src/shared/policy/method-access';
import { createPolicyGuard } from '../../src/main/security/policy-guard';
import type { HostService } from '../../src/main/services/hosts/host-service';

function guardFor(policy: HostPolicy) {
  const hosts = {
    get: (id: string) => (id === 'h-1' ? { name: 'prod', policy } : undefined),
  } as unknown as HostService;
  return createPolicyGuard(hosts);
}

function refused(fn: () => void): AppError | undefined {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  return undefined;
}

describe('per-host policies', () => {
  it('classifies every contract method (unknown methods would fail closed)', () => {
    const missing = Object.entries(contract).flatMap(([ns, members]) =>
      Object.keys(members)
        .map((m) => `${ns}.${m}`)
        .filter((m) => !(m in METHOD_ACCESS)),
    );
    expect(missing).toEqual([]);
  });

  it('full allows everything; restricted allows reads and changes; read-only only reads', () => {
    expect(policyAllows('full', 'exec')).toBe(true);
    expect(policyAllows('restricted', 'write')).toBe(true);
    for (const a of ['delete', 'exec', 'build', 'browse'] as const)
      expect(policyAllows('restricted', a)).toBe(false);
    expect(policyAllows('read-only', 'read')).toBe(true);
    expect(policyAllows('read-only', 'write')).toBe(false);
  });

  it('refuses a forbidden call with PERMISSION_DENIED naming the host and policy', () => {
    const err = refused(() => guardFor('restricted')('containers.remove', { hostId: 'h-1', id: 'web' }));
    expect(err?.code).toBe('PERMISSION_DENIED');
    expect(err?.message).toMatch(/prod \(restricted\) does not allow deleting/);
    expect(
      refused(() => guardFor('restricted')('containers.stop', { hostId: 'h-1', id: 'web' })),
    ).toBeUndefined();
    expect(refused(() => guardFor('read-only')('containers.stop', { hostId: 'h-1', id: 'web' }))?.code).toBe(
      'PERMISSION_DENIED',
    );
  });

  it('fails closed for a method it does not know, on limited hosts only', () => {
    expect(refused(() => guardFor('read-only')('containers.somethingNew', { hostId: 'h-1' }))?.code).toBe(
      'PERMISSION_DENIED',
    );
    expect(refused(() => guardFor('full')('containers.somethingNew', { hostId: 'h-1' }))).toBeUndefined();
  });

  it('leaves app settings and calls without a host alone', () => {
    expect(refused(() => guardFor('read-only')('hosts.update', { id: 'h-1', name: 'x' }))).toBeUndefined();
  });
});

describe('audit log', () => {
  it('records mutating calls with their target, never their secrets', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-audit-'));
    const log = new AuditLog(dir);
    const hosts = { get: () => ({ name: 'prod' }) };
    log.recordCall('containers.list', { hostId: 'h-1', all: true }, { ok: true }, hosts);
    log.recordCall('containers.remove', { hostId: 'h-1', id: 'web', force: true }, { ok: true }, hosts);
    log.recordCall(
      'hosts.add',
      { name: 'b', endpoint: { kind: 'tls', key: '-----BEGIN PRIVATE KEY-----secret' } },
      { ok: false, error: { code: 'TLS_ERROR', message: 'bad' } },
      hosts,
    );
    await log.flush();
    const entries = log.list(10);
    expect(entries.map((e) => [e.action, e.target, e.outcome])).toEqual([
      ['containers.remove', 'id=web', 'ok'],
      ['hosts.add', 'name=b', 'error'],
    ]);
    expect(entries[0]?.hostName).toBe('prod');
    const file = await fs.readFile(path.join(dir, 'audit.jsonl'), 'utf8');
    expect(file.trim().split('\n')).toHaveLength(2);
    expect(file).not.toContain('PRIVATE KEY');
    expect((await fs.stat(path.join(dir, 'audit.jsonl'))).mode & 0o777).toBe(0o600);
  });

  it("does not record a terminal's flow control (an ack per 32 KiB of output drawn)", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-audit-'));
    const log = new AuditLog(dir);
    const hosts = { get: () => undefined };
    for (let i = 0; i < 3; i++)
      log.recordCall('exec.ack', { sessionId: 's-1', viewerId: 1, bytes: 32768 }, { ok: true }, hosts);
    log.recordCall('exec.input', { sessionId: 's-1', data: 'ls\r' }, { ok: true }, hosts);
    await log.flush();
    expect(log.list(10).map((e) => e.action)).toEqual(['exec.input']);
  });

  it('describes only names and ids', () => {
    expect(describeTarget({ id: 'x', password: 'p', image: 'busybox' })).toBe('id=x image=busybox');
  });
});

describe('bulk actions', () => {
  it('are as strong as the action they apply', () => {
    const guard = guardFor('restricted');
    expect(
      refused(() => guard('containers.bulk', { hostId: 'h-1', action: 'stop', ids: ['a'] })),
    ).toBeUndefined();
    expect(
      refused(() => guard('containers.bulk', { hostId: 'h-1', action: 'remove', ids: ['a'] }))?.code,
    ).toBe('PERMISSION_DENIED');
  });
});
