import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packBuildContext } from '../../src/main/services/images/build-context';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-unit-ctx-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function write(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await fs.writeFile(path.join(dir, name), text);
  }
}

/** Entry names of a tar stream (ustar: name at 0..100, size at 124..136 octal, 512-byte blocks). */
async function entries(stream: NodeJS.ReadableStream): Promise<Array<{ name: string; uid: number }>> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  const tar = Buffer.concat(chunks);
  const out: Array<{ name: string; uid: number }> = [];
  let off = 0;
  while (off + 512 <= tar.length) {
    const header = tar.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const field = (a: number, b: number) =>
      header.subarray(a, b).toString('utf8').replace(/\0.*$/s, '').trim();
    const prefix = field(345, 500);
    const name = field(0, 100);
    out.push({ name: prefix ? `${prefix}/${name}` : name, uid: parseInt(field(108, 116) || '0', 8) });
    const size = parseInt(field(124, 136) || '0', 8);
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

describe('build context', () => {
  it('honours .dockerignore with exceptions, always sends the Dockerfile, zeroes owners', async () => {
    await write({
      'build/app.Dockerfile': 'FROM x',
      'build/notes.txt': 'not sent: its folder is ignored',
      '.dockerignore': '# comment\nbuild\nsecret.env\nnode_modules\nlogs/*\n!logs/keep.log\n**/*.tmp\n',
      'app.txt': 'a',
      'secret.env': 's',
      'node_modules/m/index.js': 'm',
      'logs/keep.log': 'k',
      'logs/drop.log': 'd',
      'src/a.tmp': 't',
      'src/main.c': 'c',
    });
    const ctx = await packBuildContext(dir, 'build/app.Dockerfile');
    expect(ctx.dockerfile).toBe('build/app.Dockerfile');
    expect(ctx.ignorePatterns).toBe(6);
    const list = await entries(ctx.stream);
    const files = list
      .map((e) => e.name.replace(/\/$/, ''))
      .filter((n) => n && n !== '.')
      .sort();
    expect(files).toEqual(
      [
        '.dockerignore',
        'app.txt',
        'build',
        'build/app.Dockerfile',
        'logs',
        'logs/keep.log',
        'src',
        'src/main.c',
      ].sort(),
    );
    expect(list.every((e) => e.uid === 0)).toBe(true);
  });

  it('explains a missing folder, a missing Dockerfile, and one outside the context', async () => {
    await expect(packBuildContext(path.join(dir, 'nope'), 'Dockerfile')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/does not exist on the machine running Berthmaster/),
    });
    await expect(packBuildContext(dir, 'Dockerfile')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(packBuildContext(dir, '../Dockerfile')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
