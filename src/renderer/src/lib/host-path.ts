const ABSOLUTE = /^(\/|[A-Za-z]:[\\/])/;

/**
 * What is wrong with the path of a file on the machine running Berthmaster's backend (a tar to
 * load, save, back up to or restore from), or undefined. `missing` says what to enter.
 */
export function hostPathProblem(path: string, missing: string): string | undefined {
  const trimmed = path.trim();
  if (!trimmed) return missing;
  return ABSOLUTE.test(trimmed) ? undefined : 'the path must be absolute';
}
