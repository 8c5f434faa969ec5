import { docker, loadLab, type Lab } from './lab';

/**
 * Forms and dissolves the lab's two-node swarm (engine A manager, engine B worker) for the swarm
 * tests only: the other suites share these engines and expect them outside any swarm.
 *
 * A advertises the host side of B's veth (10.123.0.1, see e2e/lab/lib.sh), which B can reach.
 * B's listen address avoids 2377 on its own address, where the lab serves a wrong-CA TLS
 * listener. Overlay subnets come from 10.252.0.0/16, away from the 10.x blocks other suites use.
 */
export const SWARM_ADVERTISE_A = '10.123.0.1';
const SWARM_ADDR_POOL = '10.252.0.0/16';
const B_LISTEN = '10.123.0.2:2387';

export interface LabSwarm {
  managerNodeId: string;
  workerNodeId: string;
}

async function state(socketPath: string): Promise<{ local: string; control: boolean; nodeId: string }> {
  const out = await docker(
    socketPath,
    'info',
    '--format',
    '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}} {{.Swarm.NodeID}}',
  );
  const [local = '', control = '', nodeId = ''] = out.split(' ');
  return { local, control: control === 'true', nodeId };
}

async function clusterOf(socketPath: string): Promise<string> {
  return docker(socketPath, 'info', '--format', '{{.Swarm.Cluster.ID}}').catch(() => '');
}

/** Idempotent: leaves a matching two-node swarm alone, repairs a half-formed one, builds it otherwise. */
export async function formSwarm(lab: Lab = loadLab()): Promise<LabSwarm> {
  const a = lab.engineA.socketPath;
  const b = lab.engineB.socketPath;
  let sa = await state(a);
  if (sa.local === 'active' && !sa.control) {
    await docker(a, 'swarm', 'leave', '--force');
    sa = await state(a);
  }
  if (sa.local !== 'active') {
    await docker(
      a,
      'swarm',
      'init',
      '--advertise-addr',
      SWARM_ADVERTISE_A,
      '--listen-addr',
      `${SWARM_ADVERTISE_A}:2377`,
      '--default-addr-pool',
      SWARM_ADDR_POOL,
    );
    sa = await state(a);
  }
  const cluster = await clusterOf(a);
  let sb = await state(b);
  if (sb.local === 'active') {
    // In our swarm already? A lists it as a ready node then.
    const nodes = await docker(a, 'node', 'ls', '--format', '{{.ID}} {{.Status}}');
    const known = nodes.split('\n').some((l) => l.startsWith(`${sb.nodeId} Ready`));
    if (!known || sb.control) {
      await docker(b, 'swarm', 'leave', '--force');
      sb = await state(b);
    }
  }
  if (sb.local !== 'active') {
    const token = await docker(a, 'swarm', 'join-token', '-q', 'worker');
    await docker(
      b,
      'swarm',
      'join',
      '--token',
      token,
      '--advertise-addr',
      lab.engineB.tlsHost,
      '--listen-addr',
      B_LISTEN,
      `${SWARM_ADVERTISE_A}:2377`,
    );
    sb = await state(b);
  }
  // Nodes left behind by earlier runs (B's old identities) show as down: clear them.
  const stale = await docker(a, 'node', 'ls', '--format', '{{.ID}} {{.Status}}');
  for (const line of stale.split('\n')) {
    const [id, status] = line.split(' ');
    if (id && status === 'Down' && id !== sb.nodeId) {
      await docker(a, 'node', 'rm', '--force', id).catch(() => undefined);
    }
  }
  if (!cluster) throw new Error('engine A reports no swarm cluster after init');
  return { managerNodeId: sa.nodeId, workerNodeId: sb.nodeId };
}

/** Idempotent: both engines leave, and the bridge the swarm added (docker_gwbridge) goes when unused. */
export async function dissolveSwarm(lab: Lab = loadLab()): Promise<void> {
  for (const socketPath of [lab.engineB.socketPath, lab.engineA.socketPath]) {
    const s = await state(socketPath);
    if (s.local !== 'inactive') await docker(socketPath, 'swarm', 'leave', '--force');
  }
  for (const socketPath of [lab.engineA.socketPath, lab.engineB.socketPath]) {
    const users = await docker(
      socketPath,
      'network',
      'inspect',
      '--format',
      '{{len .Containers}}',
      'docker_gwbridge',
    ).catch(() => '');
    if (users === '0') await docker(socketPath, 'network', 'rm', 'docker_gwbridge').catch(() => undefined);
  }
}
