import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppError, LogEvent, ServiceWatchEvent, SwarmService, SwarmTask } from '@shared/contract';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { dissolveSwarm, formSwarm, type LabSwarm } from './support/swarm';
import { startSwarmRig, type SwarmRig } from './support/swarm-backend';

let lab: Lab;
let swarm: LabSwarm;
let rig: SwarmRig;
/** Everything any Berthmaster call or stream handed back, to prove the secret value never appears. */
const seen: string[] = [];
const made = { services: [] as string[], secrets: [] as string[], configs: [] as string[] };

const run = uniqueName('swm');
const SECRET_VALUE = `s3cret-${Math.random().toString(36).slice(2)}-${Date.now()}`;
let v2Tag: string;

async function record<T>(p: Promise<T>): Promise<T> {
  const value = await p;
  seen.push(JSON.stringify(value ?? null));
  return value;
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    seen.push(JSON.stringify(e));
    return e as AppError;
  }
  throw new Error('expected a rejection');
}

const api = () => rig.api.swarm;
const A = () => rig.managerHost;

async function service(name: string): Promise<SwarmService> {
  const all = await record(api().services({ hostId: A() }));
  const s = all.find((x) => x.name === name);
  if (!s) throw new Error(`service ${name} not listed`);
  return s;
}

async function runningTasks(name: string): Promise<SwarmTask[]> {
  const tasks = await record(api().tasks({ hostId: A(), serviceId: name, current: true }));
  return tasks.filter((t) => t.state === 'running');
}

/** Waits until the service runs `n` tasks (all of the wanted image, if given). */
async function waitRunning(name: string, n: number, image?: string, timeout = 60_000) {
  await vi.waitFor(
    async () => {
      const tasks = await runningTasks(name);
      const ok = tasks.filter((t) => image === undefined || t.image === image);
      if (ok.length !== n || tasks.length !== n) {
        throw new Error(`${name}: ${ok.length}/${tasks.length} running, want ${n}`);
      }
    },
    { timeout, interval: 500 },
  );
  return runningTasks(name);
}

/** The lab engine that is this swarm node, for checking with the CLI. */
const socketOf = (nodeId: string | undefined) =>
  nodeId === swarm.workerNodeId ? lab.engineB.socketPath : lab.engineA.socketPath;

beforeAll(async () => {
  lab = loadLab();
  swarm = await formSwarm(lab);
  v2Tag = `${lab.image.split(':')[0]}:${run}-v2`;
  for (const sock of [lab.engineA.socketPath, lab.engineB.socketPath]) {
    await docker(sock, 'tag', lab.image, v2Tag);
  }
  rig = await startSwarmRig(lab);
}, 90_000);

afterAll(async () => {
  const a = lab.engineA.socketPath;
  for (const s of made.services) await docker(a, 'service', 'rm', s).catch(() => undefined);
  for (const s of made.secrets) await docker(a, 'secret', 'rm', s).catch(() => undefined);
  for (const c of made.configs) await docker(a, 'config', 'rm', c).catch(() => undefined);
  await rig?.close();
  await dissolveSwarm(lab);
  // Task containers are gone with the swarm; the second tag is ours to remove.
  for (const sock of [lab.engineA.socketPath, lab.engineB.socketPath]) {
    await docker(sock, 'rmi', v2Tag).catch(() => undefined);
  }
}, 90_000);

