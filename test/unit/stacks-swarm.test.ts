import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/main/services/stacks/load-project';
import { computeSwarmPlan, swarmSpec } from '../../src/main/services/stacks/swarm-spec';

const FILE = `
services:
  web:
    image: web:1
    ports: ["8080:80"]
    networks: [front]
    secrets: [token]
    configs: [{source: conf, target: /etc/app.conf}]
    deploy: {replicas: 2, resources: {limits: {memory: 64m}}}
networks: {front: {}}
secrets: {token: {file: ./token.txt}}
configs: {conf: {content: "a=1"}}
`;

const project = (text = FILE) =>
  loadProject({ composeYaml: text, envText: '', projectName: 'shop', workingDir: '/srv/shop' }).project!;

describe('swarm stack deploy', () => {
  it('names, namespace label, overlay networks, secrets and configs as docker stack deploy makes them', () => {
    const spec = swarmSpec(project());
    expect(
      spec.networks.map((n) => [
        n.name,
        n.body.Driver,
        (n.body.Labels as Record<string, string>)['com.docker.stack.namespace'],
      ]),
    ).toEqual([['shop_front', 'overlay', 'shop']]);
    expect(spec.secrets.map((s) => s.name)).toEqual(['shop_token']);
    const web = spec.services[0]!;
    expect(web.name).toBe('shop_web');
    const task = web.body.TaskTemplate as Record<string, unknown>;
    const container = task.ContainerSpec as Record<string, unknown>;
    expect((container.Labels as Record<string, string>)['com.docker.stack.namespace']).toBe('shop');
    expect(container.Secrets).toEqual([
      { SecretName: 'shop_token', File: { Name: 'token', UID: '0', GID: '0', Mode: 0o444 } },
    ]);
    expect(container.Configs).toEqual([
      { ConfigName: 'shop_conf', File: { Name: '/etc/app.conf', UID: '0', GID: '0', Mode: 0o444 } },
    ]);
    expect(task.Networks).toEqual([{ Target: 'shop_front', Aliases: ['web'] }]);
    expect(web.body.Mode).toEqual({ Replicated: { Replicas: 2 } });
    expect(web.body.EndpointSpec).toEqual({
      Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' }],
    });
  });

  it('plans create, then unchanged, update on a change, scale on replicas', () => {
    const p = project();
    const spec = swarmSpec(p);
    const empty = {
      services: new Map(),
      networks: new Set<string>(),
      secrets: new Set<string>(),
      configs: new Set<string>(),
    };
    const first = computeSwarmPlan(p, spec, empty);
    expect(first.services.map((s) => s.action)).toEqual(['create']);
    expect(first.resources.map((r) => [r.kind, r.action])).toEqual([
      ['network', 'create'],
      ['secret', 'create'],
      ['config', 'create'],
    ]);
    const deployed = {
      services: new Map([
        ['shop_web', { labels: spec.services[0]!.body.Labels as Record<string, string>, replicas: 2 }],
      ]),
      networks: new Set(['shop_front']),
      secrets: new Set(['shop_token']),
      configs: new Set(['shop_conf']),
    };
    expect(computeSwarmPlan(p, spec, deployed).noop).toBe(true);
    const changed = project(FILE.replace('web:1', 'web:2'));
    expect(computeSwarmPlan(changed, swarmSpec(changed), deployed).services[0]?.action).toBe('recreate');
    const scaled = project(FILE.replace('replicas: 2', 'replicas: 3'));
    expect(computeSwarmPlan(scaled, swarmSpec(scaled), deployed).services[0]).toMatchObject({
      action: 'scale',
      current: 2,
      desired: 3,
    });
  });
});
