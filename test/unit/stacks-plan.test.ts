import { describe, expect, it } from 'vitest';
import type { StackProject } from '@shared/contract';
import { createBody } from '../../src/main/services/stacks/create-body';
import {
  configHash,
  containerLabels,
  containerName,
  fieldHashes,
  L,
} from '../../src/main/services/stacks/labels';
import { loadProject } from '../../src/main/services/stacks/load-project';
import type { ObservedContainer, ObservedState } from '../../src/main/services/stacks/observed-state';
import { computePlan } from '../../src/main/services/stacks/plan';

const FILE = `
services:
  web:
    image: web:1
    ports: ["8080:80"]
    environment: {MODE: prod}
    depends_on: {db: {condition: service_healthy}}
    networks: {front: {aliases: [www]}, back: {}}
  db:
    image: db:1
    volumes: [data:/var/lib/db]
    networks: [back]
    healthcheck: {test: ["CMD", "true"], interval: 1s}
networks: {front: {}, back: {}}
volumes: {data: {}}
`;

function project(text = FILE): StackProject {
  const r = loadProject({ composeYaml: text, envText: '', projectName: 'shop', workingDir: '/srv/shop' });
  if (!r.project) throw new Error(JSON.stringify(r.diagnostics));
  return r.project;
}

/** What the host would show after a clean `up` of `p`. */
function deployed(
  p: StackProject,
  images = new Map([
    ['web:1', 'sha256:aaa'],
    ['db:1', 'sha256:bbb'],
  ]),
): ObservedState {
  const containers: ObservedContainer[] = p.services.flatMap((s) =>
    Array.from({ length: s.replicas }, (_, i) => ({
      id: `${s.name}${i}`,
      name: containerName(p.name, s, i + 1),
      service: s.name,
      number: i + 1,
      oneoff: false,
      state: 'running',
      labels: containerLabels(p, s, i + 1),
      imageId: images.get(s.image) ?? '',
    })),
  );
  return {
    containers,
    networks: new Set(p.networks.map((n) => n.name)),
    volumes: new Set(p.volumes.map((v) => v.name)),
    images,
    portsInUse: new Map(),
  };
}

const opts = { pull: 'missing' as const, removeOrphans: false };

describe('names and labels', () => {
  it('follow docker compose v2', () => {
    const p = project();
    const web = p.services[0]!;
    expect(containerName('shop', web, 2)).toBe('shop-web-2');
    const labels = containerLabels(p, web, 1);
    expect(labels).toMatchObject({
      [L.project]: 'shop',
      [L.service]: 'web',
      [L.number]: '1',
      [L.oneoff]: 'False',
      [L.workingDir]: '/srv/shop',
      [L.configFiles]: '/srv/shop/compose.yaml',
      [L.dependsOn]: 'db:service_healthy:false',
    });
    expect(labels[L.hash]).toMatch(/^[0-9a-f]{64}$/);
    expect(p.networks.map((n) => n.name)).toEqual(['shop_front', 'shop_back']);
    expect(p.volumes.map((v) => v.name)).toEqual(['shop_data']);
  });

  it('the config hash ignores replicas and key order, and changes with the config', () => {
    const a = project().services[0]!;
    const b = project(FILE.replace('image: web:1\n', 'image: web:1\n    deploy: {replicas: 3}\n'))
      .services[0]!;
    const c = project(FILE.replace('{MODE: prod}', '{MODE: dev}')).services[0]!;
    expect(configHash(a)).toBe(configHash(b));
    expect(configHash(a)).not.toBe(configHash(c));
    expect(
      fieldHashes(a)
        .split(',')
        .map((x) => x.split('=')[0]),
    ).toContain('environment');
  });

  it('create bodies: first network at create, aliases, bindings, mounts', () => {
    const p = project();
    const web = createBody(p, p.services[0]!, 1);
    expect(web.name).toBe('shop-web-1');
    expect(web.body.HostConfig.PortBindings).toEqual({ '80/tcp': [{ HostIp: '', HostPort: '8080' }] });
    expect(Object.keys(web.body.NetworkingConfig.EndpointsConfig)).toEqual(['shop_front']);
    expect(web.body.NetworkingConfig.EndpointsConfig.shop_front?.Aliases).toEqual([
      'shop-web-1',
      'web',
      'www',
    ]);
    expect(web.extraNetworks.map((n) => n.name)).toEqual(['shop_back']);
    const db = createBody(p, p.services[1]!, 1);
    expect(db.body.HostConfig.Mounts).toEqual([
      { Type: 'volume', Source: 'shop_data', Target: '/var/lib/db', ReadOnly: false },
    ]);
    expect(db.body.Healthcheck).toEqual({ Test: ['CMD', 'true'], Interval: 1e9 });
  });
});

