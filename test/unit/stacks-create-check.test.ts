import { describe, expect, it } from 'vitest';
import type { StackPlan } from '@shared/contract';
import { checkStackCreateBodies, checkStackDeletions } from '../../src/main/services/stacks/create-check';
import type { ContainerCreateBody } from '../../src/main/services/stacks/create-body';

const restricted = {
  hostId: 'h-1',
  name: 'edge',
  policy: 'restricted' as const,
  allowedBindPaths: ['/srv/data'],
};
const full = { ...restricted, policy: 'full' as const };
const body = (hc: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  ({ Image: 'busybox', HostConfig: hc, ...extra }) as unknown as ContainerCreateBody;

const plan = (over: Partial<StackPlan>): StackPlan => ({
  project: 'p',
  target: 'compose',
  services: [],
  orphans: [],
  resources: [],
  blockers: [],
  noop: false,
  ...over,
});

describe('stacks on a restricted host', () => {
  it('refuses a privileged service or a bind outside the allow-list, naming the service and field', () => {
    expect(() =>
      checkStackCreateBodies(
        [{ service: 'db', name: 'p-db-1', body: body({ Privileged: true }) }],
        restricted,
      ),
    ).toThrow(/services\.db: .*privileged/i);
    expect(() =>
      checkStackCreateBodies(
        [
          {
            service: 'web',
            name: 'p-web-1',
            body: body({ Mounts: [{ Type: 'bind', Source: '/', Target: '/h' }] }),
          },
        ],
        restricted,
      ),
    ).toThrow(/services\.web/);
    // The same bodies pass on a full host, and an allowed bind passes on the restricted one.
    checkStackCreateBodies([{ service: 'db', name: 'p-db-1', body: body({ Privileged: true }) }], full);
    checkStackCreateBodies(
      [
        {
          service: 'web',
          name: 'p-web-1',
          body: body({ Mounts: [{ Type: 'bind', Source: '/srv/data/x', Target: '/d' }] }),
        },
      ],
      restricted,
    );
  });

  it('allows creating, refuses replacing or removing containers', () => {
    const svc = (action: StackPlan['services'][number]['action'], current = 0, desired = 1) => ({
      service: 's',
      action,
      reasons: [],
      current,
      desired,
      containers: [],
    });
    checkStackDeletions(plan({ services: [svc('create')] }), restricted, false);
    expect(() => checkStackDeletions(plan({ services: [svc('recreate', 1, 1)] }), restricted, false)).toThrow(
      /restricted.*services\.s would be replaced/,
    );
    expect(() => checkStackDeletions(plan({ services: [svc('scale', 3, 1)] }), restricted, false)).toThrow();
    expect(() =>
      checkStackDeletions(plan({ orphans: [{ service: 'old', containers: ['p-old-1'] }] }), restricted, true),
    ).toThrow(/orphan old/);
    checkStackDeletions(plan({ orphans: [{ service: 'old', containers: ['p-old-1'] }] }), restricted, false);
    checkStackDeletions(plan({ services: [svc('recreate', 1, 1)] }), full, true);
  });
});
