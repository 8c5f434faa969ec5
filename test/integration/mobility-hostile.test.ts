import net from 'node:net';
import Docker from 'dockerode';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { EngineClient } from '../../src/main/services/hosts/engine-client';
import { PortForwards } from '../../src/main/services/mobility/port-forwards';
import { hostileEngine } from './support/hostile-engine';

/**
 * A port forward through an engine whose exec create never answers: the connection is given up
 * with a clear error instead of hanging, the hung request is abandoned, and closing the forward
 * removes its relay helper. (A fake engine: what is tested is the app's reaction to a hostile one.)
 */
let engine: Awaited<ReturnType<typeof hostileEngine>>;
let forwards: PortForwards;

beforeAll(async () => {
  engine = await hostileEngine();
  const docker = new Docker({ socketPath: engine.socketPath });
  forwards = new PortForwards({
    client: async () => ({ docker }) as unknown as EngineClient,
    hostName: () => 'hostile',
    dialTimeoutMs: 3000,
    callTimeoutMs: 1500,
  });
});

afterAll(async () => {
  forwards?.dispose();
  await engine?.close();
});

it('a forward whose exec create never answers reports it, and leaves nothing behind once closed', async () => {
  const view = await forwards.open(
    { hostId: 'h-hostile', container: 'fwd-target', port: 80, localPort: 0, relayImage: 'busybox:latest' },
    AbortSignal.timeout(10_000),
  );
  expect(view.via).toBe('exec');
  const client = net.connect(view.localPort, '127.0.0.1');
  client.on('error', () => undefined);
  // The app closes the local connection once it gives up reaching the container.
  await new Promise((resolve) => client.once('close', resolve));
  const after = forwards.list().find((f) => f.id === view.id);
  expect(after?.lastError).toMatch(/^Creating the relay exec: the engine did not answer within \d+\.\d s\.$/);
  expect(after?.open).toBe(0);
  // The hung request was abandoned, not left open on the engine.
  await vi.waitFor(() => expect(engine.stats.execsOpen).toBe(0));
  expect(engine.stats.helpersMade).toBe(1);
  await forwards.close(view.id);
  expect([...engine.stats.helpers]).toEqual([]);
  expect(forwards.list()).toEqual([]);
});
