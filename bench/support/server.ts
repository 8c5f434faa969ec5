import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { lab } from './bench-objects';
import os from 'node:os';
import path from 'node:path';
import { connectWs } from '../../test/integration/support/ws-client';

export const OUT_DIR = process.env.BERTHMASTER_OUT_DIR ?? 'out-bench';

export interface BenchServer {
  url: string;
  port: number;
  token: string;
  pid: number;
  /** When the process was spawned (Date.now()). */
  spawnedAt: number;
  stop(): Promise<void>;
}

/** Starts the built browser-mode server (`node out-bench/main/web.js --port 0`) with a fresh config. */
export async function startServer(extraArgs: string[] = []): Promise<BenchServer> {
  const configDir = mkdtempSync(path.join(os.tmpdir(), 'berthmaster-bench-'));
  const home = mkdtempSync(path.join(os.tmpdir(), 'berthmaster-bench-home-'));
  // The SSH host's key is trusted as a user's ~/.ssh/known_hosts would trust it.
  mkdirSync(path.join(home, '.ssh'));
  copyFileSync(lab.ssh.knownHosts, path.join(home, '.ssh', 'known_hosts'));
  const spawnedAt = Date.now();
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of each server, written when it stops.
  const prof = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [...prof, ...extraArgs, path.join(OUT_DIR, 'main/web.js'), '--port', '0'],
    {
      env: { PATH: process.env.PATH ?? '', HOME: home, BERTHMASTER_CONFIG_DIR: configDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web mode did not start in 20 s:\n${stderr}`)), 20_000);
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^Berthmaster web: (\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    });
    child.once('exit', (code) => reject(new Error(`web mode exited with ${code}:\n${stderr}`)));
  });
  const u = new URL(url);
  return {
    url,
    port: Number(u.port),
    token: u.searchParams.get('token') ?? '',
    pid: child.pid as number,
    spawnedAt,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(configDir, { recursive: true, force: true });
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export type BenchApi = Awaited<ReturnType<typeof connectWs>>['api'];

/** A WebSocket client of the server, and the id of its first-start host (the local engine). */
export async function connect(
  server: BenchServer,
): Promise<{ api: BenchApi; close(): void; localId: string }> {
  const { api, socket } = await connectWs(server.port, server.token);
  const hosts = await api.hosts.list({});
  const local = hosts.find((h) => h.name === 'local');
  if (!local)
    throw new Error(`no "local" host on first start (hosts: ${hosts.map((h) => h.name).join(', ')})`);
  return { api, close: () => socket.close(), localId: local.id };
}
