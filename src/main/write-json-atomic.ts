import { promises as fs } from 'node:fs';

/**
 * Writes `value` as JSON, readable by the owner only, to a temp file in `dir`, fsyncs it and
 * renames it over `file`: a crash leaves either the old file or the new one, never half of one.
 */
export async function writeJsonAtomic(dir: string, file: string, value: unknown): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const handle = await fs.open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, file);
}
