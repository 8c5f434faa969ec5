import path from 'node:path';
import type { StackMount } from '@shared/contract';
import { FieldError } from './normalize-ports';
import { parseBytes } from './units';

export interface MountContext {
  workingDir: string;
  homeDir: string;
  /** Top-level volume keys, for telling "named volume" from a mistake. */
  volumeKeys: ReadonlySet<string>;
}

function isPath(source: string): boolean {
  return (
    source.startsWith('.') ||
    source.startsWith('/') ||
    source.startsWith('~') ||
    /^[A-Za-z]:[\\/]/.test(source)
  );
}

function resolveHostPath(source: string, ctx: MountContext): string {
  if (source === '~' || source.startsWith('~/')) return path.posix.join(ctx.homeDir, source.slice(1));
  if (source.startsWith('/')) return path.posix.normalize(source);
  return path.posix.resolve(ctx.workingDir, source);
}

function checkVolume(source: string, ctx: MountContext) {
  if (source && !ctx.volumeKeys.has(source)) {
    throw new FieldError(`named volume "${source}" is not declared in the top-level volumes.`);
  }
}

/** "source:target[:mode]", "target" (anonymous volume). Modes: ro, rw, z, Z, nocopy, propagation. */
export function parseShortVolume(spec: string, ctx: MountContext): StackMount {
  // A Windows drive letter has a colon of its own; hosts here are Linux engines.
  const parts = spec.split(':');
  if (parts.length === 1) return { type: 'volume', source: '', target: parts[0] ?? '', readOnly: false };
  if (parts.length > 3) throw new FieldError(`"${spec}" is not a valid volume (source:target[:mode]).`);
  const [source = '', target = '', modeText = ''] = parts;
  if (!target.startsWith('/'))
    throw new FieldError(`"${spec}": the container path "${target}" must be absolute.`);
  const modes = modeText ? modeText.split(',') : [];
  const readOnly = modes.includes('ro');
  const propagation = modes.find((m) => /^(r?shared|r?slave|r?private)$/.test(m));
  if (isPath(source)) {
    const mount: StackMount = {
      type: 'bind',
      source: resolveHostPath(source, ctx),
      target,
      readOnly,
      createHostPath: true,
    };
    if (propagation) mount.bindPropagation = propagation;
    return mount;
  }
  checkVolume(source, ctx);
  const mount: StackMount = { type: 'volume', source, target, readOnly };
  if (modes.includes('nocopy')) mount.noCopy = true;
  return mount;
}

export function parseLongVolume(spec: Record<string, unknown>, ctx: MountContext): StackMount {
  const type = String(spec.type ?? 'volume');
  const target = String(spec.target ?? '');
  if (!target.startsWith('/')) throw new FieldError(`the container path "${target}" must be absolute.`);
  const readOnly = spec.read_only === true;
  const source = typeof spec.source === 'string' ? spec.source : '';
  if (type === 'bind') {
    if (!source) throw new FieldError('a bind mount needs a source.');
    const bind = (spec.bind ?? {}) as Record<string, unknown>;
    const mount: StackMount = { type: 'bind', source: resolveHostPath(source, ctx), target, readOnly };
    // The long syntax does not create a missing host path unless asked.
    mount.createHostPath = bind.create_host_path === true;
    if (typeof bind.propagation === 'string') mount.bindPropagation = bind.propagation;
    return mount;
  }
  if (type === 'volume') {
    checkVolume(source, ctx);
    const mount: StackMount = { type: 'volume', source, target, readOnly };
    const vol = (spec.volume ?? {}) as Record<string, unknown>;
    if (vol.nocopy === true) mount.noCopy = true;
    return mount;
  }
  if (type === 'tmpfs') {
    const tmpfs = (spec.tmpfs ?? {}) as Record<string, unknown>;
    const mount: StackMount = { type: 'tmpfs', source: '', target, readOnly };
    const size = tmpfs.size === undefined ? null : parseBytes(tmpfs.size);
    if (tmpfs.size !== undefined && size === null)
      throw new FieldError(`tmpfs size "${String(tmpfs.size)}" is not a size.`);
    if (size !== null) mount.tmpfsSize = size;
    if (typeof tmpfs.mode === 'number') mount.tmpfsMode = tmpfs.mode;
    return mount;
  }
  throw new FieldError(`volume type "${type}" is not supported (volume, bind, tmpfs).`);
}
