import type { StackDiagnostic, StackService } from '@shared/contract';

/** Unknown dependencies and cycles, each named by service and field. */
export function checkDependencies(services: StackService[], disabled: string[]): StackDiagnostic[] {
  const names = new Set(services.map((s) => s.name));
  const out: StackDiagnostic[] = [];
  for (const s of services) {
    for (const d of s.dependsOn) {
      if (names.has(d.service) || !d.required) continue;
      const why = disabled.includes(d.service)
        ? 'is disabled by its profiles'
        : 'is not a service of this file';
      out.push({
        kind: 'semantic',
        severity: 'error',
        path: `services.${s.name}.depends_on.${d.service}`,
        service: s.name,
        message: `services.${s.name}.depends_on: "${d.service}" ${why}.`,
      });
    }
  }
  const cycle = findCycle(services);
  if (cycle) {
    const first = cycle[0] as string;
    out.push({
      kind: 'semantic',
      severity: 'error',
      path: `services.${first}.depends_on`,
      service: first,
      message: `services.${first}.depends_on: dependency cycle ${cycle.join(' → ')}.`,
    });
  }
  return out;
}

function findCycle(services: StackService[]): string[] | null {
  const deps = new Map(services.map((s) => [s.name, s.dependsOn.map((d) => d.service)]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | null => {
    if (state.get(n) === 'done' || !deps.has(n)) return null;
    if (state.get(n) === 'visiting') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'visiting');
    stack.push(n);
    for (const d of deps.get(n) ?? []) {
      const c = visit(d);
      if (c) return c;
    }
    stack.pop();
    state.set(n, 'done');
    return null;
  };
  for (const s of services) {
    const c = visit(s.name);
    if (c) return c;
  }
  return null;
}

/** Services in waves: each wave depends only on earlier ones. Assumes no cycles. */
export function dependencyWaves(services: StackService[]): StackService[][] {
  const byName = new Map(services.map((s) => [s.name, s]));
  const done = new Set<string>();
  const waves: StackService[][] = [];
  let left = [...services];
  while (left.length) {
    const wave = left.filter((s) => s.dependsOn.every((d) => done.has(d.service) || !byName.has(d.service)));
    if (!wave.length) throw new Error('dependency cycle');
    waves.push(wave);
    for (const s of wave) done.add(s.name);
    left = left.filter((s) => !done.has(s.name));
  }
  return waves;
}

/**
 * The order to take services down: dependents first. `deps` maps each service to what it depends
 * on (from the file, or the containers' com.docker.compose.depends_on labels); each wave holds the
 * services nothing left depends on. A cycle (a file edited by hand) ends in one last wave.
 */
export function removalWaves(deps: Map<string, string[]>): string[][] {
  const left = new Set(deps.keys());
  const waves: string[][] = [];
  while (left.size) {
    const needed = new Set([...left].flatMap((s) => deps.get(s) ?? []));
    const wave = [...left].filter((s) => !needed.has(s));
    const next = wave.length ? wave : [...left];
    waves.push(next.sort());
    for (const s of next) left.delete(s);
  }
  return waves;
}
