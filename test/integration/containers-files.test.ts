import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { extract } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPLOAD_CHUNK_BYTES, type AppError } from '@shared/contract';
import { startContainersHarness, type ContainersHarness, type Engine } from './containers-harness';

let h: ContainersHarness;

beforeAll(async () => {
  h = await startContainersHarness();
});

afterAll(async () => {
  await h?.cleanup();
});

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a rejection');
}

function download(
  e: Engine,
  id: string,
  path: string,
  format: 'tar' | 'file',
): Promise<{ bytes: Buffer; events: number }> {
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = [];
    h.api.containers.filesDownload(
      { hostId: e.hostId, id, path, format },
      {
        onEvent: (ev) => parts.push(ev.bytes),
        onEnd: (err) => (err ? reject(err) : resolve({ bytes: Buffer.concat(parts), events: parts.length })),
      },
    );
  });
}

async function untar(bytes: Buffer): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const ex = extract();
  ex.on('entry', (header, body, next) => {
    const parts: Buffer[] = [];
    body.on('data', (c: unknown) => parts.push(c as Buffer));
    body.on('end', () => {
      out.set(header.name, Buffer.concat(parts));
      next();
    });
  });
  await new Promise<void>((resolve, reject) => {
    ex.on('finish', resolve);
    ex.on('error', reject);
    Readable.from([bytes]).pipe(ex as unknown as NodeJS.WritableStream);
  });
  return out;
}