describe('swarm on the lab (A manager, B worker)', () => {
  it('tells a manager from a worker, and refuses swarm calls on the worker with a clear sentence', async () => {
    const a = await record(api().info({ hostId: A() }));
    expect(a.role).toBe('manager');
    expect(a.nodes).toBe(2);
    expect(a.leader?.id).toBe(swarm.managerNodeId);
    const b = await record(api().info({ hostId: rig.workerHost }));
    expect(b.role).toBe('worker');
    expect(b.managerAddresses).toContain('10.123.0.1:2377');
    expect(b.summary).toMatch(/^swarm-b-tls is not a swarm manager: it is a worker node/);

    const refused = await rejection(api().services({ hostId: rig.workerHost }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/^swarm-b-tls is not a swarm manager: .*10\.123\.0\.1:2377/);

    const nodes = await record(api().nodes({ hostId: A() }));
    expect(nodes.map((n) => [n.id, n.role, n.state])).toEqual([
      [swarm.managerNodeId, 'manager', 'ready'],
      [swarm.workerNodeId, 'worker', 'ready'],
    ]);
    expect(nodes[0]?.self).toBe(true);
  });

  it('refuses unsafe node removals', async () => {
    const self = await rejection(api().nodeRemove({ hostId: A(), id: swarm.managerNodeId }));
    expect(self.message).toMatch(/node you are connected to/);
    const live = await rejection(api().nodeRemove({ hostId: A(), id: swarm.workerNodeId }));
    expect(live.code).toBe('CONFLICT');
    expect(live.message).toMatch(/is ready, not down/);
    const unconfirmed = await rejection(
      api().nodeRemove({ hostId: A(), id: swarm.workerNodeId, force: true }),
    );
    expect(unconfirmed.code).toBe('INVALID_INPUT');
  });

  const web = `${run}-web`;
  const secretName = `${run}-secret`;

  it('creates a secret and a 3-replica service that spreads over both nodes, then scales it to 5', async () => {
    const { id: secretId } = await record(
      api().secretCreate({
        hostId: A(),
        name: secretName,
        data: SECRET_VALUE,
        labels: { 'berthmaster.test': '1' },
      }),
    );
    made.secrets.push(secretName);
    expect(secretId).toMatch(/^[a-z0-9]{25}$/);

    made.services.push(web);
    const created = await record(
      api().serviceCreate({
        hostId: A(),
        spec: {
          name: web,
          image: lab.image,
          command: [
            'sh',
            '-c',
            'trap "exit 0" TERM; while true; do echo hello from $(hostname); sleep 1; done',
          ],
          replicas: 3,
          labels: { 'berthmaster.test': '1' },
          stopGraceSeconds: 2,
          secrets: [{ name: secretName, target: 'x' }],
          update: {
            parallelism: 2,
            delaySeconds: 0,
            failureAction: 'pause',
            monitorSeconds: 1,
            order: 'stop-first',
          },
          rollback: {
            parallelism: 0,
            delaySeconds: 0,
            failureAction: 'pause',
            monitorSeconds: 1,
            order: 'stop-first',
          },
        },
      }),
    );
    expect(created.id).toMatch(/^[a-z0-9]{25}$/);

    const three = await waitRunning(web, 3);
    expect(new Set(three.map((t) => t.nodeId))).toEqual(new Set([swarm.managerNodeId, swarm.workerNodeId]));
    expect(three.every((t) => t.containerId && t.serviceName === web)).toBe(true);

    const scaled = await record(api().serviceScale({ hostId: A(), id: web, replicas: 5 }));
    expect(scaled.desired).toBe(5);
    await waitRunning(web, 5);
    const listed = await service(web);
    expect([listed.running, listed.desired, listed.mode, listed.image]).toEqual([
      5,
      5,
      'replicated',
      lab.image,
    ]);

    const secrets = await record(api().secrets({ hostId: A() }));
    expect(secrets.find((s) => s.name === secretName)?.usedBy).toEqual([web]);
    const inUse = await rejection(api().secretRemove({ hostId: A(), id: secretId }));
    expect(inUse.message).toContain(web);
  });

  it('mounts the secret into the tasks (readable through the engine of the node running one)', async () => {
    const tasks = await runningTasks(web);
    const onB = tasks.find((t) => t.nodeId === swarm.workerNodeId) ?? tasks[0];
    const value = await docker(
      socketOf(onB?.nodeId),
      'exec',
      onB?.containerId ?? '',
      'cat',
      '/run/secrets/x',
    );
    expect(value).toBe(SECRET_VALUE);
    const details = await record(api().serviceInspect({ hostId: A(), id: web }));
    expect(details.secrets).toEqual([secretName]);
  });

  it('aggregates service logs from tasks on both nodes, each line labelled with task and node', async () => {
    const nodes = await record(api().nodes({ hostId: A() }));
    // Both lab engines run on one VM, so both nodes share a hostname: labels add a short id.
    const labelOf = (id: string) => {
      const n = nodes.find((x) => x.id === id);
      return `${n?.hostname}/${id.slice(0, 8)}`;
    };
    const text: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => (sub.close(), reject(new Error(`no lines from both nodes:\n${text.join('')}`))),
        20_000,
      );
      const sub = rig.api.swarm.serviceLogs(
        { hostId: A(), id: web, follow: true, tail: 5 },
        {
          onEvent(e: LogEvent) {
            if (e.type !== 'data') return;
            text.push(e.text);
            const all = text.join('');
            if (
              all.includes(`@${labelOf(swarm.managerNodeId)}] hello from`) &&
              all.includes(`@${labelOf(swarm.workerNodeId)}] hello from`)
            ) {
              clearTimeout(timer);
              sub.close();
              resolve();
            }
          },
          onEnd: (err) => (err ? reject(err) : undefined),
        },
      );
    });
    const lines = text.join('').split('\n').filter(Boolean);
    seen.push(...lines);
    expect(lines[0]).toMatch(
      new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\S+Z \\[${web}\\.[1-5]@\\S+\\] hello from [0-9a-f]{12}$`),
    );
  });

  it('rolls out a new tag with per-task progress, then rolls back', async () => {
    const before = await service(web);
    const events: ServiceWatchEvent[] = [];
    const watch = (until: (e: ServiceWatchEvent) => boolean) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => (sub.close(), reject(new Error('update did not settle in 90 s'))),
          90_000,
        );
        const sub = rig.api.swarm.watchService(
          { hostId: A(), id: web },
          {
            onEvent(e) {
              events.push(e);
              seen.push(JSON.stringify(e));
              if (until(e)) {
                clearTimeout(timer);
                sub.close();
                resolve();
              }
            },
            onEnd: (err) => (err ? reject(err) : undefined),
          },
        );
      });

    const done = watch(
      (e) =>
        e.service.updateStatus?.state === 'completed' &&
        e.settled &&
        e.tasks.filter((t) => t.desiredState === 'running').every((t) => t.image === v2Tag),
    );
    await record(api().serviceUpdate({ hostId: A(), id: web, version: before.version, image: v2Tag }));
    await done;
    const changes = events.flatMap((e) => e.changes);
    // New tasks appear and climb to running one by one; old ones are shut down.
    const newTasks = new Set(changes.filter((c) => c.image === v2Tag).map((c) => c.taskId));
    expect(newTasks.size).toBe(5);
    expect(changes.filter((c) => c.image === v2Tag && c.to === 'running').length).toBe(5);
    expect(changes.some((c) => c.image === lab.image && c.to === 'shutdown')).toBe(true);
    expect(events.some((e) => e.service.updateStatus?.state === 'updating')).toBe(true);
    expect(events.length).toBeGreaterThan(2);

    // A stale version is refused instead of overwriting someone's change.
    const stale = await rejection(
      api().serviceUpdate({ hostId: A(), id: web, version: before.version, replicas: 1 }),
    );
    expect(stale.code).toBe('CONFLICT');

    const updated = await service(web);
    expect([updated.image, updated.canRollback]).toEqual([v2Tag, true]);
    events.length = 0;
    const back = watch(
      (e) =>
        e.service.updateStatus?.state === 'rollback_completed' && e.settled && e.service.image === lab.image,
    );
    await record(api().serviceRollback({ hostId: A(), id: web }));
    await back;
    await waitRunning(web, 5, lab.image);
    expect(events.some((e) => e.changes.some((c) => c.image === lab.image && c.to === 'running'))).toBe(true);
  }, 150_000);

  it('drains node B: its tasks move to A; activating it again keeps them schedulable', async () => {
    const drained = await record(
      api().nodeUpdate({ hostId: A(), id: swarm.workerNodeId, availability: 'drain' }),
    );
    expect(drained.availability).toBe('drain');
    await vi.waitFor(
      async () => {
        const tasks = await runningTasks(web);
        if (tasks.length !== 5 || tasks.some((t) => t.nodeId !== swarm.managerNodeId)) {
          throw new Error(`tasks still on B: ${tasks.map((t) => t.nodeId).join(',')}`);
        }
      },
      { timeout: 60_000, interval: 500 },
    );
    const onB = await record(api().tasks({ hostId: A(), nodeId: swarm.workerNodeId, current: true }));
    expect(onB.filter((t) => t.serviceName === web)).toEqual([]);
    const active = await record(
      api().nodeUpdate({
        hostId: A(),
        id: swarm.workerNodeId,
        availability: 'active',
        labels: { zone: 'b' },
      }),
    );
    expect([active.availability, active.labels]).toEqual(['active', { zone: 'b' }]);
  }, 90_000);

  it('groups stack objects by namespace and removes a stack whole; configs list and remove', async () => {
    const stack = `${run}-stk`;
    const label = { 'com.docker.stack.namespace': stack, 'berthmaster.test': '1' };
    const configName = `${run}-cfg`;
    await record(api().configCreate({ hostId: A(), name: configName, data: 'a=1\n', labels: label }));
    made.configs.push(configName);
    made.services.push(`${stack}_idle`);
    await record(
      api().serviceCreate({
        hostId: A(),
        spec: {
          name: `${stack}_idle`,
          image: lab.image,
          command: ['sleep', '600'],
          replicas: 0,
          labels: label,
        },
      }),
    );
    const stacks = await record(api().stacks({ hostId: A() }));
    expect(stacks.find((s) => s.name === stack)).toEqual({
      name: stack,
      services: [`${stack}_idle`],
      networks: [],
      secrets: [],
      configs: [configName],
    });
    const configs = await record(api().configs({ hostId: A() }));
    expect(configs.find((c) => c.name === configName)?.stack).toBe(stack);
    const removal = await record(api().stackRemove({ hostId: A(), name: stack }));
    expect(removal.failed).toEqual([]);
    expect(removal.removed.sort()).toEqual([`config ${configName}`, `service ${stack}_idle`]);
    expect((await record(api().stacks({ hostId: A() }))).some((s) => s.name === stack)).toBe(false);
  });

  it('removes the service and then the secret; no Berthmaster answer ever carried the secret value', async () => {
    await record(api().serviceRemove({ hostId: A(), id: web }));
    const secret = (await record(api().secrets({ hostId: A() }))).find((s) => s.name === secretName);
    await vi.waitFor(() => api().secretRemove({ hostId: A(), id: secret?.id ?? '' }), {
      timeout: 20_000,
      interval: 500,
    });
    expect((await record(api().secrets({ hostId: A() }))).some((s) => s.name === secretName)).toBe(false);
    const all = seen.join('\n');
    expect(all.length).toBeGreaterThan(10_000);
    expect(all).not.toContain(SECRET_VALUE);
    expect(all).not.toContain(Buffer.from(SECRET_VALUE).toString('base64'));
  });
});
