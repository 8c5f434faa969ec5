import { AppError, type HostPolicy, type RunSpec, type ServiceSpec } from '@shared/contract';
import type { MethodName } from '@shared/contract/method-name';
import {
  describeViolations,
  inspectContainerBody,
  inspectServiceSpec,
  type BodyLimits,
  type BodyViolation,
} from '@shared/policy/restricted-body';
import { toCreateOptions } from '../services/containers/run-spec';
import { buildServiceSpec } from '../services/swarm/build-spec';

const noRefs = { secretIds: new Map<string, string>(), configIds: new Map<string, string>() };

/**
 * Methods whose input becomes a workload body, and how: the guard builds the body exactly as the
 * service will (same pure functions) and inspects it before the handler runs. Service updates and
 * rollbacks start from the engine's stored spec, so their services inspect the final body.
 */
export const WORKLOAD_BODIES: Partial<
  Record<MethodName, (input: unknown, limits: BodyLimits) => BodyViolation[]>
> = {
  'containers.create': (input, limits) =>
    inspectContainerBody(toCreateOptions(specOf<RunSpec>(input)), limits),
  'containers.recreate': (input, limits) =>
    inspectContainerBody(toCreateOptions(specOf<RunSpec>(input)), limits),
  'swarm.serviceCreate': (input, limits) =>
    inspectServiceSpec(buildServiceSpec(specOf<ServiceSpec>(input), noRefs), limits),
};

function specOf<T>(input: unknown): T {
  return (input as { spec: T }).spec;
}

/** The refusal of a workload body: every violating field, and the policy. */
export function workloadRefusal(
  hostName: string,
  method: string,
  violations: readonly BodyViolation[],
): AppError {
  return new AppError({
    code: 'PERMISSION_DENIED',
    message: describeViolations(hostName, violations),
    data: {
      method,
      policy: 'restricted',
      field: violations[0]?.path ?? '',
      fields: violations.map((v) => v.path).join(', '),
    },
  });
}

/**
 * For services that send a body the guard could not see (a service update or rollback starts from
 * the engine's stored spec): throws before the body is sent if the host is restricted and the
 * body breaks the policy.
 */
export function serviceSpecCheck(
  host: { name: string; policy: HostPolicy; allowedBindPaths?: readonly string[] } | undefined,
  method: string,
): (spec: unknown) => void {
  return (spec) => {
    if (host?.policy !== 'restricted') return;
    const violations = inspectServiceSpec(spec, { allowedBindPaths: host.allowedBindPaths ?? [] });
    if (violations.length > 0) throw workloadRefusal(host.name, method, violations);
  };
}

/** The same for a container create body a service builds itself (a moved or cloned container). */
export function containerBodyCheck(
  host: { name: string; policy: HostPolicy; allowedBindPaths?: readonly string[] } | undefined,
  method: string,
): (body: unknown) => void {
  return (body) => {
    if (host?.policy !== 'restricted') return;
    const violations = inspectContainerBody(body, { allowedBindPaths: host.allowedBindPaths ?? [] });
    if (violations.length > 0) throw workloadRefusal(host.name, method, violations);
  };
}
