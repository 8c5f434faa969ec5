import { describe, expect, it } from 'vitest';
import { contract, containerRefSchema, hostInputSchema } from '@shared/contract';
import { createHandlers } from '../../src/main/app/handlers';
import type { EventFeeds } from '../../src/main/services/events/event-feed';
import type { HostService } from '../../src/main/services/hosts/host-service';
import type { AuditLog } from '../../src/main/security/audit-log';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';

describe('contract schemas', () => {
  it('accepts each host kind', () => {
    for (const endpoint of [
      { kind: 'socket', socketPath: '/var/run/docker.sock' },
      { kind: 'tcp', host: 'h', port: 2375 },
      { kind: 'tls', host: '10.0.0.1', port: 2376, ca: PEM, cert: PEM, key: PEM },
      { kind: 'ssh', host: 'prod', user: 'root', useAgent: true },
    ]) {
      expect(hostInputSchema.safeParse({ name: 'x', color: '#aabbcc', endpoint }).success).toBe(true);
    }
  });

  it.each([
    [{ kind: 'socket', socketPath: 'relative.sock' }, 'socket path must be absolute'],
    [{ kind: 'tcp', host: 'h', port: 70000 }, 'port must be 1-65535'],
    [{ kind: 'tcp', host: 'http://h', port: 1 }, 'without scheme'],
    [
      { kind: 'tls', host: 'h', port: 1, ca: 'not pem', cert: PEM, key: PEM },
      'CA certificate is not a PEM file',
    ],
    [{ kind: 'ssh', host: 'h', user: 'bad user' }, 'not a valid user name'],
    [{ kind: 'carrier-pigeon' }, 'Invalid'],
  ])('rejects %j', (endpoint, message) => {
    const r = hostInputSchema.safeParse({ name: 'x', color: '#aabbcc', endpoint });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain(message);
  });

  it('refuses container refs that could change the URL path', () => {
    for (const bad of ['../images', 'a/b', 'x?all=1', '', '.hidden', 'a b']) {
      expect(containerRefSchema.safeParse(bad).success).toBe(false);
    }
    expect(containerRefSchema.safeParse('web-1').success).toBe(true);
    expect(containerRefSchema.safeParse('a'.repeat(64)).success).toBe(true);
  });

  it('has a handler for every contract member', () => {
    const handlers = createHandlers({
      hosts: { watch: () => () => undefined, get: () => undefined } as unknown as HostService,
      events: {} as EventFeeds,
      audit: {} as AuditLog,
      onDispose: () => undefined,
    }) as unknown as Record<string, Record<string, unknown>>;
    for (const [ns, members] of Object.entries(contract)) {
      for (const name of Object.keys(members))
        expect(typeof handlers[ns]?.[name], `${ns}.${name}`).toBe('function');
    }
  });
});
