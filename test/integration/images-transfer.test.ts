import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '@shared/contract';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { startImagesBackend, waitForTask, type ImagesBackend } from './support/images-backend';

let lab: Lab;
let be: ImagesBackend;
let bId: string;
let dir: string;
const name = uniqueName('berthmaster-test-xfer');
const image = `${name}:1`;
const made: Array<[string, string]> = [];
const containers: string[] = [];

/** Builds a small unique image with the docker CLI (arrangement, not the feature under test). */
async function cliBuild(tag: string, run: string, label = 'berthmaster.test=1') {
  const ctx = await fs.mkdtemp(path.join(dir, 'ctx-'));
  await fs.writeFile(path.join(ctx, 'Dockerfile'), `FROM ${lab.image}\nRUN ${run}\n`);
  await promisify(execFile)(
    'docker',
    ['-H', `unix://${lab.engineA.socketPath}`, 'build', '-q', '--label', label, '-t', tag, ctx],
    { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', DOCKER_BUILDKIT: '0' } },
  );
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  lab = loadLab();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-xfer-'));
  be = await startImagesBackend();
  bId = await be.addEngineB(lab);
  await cliBuild(image, 'echo copied > /copied.txt');
  made.push([lab.engineA.socketPath, image]);
});

afterAll(async () => {
  for (const c of containers) await docker(lab.engineA.socketPath, 'rm', '-f', c).catch(() => undefined);
  for (const [sock, ref] of made) await docker(sock, 'rmi', '-f', ref).catch(() => undefined);
  await be?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('copy between engines', () => {
  it('streams an image from engine A (socket) into engine B (TLS), and it runs there', async () => {
    made.push([lab.engineB.socketPath, image]);
    const fractions: number[] = [];
    const { taskId } = await be.api.images.copy({
      hostId: be.localId,
      targetHostId: bId,
      references: [image],
    });
    const task = await waitForTask(be.api, taskId, (t) => {
      if (t.progress.fraction !== null) fractions.push(t.progress.fraction);
    });
    expect(task.state, JSON.stringify(task.error)).toBe('succeeded');
    expect(task.targetHostId).toBe(bId);
    expect(task.progress.bytes).toBeGreaterThan(1_000_000);
    expect(task.result?.summary).toContain(image);
    expect(fractions.at(-1)).toBe(1);
    expect(await docker(lab.engineB.socketPath, 'run', '--rm', image, 'cat', '/copied.txt')).toBe('copied');
  });

  it('refuses copying onto the same host and names a missing image', async () => {
    const same = await rejection(
      be.api.images.copy({ hostId: be.localId, targetHostId: be.localId, references: [image] }),
    );
    expect(same.code).toBe('INVALID_INPUT');
    const missing = await waitForTask(
      be.api,
      (await be.api.images.copy({ hostId: be.localId, targetHostId: bId, references: [`${name}:absent`] }))
        .taskId,
    );
    expect(missing.error).toMatchObject({
      code: 'NOT_FOUND',
      message: `There is no image ${name}:absent on the source engine.`,
    });
  });
});

describe('save and load', () => {
  it('saves to a tar file with progress, loads it back after removal', async () => {
    const file = path.join(dir, 'saved.tar');
    const saved = await waitForTask(
      be.api,
      (await be.api.images.save({ hostId: be.localId, references: [image], path: file })).taskId,
    );
    expect(saved.state, JSON.stringify(saved.error)).toBe('succeeded');
    const size = (await fs.stat(file)).size;
    expect(saved.progress.bytes).toBe(size);
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.part'))).toEqual([]);

    const again = await waitForTask(
      be.api,
      (await be.api.images.save({ hostId: be.localId, references: [image], path: file })).taskId,
    );
    expect(again.error?.code).toBe('CONFLICT');

    await be.api.images.remove({ hostId: be.localId, id: image, force: false });
    expect(await docker(lab.engineA.socketPath, 'images', '-q', image)).toBe('');
    const loaded = await waitForTask(
      be.api,
      (await be.api.images.load({ hostId: be.localId, path: file })).taskId,
    );
    expect(loaded.state, JSON.stringify(loaded.error)).toBe('succeeded');
    expect(loaded.progress).toMatchObject({ fraction: 1, bytes: size, totalBytes: size });
    expect(loaded.result?.summary).toBe(`Loaded ${image}`);
    expect(await docker(lab.engineA.socketPath, 'run', '--rm', image, 'cat', '/copied.txt')).toBe('copied');
  });

  it('a file that is not an image tarball fails with the engine’s reason', async () => {
    const file = path.join(dir, 'junk.tar');
    await fs.writeFile(file, 'not a tar file at all');
    const task = await waitForTask(
      be.api,
      (await be.api.images.load({ hostId: be.localId, path: file })).taskId,
    );
    expect(task.state).toBe('failed');
    expect(task.error?.message).toMatch(/^The engine could not load the images: /);
  });
});

describe('list, details, tag, untag, remove, prune', () => {
  it('lists several tags on one image, its size, and the containers that use it', async () => {
    const second = `${name}-alias:2`;
    await be.api.images.tag({ hostId: be.localId, id: image, target: second });
    made.push([lab.engineA.socketPath, second]);
    const cname = uniqueName('it-img-user');
    await docker(
      lab.engineA.socketPath,
      'create',
      '--name',
      cname,
      '--label',
      'berthmaster.test=1',
      image,
      'true',
    );
    containers.push(cname);

    const list = await be.api.images.list({ hostId: be.localId });
    const row = list.find((i) => i.repoTags.includes(image));
    expect(row?.repoTags.sort()).toEqual([image, second].sort());
    expect(row).toMatchObject({ containers: 1, dangling: false });
    expect(row?.size).toBeGreaterThan(1_000_000);

    const details = await be.api.images.inspect({ hostId: be.localId, id: image });
    expect(details.containers.map((c) => c.name)).toEqual([cname]);
    // Newest first: the --label step, then the RUN, then the base image's layers.
    expect(details.history.map((h) => h.createdBy).slice(0, 2)).toEqual([
      'LABEL berthmaster.test=1',
      'RUN echo copied > /copied.txt',
    ]);
    expect(details.history.some((h) => h.size > 1_000_000)).toBe(true);
    expect((details.inspect as { Id: string }).Id).toBe(row?.id);

    // In use and tagged twice: removal needs force; untag only drops the name.
    const conflict = await rejection(
      be.api.images.remove({ hostId: be.localId, id: row?.id ?? '', force: false }),
    );
    expect(conflict.code).toBe('CONFLICT');
    const untagged = await be.api.images.untag({ hostId: be.localId, reference: second });
    expect(untagged).toEqual({ untagged: [second], deleted: [] });
  });

  it('prunes dangling images within a label filter and reports the space reclaimed', async () => {
    const label = `berthmaster.test.prune=${name}`;
    const tag = `${name}-prune:1`;
    made.push([lab.engineA.socketPath, tag]);
    await cliBuild(tag, 'dd if=/dev/zero of=/fill bs=1024 count=512', label);
    // Rebuilding onto the same tag leaves the first image dangling.
    await cliBuild(tag, 'dd if=/dev/zero of=/fill bs=1024 count=256', label);
    const dangling = (await be.api.images.list({ hostId: be.localId })).filter(
      (i) => i.dangling && i.labels['berthmaster.test.prune'] === name,
    );
    expect(dangling).toHaveLength(1);
    const res = await be.api.images.prune({ hostId: be.localId, scope: 'dangling', labels: [label] });
    expect(res.deleted).toBeGreaterThanOrEqual(1);
    expect(res.spaceReclaimed).toBeGreaterThan(500_000);
    const after = (await be.api.images.list({ hostId: be.localId })).filter(
      (i) => i.labels['berthmaster.test.prune'] === name,
    );
    expect(after.map((i) => i.repoTags)).toEqual([[tag]]);
  });
});
