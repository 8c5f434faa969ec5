import { PassThrough, Readable } from 'node:stream';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { listArchiveDirectory } from '../../src/main/services/archive/list-archive';

/** A tar shaped like the engine's archive of /volume: every entry under "volume/". */
async function tarOf(
  entries: Array<{ name: string; type?: 'file' | 'directory' | 'symlink'; body?: string; linkname?: string }>,
): Promise<Buffer> {
  const p = pack();
  const mtime = new Date('2024-05-06T07:08:09Z');
  for (const e of entries) {
    if (e.type === 'directory') p.entry({ name: e.name, type: 'directory', mtime });
    else if (e.type === 'symlink')
      p.entry({ name: e.name, type: 'symlink', linkname: e.linkname ?? '', mtime });
    else p.entry({ name: e.name, mtime }, e.body ?? '');
  }
  p.finalize();
  const chunks: Buffer[] = [];
  for await (const c of p as AsyncIterable<Buffer>) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

describe('listing an archive of one directory', () => {
  it('keeps only the first level, sizes folders by their files, discards data', async () => {
    const tar = await tarOf([
      { name: 'volume/', type: 'directory' },
      { name: 'volume/b.txt', body: 'hello' },
      { name: 'volume/sub/', type: 'directory' },
      { name: 'volume/sub/deep.bin', body: 'x'.repeat(1500) },
      { name: 'volume/sub/more/', type: 'directory' },
      { name: 'volume/sub/more/z', body: 'abc' },
      { name: 'volume/a-link', type: 'symlink', linkname: '/etc/passwd' },
      { name: 'volume/' + 'n'.repeat(150), body: '' },
    ]);
    const dir = await listArchiveDirectory(Readable.from([tar]));
    expect(dir.root).toMatchObject({ name: 'volume', type: 'directory' });
    expect(dir.truncated).toBe(false);
    expect(dir.entries.map((e) => [e.name, e.type, e.size])).toEqual([
      ['sub', 'directory', 1503],
      ['a-link', 'symlink', 0],
      ['b.txt', 'file', 5],
      ['n'.repeat(150), 'file', 0],
    ]);
    expect(dir.entries.find((e) => e.name === 'a-link')?.target).toBe('/etc/passwd');
    expect(dir.entries[0]?.mtime).toBe(Date.parse('2024-05-06T07:08:09Z'));
  });

  it('says when there were more entries than it keeps', async () => {
    const tar = await tarOf([
      { name: 'd/', type: 'directory' },
      ...Array.from({ length: 5 }, (_, i) => ({ name: `d/f${i}`, body: String(i) })),
    ]);
    const dir = await listArchiveDirectory(Readable.from([tar]), { maxEntries: 3 });
    expect(dir.entries).toHaveLength(3);
    expect(dir.truncated).toBe(true);
  });

  it('reports a single archived file as the root', async () => {
    const tar = await tarOf([{ name: 'f.txt', body: 'hi' }]);
    const dir = await listArchiveDirectory(Readable.from([tar]));
    expect(dir.root).toMatchObject({ name: 'f.txt', type: 'file', size: 2 });
    expect(dir.entries).toEqual([]);
  });

  it('fails when the source fails', async () => {
    const source = new PassThrough();
    const listing = listArchiveDirectory(source);
    source.destroy(new Error('connection reset'));
    await expect(listing).rejects.toThrow('connection reset');
  });
});
