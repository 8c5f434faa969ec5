import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const script = path.resolve(import.meta.dirname, '../../../e2e/lab/fault.sh');

/** Crash, restart, cut or restore engine B through the lab's fault helper. */
export async function fault(action: 'b-crash' | 'b-restart' | 'b-cut' | 'b-restore'): Promise<void> {
  await run('bash', [script, action], { timeout: 60_000 });
}
