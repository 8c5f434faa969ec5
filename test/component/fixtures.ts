import type { HostPolicy, HostView, SwarmInfo, SwarmService } from '../../src/shared/contract';

export function hostView(id: string, policy: HostPolicy = 'full'): HostView {
  return {
    id,
    name: `host ${id}`,
    color: '#3366ff',
    endpoint: { kind: 'socket', socketPath: '/var/run/docker.sock' } as HostView['endpoint'],
    policy,
    production: false,
    labels: [],
  };
}

export const managerInfo: SwarmInfo = {
  role: 'manager',
  localState: 'active',
  nodeId: 'node1',
  managerAddresses: ['10.0.0.1:2377'],
  summary: 'A swarm manager.',
};

export const workerInfo: SwarmInfo = {
  role: 'worker',
  localState: 'active',
  nodeId: 'node2',
  managerAddresses: ['10.0.0.1:2377'],
  summary: 'A swarm worker; its managers are elsewhere.',
};

export function service(name: string, over: Partial<SwarmService> = {}): SwarmService {
  return {
    id: `svc-${name}`,
    name,
    mode: 'replicated',
    running: 2,
    desired: 2,
    image: 'berthmaster-test/busybox:latest',
    ports: [],
    labels: {},
    canRollback: false,
    version: 7,
    createdAt: '2026-12-06T00:00:00Z',
    updatedAt: '2026-12-06T00:00:00Z',
    ...over,
  };
}

/** Lets pending promises (the fake bridge's answers) and React's updates run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}
