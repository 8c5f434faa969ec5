import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';

/** What e2e/lab/up.sh wrote: every endpoint and credential of the test lab. */
export interface Lab {
  engineA: { socketPath: string };
  engineB: { socketPath: string; netns: string; tlsHost: string; tlsPort: number; mismatchHost: string };
  tls: { ca: string; cert: string; key: string; wrongCaPort: number; expiredPort: number };
  blackhole: { host: string; port: number };
  ssh: {
    host: string;
    port: number;
    user: string;
    ed25519Key: string;
    rsaKey: string;
    rsaPassphrase: string;
    knownHosts: string;
    hostKeyFingerprint: string;
  };
  registry: { address: string; username: string; password: string };
  image: string;
}

export const LAB_FILE = process.env.BERTHMASTER_LAB_FILE ?? '/var/lib/berthmaster-lab/lab.json';

export function loadLab(): Lab {
  try {
    return JSON.parse(readFileSync(LAB_FILE, 'utf8')) as Lab;
  } catch (e) {
    throw new Error(`The test lab is not up (${LAB_FILE}: ${(e as Error).message}). Run: npm run lab:up`, {
      cause: e,
    });
  }
}

export const read = (file: string) => readFileSync(file, 'utf8');

const run = promisify(execFile);

/** The docker CLI against one of the lab's engines, for arranging and checking state. */
export async function docker(socketPath: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('docker', ['-H', `unix://${socketPath}`, ...args], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    timeout: 30_000,
  });
  return stdout.trim();
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}
