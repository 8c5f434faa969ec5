import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs a command with only the given environment (plus PATH and HOME); resolves with its output. */
export async function runWith(
  file: string,
  args: string[],
  env: Record<string, string>,
  cwd?: string,
): Promise<{ stdout: string; stderr: string }> {
  return run(file, args, {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', ...env },
    timeout: 60_000,
    maxBuffer: 16 * 1024 * 1024,
    ...(cwd ? { cwd } : {}),
  });
}

/** The settings a copied container must share with the app's own (names and ids differ). */
export function containerShape(inspect: Record<string, unknown>) {
  const cfg = inspect.Config as Record<string, unknown>;
  const hc = inspect.HostConfig as Record<string, unknown>;
  return {
    image: cfg.Image,
    env: [...((cfg.Env as string[]) ?? [])].sort(),
    labels: cfg.Labels,
    cmd: cfg.Cmd,
    entrypoint: cfg.Entrypoint,
    workingDir: cfg.WorkingDir,
    tty: cfg.Tty,
    openStdin: cfg.OpenStdin,
    restart: hc.RestartPolicy,
    memory: hc.Memory,
    nanoCpus: hc.NanoCpus,
    portBindings: hc.PortBindings,
    mounts: ((inspect.Mounts as Array<Record<string, unknown>>) ?? []).map((m) => ({
      type: m.Type,
      destination: m.Destination,
      rw: m.RW,
    })),
  };
}