describe('plan', () => {
  it('a fresh host: everything is created, networks and volumes too', () => {
    const p = project();
    const plan = computePlan(
      p,
      { containers: [], networks: new Set(), volumes: new Set(), images: new Map(), portsInUse: new Map() },
      opts,
    );
    expect(plan.services.map((s) => [s.service, s.action, s.pull])).toEqual([
      ['web', 'create', 'web:1'],
      ['db', 'create', 'db:1'],
    ]);
    expect(plan.resources).toEqual([
      { kind: 'network', name: 'shop_front', action: 'create' },
      { kind: 'network', name: 'shop_back', action: 'create' },
      { kind: 'volume', name: 'shop_data', action: 'create' },
    ]);
    expect(plan.noop).toBe(false);
  });

  it('the same file again: nothing to do', () => {
    const p = project();
    const plan = computePlan(p, deployed(p), opts);
    expect(plan.services.every((s) => s.action === 'unchanged')).toBe(true);
    expect(plan.noop).toBe(true);
  });

  it('one service changed: only it is recreated, with the field', () => {
    const before = project();
    const after = project(FILE.replace('{MODE: prod}', '{MODE: dev}'));
    const plan = computePlan(after, deployed(before), opts);
    expect(plan.services.map((s) => [s.service, s.action])).toEqual([
      ['web', 'recreate'],
      ['db', 'unchanged'],
    ]);
    expect(plan.services[0]?.reasons).toEqual([{ field: 'env', detail: 'environment changed' }]);
    expect(plan.services[0]?.containers).toEqual(['shop-web-1']);
  });

  it('ports and mounts changes are named', () => {
    const before = project();
    const after = project(FILE.replace('"8080:80"', '"8081:80"').replace('data:/var/lib/db', 'data:/srv/db'));
    const plan = computePlan(after, deployed(before), opts);
    expect(plan.services.find((s) => s.service === 'web')?.reasons.map((r) => r.field)).toEqual(['ports']);
    expect(plan.services.find((s) => s.service === 'db')?.reasons.map((r) => r.field)).toEqual(['mounts']);
  });

  it('a new image behind the same tag: recreate for the digest', () => {
    const p = project();
    const observed = deployed(p);
    observed.images = new Map([
      ['web:1', 'sha256:ccc'],
      ['db:1', 'sha256:bbb'],
    ]);
    const web = computePlan(p, observed, opts).services[0]!;
    expect(web.action).toBe('recreate');
    expect(web.reasons[0]?.field).toBe('image');
  });

  it('scale up and down, stopped containers started', () => {
    const p = project();
    const observed = deployed(p);
    const scaled = project(FILE.replace('image: db:1\n', 'image: db:1\n    deploy: {replicas: 2}\n'));
    expect(computePlan(scaled, observed, opts).services[1]).toMatchObject({
      action: 'scale',
      current: 1,
      desired: 2,
    });
    observed.containers[0]!.state = 'exited';
    expect(computePlan(p, observed, opts).services[0]).toMatchObject({
      action: 'start',
      containers: ['shop-web-1'],
    });
  });

  it('orphans are listed, and removed only when asked', () => {
    const p = project();
    const observed = deployed(p);
    observed.containers.push({ ...observed.containers[0]!, id: 'old', name: 'shop-old-1', service: 'old' });
    const plan = computePlan(p, observed, opts);
    expect(plan.orphans).toEqual([{ service: 'old', containers: ['shop-old-1'] }]);
    expect(plan.noop).toBe(true);
    expect(computePlan(p, observed, { ...opts, removeOrphans: true }).noop).toBe(false);
  });

  it('containers made by another tool are recreated with the reason', () => {
    const p = project();
    const observed = deployed(p);
    for (const c of observed.containers) {
      c.labels = { ...c.labels, [L.hash]: 'other' };
      delete c.labels[L.fields];
    }
    const plan = computePlan(p, observed, opts);
    expect(plan.services[0]?.reasons).toEqual([
      { field: 'config', detail: 'made by another tool with a different configuration hash' },
    ]);
  });

  it('blockers: a port taken by another container, a missing external network, no image with pull never', () => {
    const p = project(
      `${FILE}\n`.replace(
        'networks: {front: {}, back: {}}',
        'networks: {front: {}, back: {external: true, name: corp}}',
      ),
    );
    const plan = computePlan(
      p,
      {
        containers: [],
        networks: new Set(),
        volumes: new Set(),
        images: new Map([['web:1', 'sha256:a']]),
        portsInUse: new Map([['0.0.0.0:8080/tcp', 'nginx']]),
      },
      { pull: 'never', removeOrphans: false },
    );
    expect(plan.blockers.map((b) => b.message)).toEqual([
      'services.web.ports: host port 8080/tcp is already taken by container nginx.',
      'services.db.image: db:1 is not on the host and pulling is off.',
      'networks.back: external network "corp" does not exist on the host (used by web, db).',
    ]);
  });

  it('only the chosen services and their dependencies', () => {
    const p = project();
    const plan = computePlan(p, deployed(p), { ...opts, services: ['db'] });
    expect(plan.services.map((s) => s.service)).toEqual(['db']);
    expect(
      computePlan(p, deployed(p), { ...opts, services: ['web'] }).services.map((s) => s.service),
    ).toEqual(['web', 'db']);
  });
});
