import { describe, expect, it } from 'vitest';
import { HEARTBEAT_MS, heartbeatDelay } from '../../src/main/services/hosts/heartbeat-policy';

describe('heartbeatDelay', () => {
  it('pings idle hosts only over links that can silently stop answering', () => {
    expect(heartbeatDelay('tls', 0)).toBe(HEARTBEAT_MS);
    expect(heartbeatDelay('tcp', 0)).toBe(HEARTBEAT_MS);
    expect(heartbeatDelay('socket', 0)).toBeUndefined();
    expect(heartbeatDelay('ssh', 0)).toBeUndefined();
  });

  it('pings every host while a terminal holds it', () => {
    for (const kind of ['socket', 'ssh', 'tls', 'tcp'] as const)
      expect(heartbeatDelay(kind, 1)).toBe(HEARTBEAT_MS);
  });
});
