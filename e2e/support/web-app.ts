import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface WebApp {
  url: string;
  origin: string;
  token: string;
  configDir: string;
  stop(): Promise<void>;
}

/** Starts `node out/main/web.js --port 0` as a user would and waits for its one line. */
export async function startWebApp(env: Record<string, string> = {}): Promise<WebApp> {
  const configDir = mkdtempSync(path.join(os.tmpdir(), 'berthmaster-e2e-'));
  const home = mkdtempSync(path.join(os.tmpdir(), 'berthmaster-home-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(process.env.BERTHMASTER_OUT_DIR ?? 'out', 'main/web.js'), '--port', '0'],
    {
      env: { PATH: process.env.PATH ?? '', HOME: home, BERTHMASTER_CONFIG_DIR: configDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
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
    origin: u.origin,
    token: u.searchParams.get('token') ?? '',
    configDir,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(configDir, { recursive: true, force: true });
      rmSync(home, { recursive: true, force: true });
    },
  };
}
