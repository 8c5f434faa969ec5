import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Browser mode that can be restarted as a user would (stop the process, start it again) on the
 * same port and config dir: the page keeps its origin, so its localStorage, and the hosts stay.
 */
export interface RestartableWebApp {
  /** The URL with this run's token (a new one after each restart). */
  url: string;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function launch(
  configDir: string,
  home: string,
  port: number,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [path.join(process.env.BERTHMASTER_OUT_DIR ?? 'out', 'main/web.js'), '--port', String(port)],
    {
      env: { PATH: process.env.PATH ?? '', HOME: home, BERTHMASTER_CONFIG_DIR: configDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web mode did not start in 20 s:\n${stderr}`)), 20_000);
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^Berthmaster web: (\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] as string });
      }
    });
    child.once('exit', (code) => reject(new Error(`web mode exited with ${code}:\n${stderr}`)));
  });
}

async function end(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

export async function startRestartableWebApp(): Promise<RestartableWebApp> {
  const configDir = mkdtempSync(path.join(os.tmpdir(), 'berthmaster-e2e-'));
  const home = mkdtempSync(path.join(os.tmpdir(), 'berthmaster-home-'));
  let current = await launch(configDir, home, 0);
  const port = Number(new URL(current.url).port);
  const app: RestartableWebApp = {
    url: current.url,
    async restart() {
      await end(current.child);
      current = await launch(configDir, home, port);
      app.url = current.url;
    },
    async stop() {
      await end(current.child);
      rmSync(configDir, { recursive: true, force: true });
      rmSync(home, { recursive: true, force: true });
    },
  };
  return app;
}
