import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { settled, startStacksBackend, type Api } from './support/stacks-backend';
import { dissolveSwarm, formSwarm } from './support/swarm';

/** Forms the lab's two-node swarm: run alone, never alongside other suites (see support/swarm.ts). */
let lab: Lab;
let backend: Awaited<ReturnType<typeof startStacksBackend>>;
let api: Api;

beforeAll(async () => {
  lab = loadLab();
  await formSwarm(lab);
  backend = await startStacksBackend(lab);
  api = backend.api;
}, 120_000);

afterAll(async () => {
  await backend?.stop();
  await dissolveSwarm(lab);
}, 120_000);

/** A config with inline content: the schema allows `content:` for configs (secrets need a file). */
const file = (image: string, mode: string) => `
services:
  web:
    image: ${image}
    command: sleep 3600
    environment: {MODE: ${mode}}
    labels: {berthmaster.test: "1"}
    networks: [front]
    configs: [token]
    deploy: {replicas: 2}
networks: {front: {}}
configs: {token: {content: s3cret}}
`;

describe('stacks on a swarm manager', () => {
  it(
    'deploys a file as a stack, plans nothing on a re-run, updates one change',
    { timeout: 120_000 },
    async () => {
      const hostId = backend.hosts.socket.id;
      const stack = uniqueName('stksw').toLowerCase();
      const sock = lab.engineA.socketPath;
      try {
        const plan = await api.stacks.plan({
          hostId,
          project: stack,
          composeYaml: file(lab.image, 'one'),
          target: 'swarm',
        });
        expect(plan.plan?.services.map((s) => [s.service, s.action])).toEqual([['web', 'create']]);
        expect(plan.plan?.resources).toEqual([
          { kind: 'network', name: `${stack}_front`, action: 'create' },
          { kind: 'config', name: `${stack}_token`, action: 'create' },
        ]);
        const t = await settled(
          api,
          (
            await api.stacks.up({
              hostId,
              project: stack,
              composeYaml: file(lab.image, 'one'),
              target: 'swarm',
            })
          ).taskId,
        );
        expect(t.state, JSON.stringify(t.error)).toBe('succeeded');
        const svc = JSON.parse(await docker(sock, 'service', 'inspect', `${stack}_web`))[0];
        expect(svc.Spec.Labels['com.docker.stack.namespace']).toBe(stack);
        expect(svc.Spec.Mode.Replicated.Replicas).toBe(2);
        expect(await docker(sock, 'network', 'inspect', '-f', '{{.Driver}}', `${stack}_front`)).toBe(
          'overlay',
        );
        expect(await docker(sock, 'stack', 'ls', '--format', '{{.Name}}')).toContain(stack);

        const again = await api.stacks.plan({ hostId, project: stack, target: 'swarm' });
        expect(again.plan?.noop).toBe(true);
        const changed = await api.stacks.plan({
          hostId,
          project: stack,
          composeYaml: file(lab.image, 'two'),
          target: 'swarm',
        });
        expect(changed.plan?.services.map((s) => s.action)).toEqual(['recreate']);
        const t2 = await settled(
          api,
          (
            await api.stacks.up({
              hostId,
              project: stack,
              composeYaml: file(lab.image, 'two'),
              target: 'swarm',
            })
          ).taskId,
        );
        expect(t2.state, JSON.stringify(t2.error)).toBe('succeeded');
        const svc2 = JSON.parse(await docker(sock, 'service', 'inspect', `${stack}_web`))[0];
        expect(svc2.ID).toBe(svc.ID);
        expect(svc2.Spec.TaskTemplate.ContainerSpec.Env).toContain('MODE=two');
      } finally {
        await docker(sock, 'stack', 'rm', stack).catch(() => undefined);
      }
    },
  );
});
