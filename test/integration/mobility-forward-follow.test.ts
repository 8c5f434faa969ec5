import Docker from 'dockerode';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { EngineClient } from '../../src/main/services/hosts/engine-client';
import { PortForwards } from '../../src/main/services/mobility/port-forwards';
import { httpGet } from './support/http-get';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { runQuietWeb } from './support/quiet-web';

/**
 * A relayed forward (socket and TLS hosts) learns of its target's restarts from the engine's
 * events instead of inspecting the container for every connection: connections to a running
 * target cost no inspect (its helper is ready before the first), a restart is still followed, a helper removed behind its back is
 * remade, and a stopped target still says so.
 */
let lab: Lab;
let forwards: PortForwards;
let name: string;
/** Container inspects the forward made (its client is the real engine, counted on the way). */
let inspects = 0;

beforeAll(async () => {
  lab = loadLab();
  name = uniqueName('mob-follow');
  await runQuietWeb(lab.engineA.socketPath, lab.image, name);
  const engine = new Docker({ socketPath: lab.engineA.socketPath });
  const getContainer = engine.getContainer.bind(engine);
  engine.getContainer = (id: string) => {
    const c = getContainer(id);
    const inspect = c.inspect.bind(c) as (...a: unknown[]) => Promise<unknown>;
    c.inspect = ((...a: unknown[]) => {
      inspects++;
      return inspect(...a);
    }) as typeof c.inspect;
    return c;
  };
  forwards = new PortForwards({
    client: async () => ({ docker: engine }) as unknown as EngineClient,
    hostName: () => 'engine A',
  });
});

afterAll(async () => {
  forwards?.dispose();
  if (name) await docker(lab.engineA.socketPath, 'rm', '-f', name).catch(() => undefined);
});

it('connects without an inspect per connection, follows a restart, and says when the target stopped', async () => {
  const fwd = await forwards.open(
    { hostId: 'h-a', container: name, port: 8080, localPort: 0, relayImage: lab.image },
    AbortSignal.timeout(30_000),
  );
  const url = `http://127.0.0.1:${fwd.localPort}/index.html`;
  const id = await docker(lab.engineA.socketPath, 'inspect', '-f', '{{.Id}}', name);
  const helpers = () =>
    docker(lab.engineA.socketPath, 'ps', '-q', '--filter', `label=berthmaster.helper.target=${id}`);
  // The relay helper is made and started when the forward opens, before its first connection.
  await vi.waitFor(async () => expect(await helpers()).not.toBe(''), { timeout: 20_000, interval: 200 });
  const first = await httpGet(url);
  expect(first).toMatch(/^run \d+/);
  const afterFirst = inspects;
  for (let i = 0; i < 5; i++) expect(await httpGet(url)).toBe(first);
  expect(inspects - afterFirst).toBe(0);

  await docker(lab.engineA.socketPath, 'restart', '-t', '1', name);
  const second = await vi.waitFor(
    async () => {
      const body = await httpGet(url);
      if (body === first) throw new Error('still the old run');
      return body;
    },
    { timeout: 20_000, interval: 300 },
  );
  expect(second).toMatch(/^run \d+/);
  const afterRestart = inspects;
  for (let i = 0; i < 5; i++) expect(await httpGet(url)).toBe(second);
  // At most one look after a late event of the restart; never one per connection.
  expect(inspects - afterRestart).toBeLessThanOrEqual(1);

  // A relay helper removed behind the forward's back (no event of the target says so) is remade.
  const removed = await helpers();
  expect(removed).not.toBe('');
  await docker(lab.engineA.socketPath, 'rm', '-f', ...removed.split('\n'));
  expect(await httpGet(url)).toBe(second);
  expect(await helpers()).not.toBe('');

  await docker(lab.engineA.socketPath, 'stop', '-t', '1', name);
  await vi.waitFor(
    async () => {
      await httpGet(url).catch(() => undefined);
      expect(forwards.list()[0]?.lastError).toBe(`${name} is not running.`);
    },
    { timeout: 20_000, interval: 300 },
  );

  await forwards.close(fwd.id);
  expect(
    await docker(lab.engineA.socketPath, 'ps', '-aq', '--filter', `label=berthmaster.helper.target=${id}`),
  ).toBe('');
}, 90_000);
