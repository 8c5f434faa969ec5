import { parseImageReference } from '@shared/contract';

export interface BuildFormState {
  contextPath: string;
  dockerfile: string;
  tags: string;
  buildArgs: string;
  target: string;
  noCache: boolean;
  pull: boolean;
}

export type BuildFormErrors = Partial<
  Record<'contextPath' | 'dockerfile' | 'tags' | 'buildArgs' | 'target', string>
>;

export const EMPTY_BUILD_FORM: BuildFormState = {
  contextPath: '',
  dockerfile: 'Dockerfile',
  tags: '',
  buildArgs: '',
  target: '',
  noCache: false,
  pull: false,
};

/** Tags separated by spaces, commas or new lines. */
export function splitTags(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}

/** KEY=value per line; blank lines and # comments are skipped. */
export function parseBuildArgs(text: string): { args: Record<string, string>; error?: string } {
  const args: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      return { args, error: `line ${i + 1}: "${key}" is not a valid argument name (KEY=value)` };
    }
    args[key] = eq < 0 ? '' : line.slice(eq + 1);
  }
  return { args };
}

export function validateBuildForm(f: BuildFormState): BuildFormErrors {
  const errors: BuildFormErrors = {};
  const ctx = f.contextPath.trim();
  if (!ctx) errors.contextPath = 'enter the folder to build from';
  else if (!ctx.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(ctx))
    errors.contextPath = 'the folder must be an absolute path';
  const df = f.dockerfile.trim();
  if (!df) errors.dockerfile = 'enter the Dockerfile path (relative to the folder)';
  else if (df.startsWith('/') || df.split(/[\\/]/).includes('..'))
    errors.dockerfile = 'the Dockerfile must be inside the folder';
  for (const t of splitTags(f.tags)) {
    const p = parseImageReference(t);
    if (!p.ok) {
      errors.tags = `${t}: ${p.reason}`;
      break;
    }
    if (p.ref.digest) {
      errors.tags = `${t}: a tag cannot have a digest`;
      break;
    }
  }
  const args = parseBuildArgs(f.buildArgs);
  if (args.error) errors.buildArgs = args.error;
  if (f.target.trim() && !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/.test(f.target.trim())) {
    errors.target = 'not a valid stage name';
  }
  return errors;
}
