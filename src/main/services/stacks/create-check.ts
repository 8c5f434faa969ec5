import { AppError } from '@shared/contract';
import { describeViolations, inspectContainerBody } from '@shared/policy/restricted-body';
import type { StackPlan } from '@shared/contract';
import type { ContainerCreateBody } from './create-body';

export interface CreateCheckHost {
  hostId: string;
  /** The host's name, for the refusal. */
  name: string;
  /** The host's policy, as the dispatcher knows it. */
  policy: 'full' | 'restricted' | 'read-only';
  /** Host paths a restricted host lets containers bind-mount. */
  allowedBindPaths?: readonly string[];
}

/**
 * THE call site where every create body of a plan is checked before anything is created: on a
 * restricted host each body goes through the same inspector as the run form and swarm services
 * (no privileged, host namespaces, devices, added capabilities, root user or binds outside the
 * allow-list). A refusal names the service and every field, and nothing has been touched.
 */
export function checkStackCreateBodies(
  bodies: Array<{ service: string; name: string; body: ContainerCreateBody }>,
  host: CreateCheckHost,
): void {
  if (host.policy !== 'restricted') return;
  const limits = { allowedBindPaths: host.allowedBindPaths ?? [] };
  for (const b of bodies) {
    const violations = inspectContainerBody(b.body, limits);
    if (violations.length === 0) continue;
    throw new AppError({
      code: 'PERMISSION_DENIED',
      message: `services.${b.service}: ${describeViolations(host.name, violations)}`,
      data: {
        method: 'stacks.up',
        policy: 'restricted',
        service: b.service,
        field: violations[0]?.path ?? '',
        fields: violations.map((v) => v.path).join(', '),
      },
    });
  }
}

/**
 * "restricted" allows changes but not deletions: a deploy that would replace or remove containers
 * (recreate, scale down, remove orphans) is refused there before anything happens, naming them.
 */
export function checkStackDeletions(plan: StackPlan, host: CreateCheckHost, removeOrphans: boolean): void {
  if (host.policy !== 'restricted') return;
  const replacing = plan.services
    .filter((s) => s.action === 'recreate' || s.action === 'remove' || s.desired < s.current)
    .map((s) => s.service);
  const orphans = removeOrphans ? plan.orphans.map((o) => o.service) : [];
  if (replacing.length === 0 && orphans.length === 0) return;
  const what = [
    ...replacing.map((s) => `services.${s} would be replaced or removed`),
    ...orphans.map((s) => `orphan ${s} would be removed`),
  ];
  throw new AppError({
    code: 'PERMISSION_DENIED',
    message: `${host.name} is restricted: it allows creating and starting, not deleting (${what.join('; ')}). Ask for a full policy, or deploy only new services.`,
    data: {
      method: 'stacks.up',
      policy: 'restricted',
      field: replacing[0] ? `services.${replacing[0]}` : 'removeOrphans',
    },
  });
}