/** Sends files the way the renderer does: start, ordered chunks of at most UPLOAD_CHUNK_BYTES, finish. */
async function upload(e: Engine, id: string, path: string, files: Array<{ name: string; data: Buffer }>) {
  const { uploadId } = await h.api.containers.filesUploadStart({
    hostId: e.hostId,
    id,
    path,
    files: files.map((f) => ({ name: f.name, size: f.data.length })),
  });
  const all = Buffer.concat(files.map((f) => f.data));
  for (let i = 0; i < all.length; i += UPLOAD_CHUNK_BYTES) {
    await h.api.containers.filesUploadChunk({ uploadId, bytes: all.subarray(i, i + UPLOAD_CHUNK_BYTES) });
  }
  await h.api.containers.filesUploadFinish({ uploadId });
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each([0, 1])('container files on engine %i', (index) => {
  const engine = () => h.engines[index] as Engine;

  it('browses, uploads and downloads through the archive API, without running anything in the container', async () => {
    const e = engine();
    const name = h.name('files');
    // Created, never started: no process, no shell needed.
    await h.cli(
      e,
      'create',
      '--name',
      name,
      '--label',
      'berthmaster.test=1',
      '--label',
      h.runLabel,
      h.lab.image,
    );
    const id = name;

    const root = await h.api.containers.filesList({ hostId: e.hostId, id, path: '/' });
    expect(root.path).toBe('/');
    expect(root.truncated).toBe(false);
    const names = root.entries.map((x) => x.name);
    expect(names).toEqual(expect.arrayContaining(['bin', 'etc', 'tmp']));
    expect(root.entries.find((x) => x.name === 'bin')?.type).toBe('directory');
    // Folders come first.
    expect(root.entries[0]?.type).toBe('directory');

    const etc = await h.api.containers.filesList({ hostId: e.hostId, id, path: '/etc/' });
    expect(etc.path).toBe('/etc');
    const passwd = etc.entries.find((x) => x.name === 'passwd');
    expect(passwd?.type).toBe('file');
    expect(passwd?.size).toBeGreaterThan(0);
    const bin = await h.api.containers.filesList({ hostId: e.hostId, id, path: '/bin' });
    expect(bin.entries.find((x) => x.name === 'sh')).toMatchObject({
      type: 'symlink',
      linkTarget: 'busybox',
    });

    const small = Buffer.from('hello from berthmaster\n');
    const big = randomBytes(UPLOAD_CHUNK_BYTES * 2 + 12_345);
    const empty = Buffer.alloc(0);
    await upload(e, id, '/tmp', [
      { name: 'hello.txt', data: small },
      { name: 'sub/big.bin', data: big },
      { name: 'empty', data: empty },
    ]);
    const tmp = await h.api.containers.filesList({ hostId: e.hostId, id, path: '/tmp' });
    expect(tmp.entries.map((x) => [x.name, x.type])).toEqual([
      ['sub', 'directory'],
      ['empty', 'file'],
      ['hello.txt', 'file'],
    ]);
    expect(tmp.entries.find((x) => x.name === 'hello.txt')?.size).toBe(small.length);
    // The docker CLI sees the same bytes.
    expect(await h.cli(e, 'cp', `${name}:/tmp/hello.txt`, '-')).toContain('hello from berthmaster');

    const file = await download(e, id, '/tmp/sub/big.bin', 'file');
    expect(sha(file.bytes)).toBe(sha(big));
    // Sent in batches, not as one message.
    expect(file.events).toBeGreaterThan(1);
    const hello = await download(e, id, '/tmp/hello.txt', 'file');
    expect(hello.bytes.toString()).toBe(small.toString());

    const tar = await untar((await download(e, id, '/tmp', 'tar')).bytes);
    expect(tar.get('tmp/hello.txt')?.toString()).toBe(small.toString());
    expect(sha(tar.get('tmp/sub/big.bin') as Buffer)).toBe(sha(big));
    expect(tar.get('tmp/empty')?.length).toBe(0);

    // A symlink downloads as the file it points to.
    const sh = await download(e, id, '/bin/sh', 'file');
    expect(sh.bytes.subarray(1, 4).toString()).toBe('ELF');
  }, 60_000);

  it('says clearly what cannot be browsed, downloaded or uploaded', async () => {
    const e = engine();
    const name = h.name('files-err');
    await h.cli(
      e,
      'create',
      '--name',
      name,
      '--label',
      'berthmaster.test=1',
      '--label',
      h.runLabel,
      h.lab.image,
    );
    const target = { hostId: e.hostId, id: name };

    const notDir = await rejection(h.api.containers.filesList({ ...target, path: '/etc/passwd' }));
    expect(notDir).toMatchObject({ code: 'INVALID_INPUT' });
    expect(notDir.message).toMatch(/is a file/);
    const missing = await rejection(h.api.containers.filesList({ ...target, path: '/no/such/dir' }));
    expect(missing.code).toBe('NOT_FOUND');
    const folder = await rejection(download(e, name, '/etc', 'file'));
    expect(folder.message).toMatch(/is a folder/);
    const intoFile = await rejection(
      h.api.containers.filesUploadStart({ ...target, path: '/etc/passwd', files: [{ name: 'x', size: 1 }] }),
    );
    expect(intoFile.message).toMatch(/not a folder/);
    const escape = await rejection(
      h.api.containers.filesUploadStart({ ...target, path: '/tmp', files: [{ name: '../etc/x', size: 1 }] }),
    );
    expect(escape.code).toBe('INVALID_INPUT');
    const dotdot = await rejection(h.api.containers.filesList({ ...target, path: '/tmp/../etc' }));
    expect(dotdot.code).toBe('INVALID_INPUT');

    // Too many bytes for what was announced, and an upload that never finishes its files.
    const { uploadId } = await h.api.containers.filesUploadStart({
      ...target,
      path: '/tmp',
      files: [{ name: 'two', size: 2 }],
    });
    const over = await rejection(h.api.containers.filesUploadChunk({ uploadId, bytes: Buffer.from('xyz') }));
    expect(over.message).toMatch(/More bytes/);
    const gone = await rejection(h.api.containers.filesUploadFinish({ uploadId }));
    expect(gone.code).toBe('NOT_FOUND');
    const short = await h.api.containers.filesUploadStart({
      ...target,
      path: '/tmp',
      files: [{ name: 'short', size: 10 }],
    });
    await h.api.containers.filesUploadChunk({ uploadId: short.uploadId, bytes: Buffer.from('abc') });
    const incomplete = await rejection(h.api.containers.filesUploadFinish({ uploadId: short.uploadId }));
    expect(incomplete.message).toMatch(/ended before/);
    const tmp = await h.api.containers.filesList({ ...target, path: '/tmp' });
    expect(tmp.entries.map((x) => x.name)).not.toContain('short');
  }, 60_000);
});
