import { describe, expect, it } from 'vitest';
import { serviceSpecSchema, type SwarmService, type SwarmTask } from '@shared/contract';
import { buildServiceSpec } from '../../src/main/services/swarm/build-spec';
import { labelLine, LineSplitter } from '../../src/main/services/swarm/log-labels';
import { diffTasks } from '../../src/main/services/swarm/service-watch';
import { converging } from '../../src/renderer/src/lib/swarm-poll';

const labels = { label: (task: string) => (task === 'tsk1' ? 'web.1@node-a' : undefined) };

describe('service log labels', () => {
  it('replaces the engine details with "[service.slot@node]" after the timestamp', () => {
    const line =
      '2026-11-28T01:19:40.325Z com.docker.swarm.node.id=n1,com.docker.swarm.service.id=s1,com.docker.swarm.task.id=tsk1 hello world\n';
    expect(labelLine(line, true, labels)).toEqual({
      text: '2026-11-28T01:19:40.325Z [web.1@node-a] hello world\n',
    });
  });

  it('falls back to short ids for an unknown task and says so', () => {
    const out = labelLine(
      'com.docker.swarm.node.id=nodeid,com.docker.swarm.task.id=other hi\n',
      false,
      labels,
    );
    expect(out).toEqual({ text: '[other@nodeid] hi\n', unknownTask: 'other' });
  });

  it('leaves lines without details alone', () => {
    expect(labelLine('2026-01-01T00:00:00Z plain\n', true, labels).text).toBe('2026-01-01T00:00:00Z plain\n');
  });

  it('splits lines across chunks', () => {
    const s = new LineSplitter();
    expect(s.push(Buffer.from('ab')).map(String)).toEqual([]);
    expect(s.push(Buffer.from('c\nd\ne')).map(String)).toEqual(['abc\n', 'd\n']);
    expect(String(s.flush())).toBe('e\n');
    expect(s.flush()).toBeUndefined();
  });
});

describe('service spec', () => {
  it('validates the create form and maps it to the engine ServiceSpec', () => {
    const spec = serviceSpecSchema.parse({
      name: 'web',
      image: 'nginx:1',
      replicas: 3,
      ports: [{ target: 80, published: 8080 }],
      env: ['A=1'],
      constraints: ['node.role == manager'],
      preferences: ['node.labels.zone'],
      resources: { cpuLimit: 0.5, memoryLimitBytes: 64 * 1024 * 1024 },
      secrets: [{ name: 'db' }],
      update: { parallelism: 2, monitorSeconds: 1 },
    });
    const engine = buildServiceSpec(spec, { secretIds: new Map([['db', 'sid']]), configIds: new Map() });
    expect(engine.Mode).toEqual({ Replicated: { Replicas: 3 } });
    expect(engine.EndpointSpec?.Ports).toEqual([
      { Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' },
    ]);
    expect(engine.TaskTemplate.Placement).toEqual({
      Constraints: ['node.role==manager'],
      Preferences: [{ Spread: { SpreadDescriptor: 'node.labels.zone' } }],
    });
    expect(engine.TaskTemplate.Resources).toEqual({
      Limits: { NanoCPUs: 5e8, MemoryBytes: 64 * 1024 * 1024 },
      Reservations: {},
    });
    expect(engine.TaskTemplate.ContainerSpec?.Secrets).toEqual([
      { SecretID: 'sid', SecretName: 'db', File: { Name: 'db', UID: '0', GID: '0', Mode: 0o444 } },
    ]);
    expect(engine.UpdateConfig).toMatchObject({ Parallelism: 2, Monitor: 1e9, FailureAction: 'pause' });
  });

  it('refuses what the engine would reject later', () => {
    const bad = serviceSpecSchema.safeParse({
      name: 'bad name',
      image: 'x y',
      ports: [{ target: 80, mode: 'host' }],
      mounts: [{ type: 'bind', source: 'relative', target: '/data' }],
      secrets: [{ name: 's', target: '../etc/passwd' }],
      constraints: ['node.role'],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths).toEqual(
      expect.arrayContaining([
        'name',
        'image',
        'ports.0.published',
        'mounts.0.source',
        'secrets.0.target',
        'constraints.0',
      ]),
    );
  });
});

describe('task progress', () => {
  const task = (id: string, state: string, slot: number): SwarmTask => ({
    id,
    serviceId: 's',
    serviceName: 'web',
    slot,
    state,
    desiredState: 'running',
    message: '',
    image: 'img:2',
    createdAt: '',
    updatedAt: '',
    stateSince: '',
  });

  it('reports new tasks and state changes, not unchanged ones', () => {
    const before = new Map([
      ['a', 'running'],
      ['b', 'preparing'],
    ]);
    expect(
      diffTasks(before, [task('c', 'new', 3), task('b', 'running', 2), task('a', 'running', 1)]),
    ).toEqual([
      { taskId: 'b', from: 'preparing', to: 'running', slot: 2, image: 'img:2' },
      { taskId: 'c', to: 'new', slot: 3, image: 'img:2' },
    ]);
  });
});

describe('swarm view polling', () => {
  const service = (over: Partial<SwarmService> = {}): SwarmService => ({
    id: 's1',
    name: 'web',
    mode: 'replicated',
    running: 2,
    desired: 2,
    image: 'busybox',
    ports: [],
    labels: {},
    version: 1,
    canRollback: false,
    createdAt: '',
    updatedAt: '',
    ...over,
  });
  const task = (state: string, desiredState = 'running') => ({ state, desiredState }) as SwarmTask;

  it('watches closely only while the cluster converges', () => {
    expect(converging([service()], [task('running')])).toBe(false);
    expect(converging([service({ updateStatus: { state: 'completed' } })], [])).toBe(false);
    expect(converging([service({ running: 1 })], [])).toBe(true);
    expect(converging([service({ updateStatus: { state: 'updating' } })], [])).toBe(true);
    expect(converging([service()], [task('preparing')])).toBe(true);
  });
});
