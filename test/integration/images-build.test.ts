import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, loadLab, type Lab } from './support/lab';
import { startImagesBackend, taskOutput, waitForTask, type ImagesBackend } from './support/images-backend';

let lab: Lab;
let be: ImagesBackend;
let dir: string;
const tag = (suffix: string) => `berthmaster-test-build-${process.pid}:${suffix}`;
const made: string[] = [];
/** Untagged layer images a build leaves as cache (e.g. of a failed build): ids from its output. */
const layerIds = new Set<string>();
const labels = { 'berthmaster.test': '1' };

async function write(root: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await fs.writeFile(path.join(root, name), text);
  }
}

beforeAll(async () => {
  lab = loadLab();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-build-'));
  be = await startImagesBackend();
});

async function outputOf(taskId: string): Promise<string[]> {
  const lines = await taskOutput(be.api, taskId);
  for (const l of lines) {
    const m = /^ ---> ([a-f0-9]{12})$/.exec(l);
    if (m?.[1]) layerIds.add(m[1]);
  }
  return lines;
}

afterAll(async () => {
  for (const r of made) await docker(lab.engineA.socketPath, 'rmi', '-f', r).catch(() => undefined);
  // Only untagged ones: the FROM image (tagged, shared by every test) is never touched.
  for (const id of layerIds) {
    const tags = await docker(
      lab.engineA.socketPath,
      'image',
      'inspect',
      '-f',
      '{{len .RepoTags}}',
      id,
    ).catch(() => '');
    if (tags === '0') await docker(lab.engineA.socketPath, 'rmi', id).catch(() => undefined);
  }
  await be?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('build', () => {
  it('streams a context that honours .dockerignore, step by step, and the image runs', async () => {
    const ctx = path.join(dir, 'good');
    await write(ctx, {
      Dockerfile: `FROM ${lab.image}\nCOPY . /ctx\nRUN echo built > /built.txt\nCMD ["cat", "/built.txt"]\n`,
      '.dockerignore': 'secret.env\nnode_modules\nlogs/*\n!logs/keep.log\n# a comment\n',
      'app.txt': 'app',
      'secret.env': 'PASSWORD=x',
      'node_modules/big/index.js': 'x'.repeat(1000),
      'logs/keep.log': 'keep',
      'logs/drop.log': 'drop',
    });
    made.push(tag('good'));
    const { taskId } = await be.api.images.build({
      hostId: be.localId,
      contextPath: ctx,
      tags: [tag('good')],
      labels,
    });
    const steps = new Set<number>();
    const task = await waitForTask(be.api, taskId, (t) => t.step && steps.add(t.step.index));
    expect(task.state, JSON.stringify(task.error)).toBe('succeeded');
    // The engine adds a LABEL step for the labels given with the build.
    expect(task.step).toMatchObject({ index: 5, total: 5 });
    expect(task.result?.imageId).toMatch(/^sha256:/);
    const output = await outputOf(taskId);
    expect(output).toEqual(expect.arrayContaining(['Step 1/5 : FROM berthmaster-test/busybox:latest']));
    expect(output.some((l) => /^Successfully tagged berthmaster-test-build-/.test(l))).toBe(true);

    const sh = (cmd: string) => docker(lab.engineA.socketPath, 'run', '--rm', tag('good'), 'sh', '-c', cmd);
    expect(await docker(lab.engineA.socketPath, 'run', '--rm', tag('good'))).toBe('built');
    expect((await sh('ls -a /ctx')).split(/\s+/).sort()).toEqual(
      ['.', '..', '.dockerignore', 'Dockerfile', 'app.txt', 'logs'].sort(),
    );
    expect(await sh('ls /ctx/logs')).toBe('keep.log');
    const inspect = await docker(
      lab.engineA.socketPath,
      'inspect',
      '-f',
      '{{json .Config.Labels}}',
      tag('good'),
    );
    expect(JSON.parse(inspect)).toMatchObject(labels);
  });

  it('a failing RUN names its step, the instruction and the error, with the output', async () => {
    const ctx = path.join(dir, 'bad');
    await write(ctx, {
      'build/Failing.dockerfile': `FROM ${lab.image}\nRUN echo about-to-fail\nRUN echo boom >&2; exit 3\nRUN echo never\n`,
    });
    const { taskId } = await be.api.images.build({
      hostId: be.localId,
      contextPath: ctx,
      dockerfile: 'build/Failing.dockerfile',
      tags: [tag('bad')],
      labels,
      noCache: true,
    });
    const task = await waitForTask(be.api, taskId);
    expect(task.state).toBe('failed');
    expect(task.error?.code).toBe('ENGINE_ERROR');
    expect(task.error?.data).toMatchObject({ step: 3, steps: 5 });
    expect(task.error?.message).toBe(
      "Step 3/5 failed (RUN echo boom >&2; exit 3): The command '/bin/sh -c echo boom >&2; exit 3' returned a non-zero code: 3",
    );
    const output = await outputOf(taskId);
    expect(output).toEqual(expect.arrayContaining(['boom', 'about-to-fail']));
    expect(output.at(-1)).toMatch(/^ERROR: The command/);
  });

  it('passes build args and stops at the target stage', async () => {
    const ctx = path.join(dir, 'stages');
    await write(ctx, {
      Dockerfile: `FROM ${lab.image} AS base\nARG GREETING=hi\nRUN echo $GREETING > /g\nFROM base AS broken\nRUN false\n`,
    });
    made.push(tag('stage'));
    const { taskId } = await be.api.images.build({
      hostId: be.localId,
      contextPath: ctx,
      tags: [tag('stage')],
      buildArgs: { GREETING: 'hello from args' },
      target: 'base',
      noCache: true,
      labels,
    });
    const task = await waitForTask(be.api, taskId);
    expect(task.state, JSON.stringify(task.error)).toBe('succeeded');
    expect(await docker(lab.engineA.socketPath, 'run', '--rm', tag('stage'), 'cat', '/g')).toBe(
      'hello from args',
    );
  });

  it('explains a missing context folder or Dockerfile', async () => {
    const missing = await waitForTask(
      be.api,
      (await be.api.images.build({ hostId: be.localId, contextPath: path.join(dir, 'nope') })).taskId,
    );
    expect(missing.error).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/does not exist on the machine running Berthmaster/),
    });
    await fs.mkdir(path.join(dir, 'empty'), { recursive: true });
    const noFile = await waitForTask(
      be.api,
      (await be.api.images.build({ hostId: be.localId, contextPath: path.join(dir, 'empty') })).taskId,
    );
    expect(noFile.error?.message).toMatch(/There is no Dockerfile at Dockerfile/);
  });

  it('cancels a running build', async () => {
    const ctx = path.join(dir, 'slow');
    await write(ctx, { Dockerfile: `FROM ${lab.image}\nRUN sleep 60\n` });
    const { taskId } = await be.api.images.build({
      hostId: be.localId,
      contextPath: ctx,
      labels,
      noCache: true,
    });
    let cancelled = false;
    const task = await waitForTask(be.api, taskId, (t) => {
      if (!cancelled && t.step?.instruction === 'RUN sleep 60') {
        cancelled = true;
        void be.api.tasks.cancel({ taskId });
      }
    });
    expect(task.state).toBe('cancelled');
    expect((task.endedAt ?? 0) - task.startedAt).toBeLessThan(30_000);
  });

  it('streams a 200 MB context with bounded memory', async () => {
    const ctx = path.join(dir, 'big');
    await write(ctx, { Dockerfile: `FROM ${lab.image}\nLABEL big=context\n` });
    const size = 200 * 1024 * 1024;
    const handle = await fs.open(path.join(ctx, 'blob.bin'), 'w');
    const chunk = Buffer.alloc(1024 * 1024, 7);
    for (let i = 0; i < 200; i++) await handle.write(chunk);
    await handle.close();
    made.push(tag('big'));
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const { taskId } = await be.api.images.build({
      hostId: be.localId,
      contextPath: ctx,
      tags: [tag('big')],
      labels,
    });
    let sentBytes = 0;
    const task = await waitForTask(be.api, taskId, (t) => {
      sentBytes = Math.max(sentBytes, t.progress.bytes ?? 0);
    });
    clearInterval(timer);
    expect(task.state, JSON.stringify(task.error)).toBe('succeeded');
    expect(sentBytes).toBeGreaterThan(size);
    const growth = peak - before;
    console.log(
      `200 MB context: RSS ${Math.round(before / 2 ** 20)} → peak ${Math.round(peak / 2 ** 20)} MiB (+${Math.round(growth / 2 ** 20)} MiB)`,
    );
    expect(growth).toBeLessThan(size / 4);
  }, 120_000);
});
