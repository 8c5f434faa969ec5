import type { ContainerCreateBody } from './create-body';

export interface CreateCheckHost {
  hostId: string;
  /** The host's policy, as the dispatcher knows it. */
  policy: 'full' | 'restricted' | 'read-only';
}

/**
 * THE call site where every create body of a plan is checked before anything is created. The
 * restricted-policy inspector (privileged, host binds, devices, capabilities...) plugs in here at
 * merge; for now only the host's access check applies (the dispatcher already refused a
 * read-only host). Throws an AppError naming the service and field when a body is refused.
 */
export function checkStackCreateBodies(
  bodies: Array<{ service: string; name: string; body: ContainerCreateBody }>,
  host: CreateCheckHost,
): void {
  void bodies;
  void host;
}
