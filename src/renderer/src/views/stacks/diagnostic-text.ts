import type { StackDiagnostic } from '@shared/contract';

/** Schema messages already begin with where they are ("services.web: …"); others need the path. */
export function showPath(d: StackDiagnostic): boolean {
  return d.path !== '' && d.kind !== 'schema';
}
