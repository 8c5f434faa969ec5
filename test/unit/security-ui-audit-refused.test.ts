import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppError, call, type AuditEntry } from '@shared/contract';
import { createClient } from '@shared/rpc/client';
import { createMemoryPair } from '@shared/rpc/memory-transport';
import type { ClientMessage, ServerMessage } from '@shared/rpc/protocol';
import { createDispatcher } from '../../src/main/rpc/dispatcher';
import { toAppError } from '../../src/main/errors/to-app-error';
import { AuditLog } from '../../src/main/security/audit-log';

/** A contract with one call named like the real one, so the audit log classifies it. */
const testContract = {
  containers: { stop: call<void>()(z.strictObject({ hostId: z.string(), id: z.string() })) },
};

describe('audit of refused and live calls', () => {
  it('records a call the policy refused, with PERMISSION_DENIED, and the handler never runs', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-audit-'));
    const audit = new AuditLog(dir);
    const seen: AuditEntry[] = [];
    const unsubscribe = audit.subscribe((e) => seen.push(e));
    const stop = vi.fn();
    const hosts = { get: () => ({ name: 'ro-host' }) };
    const dispatcher = createDispatcher({
      contract: testContract,
      handlers: { containers: { stop } },
      mapError: (e) => toAppError(e),
      log: { error: () => undefined },
      authorize: () => {
        throw new AppError({
          code: 'PERMISSION_DENIED',
          message: 'The policy of ro-host (read-only) does not allow changes.',
        });
      },
      onCallSettled: (method, input, outcome) => audit.recordCall(method, input, outcome, hosts),
    });
    const [client, server] = createMemoryPair<ServerMessage, ClientMessage>();
    dispatcher.connect(server);
    const api = createClient(testContract, client);

    await expect(api.containers.stop({ hostId: 'h-1', id: 'web' })).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
    });
    expect(stop).not.toHaveBeenCalled();
    expect(audit.list(10)).toEqual([
      expect.objectContaining({
        action: 'containers.stop',
        hostId: 'h-1',
        hostName: 'ro-host',
        target: 'id=web',
        outcome: 'error',
        error: 'PERMISSION_DENIED: The policy of ro-host (read-only) does not allow changes.',
      }),
    ]);
    // The live view (audit.watch) was told as it happened.
    expect(seen).toHaveLength(1);
    unsubscribe();
    audit.record({ at: 1, action: 'containers.start', target: 'id=web', outcome: 'ok' });
    expect(seen).toHaveLength(1);
    await audit.flush();
    const lines = (await fs.readFile(path.join(dir, 'audit.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
