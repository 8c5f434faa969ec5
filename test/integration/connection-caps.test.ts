import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppError } from '@shared/contract';
import { createBackend, type Backend } from '../../src/main/app/backend';
import { startWebServer, type WebServer } from '../../src/main/web/web-server';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { connectWs } from './support/ws-client';

let lab: Lab;
let backend: Backend;
let server: WebServer;
let configDir: string;
let ws: Awaited<ReturnType<typeof connectWs>>;
let hostId = '';
const name = uniqueName('caps');
const quiet = { info: () => undefined, error: () => undefined };

beforeAll(async () => {
  lab = loadLab();
  await docker(
    lab.engineA.socketPath,
    'run',
    '-d',
    '--label',
    'berthmaster.test=1',
    '--name',
    name,
    lab.image,
    'sleep',
    '600',
  );
  configDir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-it-'));
  backend = await createBackend({ configDir, env: {}, homeDir: '/nonexistent-home', log: quiet });
  server = await startWebServer({
    dispatcher: backend.dispatcher,
    rendererDir: configDir,
    port: 0,
    log: quiet,
  });
  ws = await connectWs(server.port, server.token);
  hostId = (await ws.api.hosts.list({}))[0]?.id as string;
}, 60_000);

afterAll(async () => {
  ws?.socket.close();
  await server?.close();
  backend?.dispose();
  await docker(lab.engineA.socketPath, 'rm', '-f', name).catch(() => undefined);
  await fs.rm(configDir, { recursive: true, force: true });
});

/** Opens logs.follow and resolves once it is open (first event) or refused (its end). */
function follow(api: typeof ws.api) {
  return new Promise<{ close(): void } | AppError>((resolve) => {
    const sub = api.logs.follow(
      { hostId, id: name, tail: 1 },
      {
        onEvent: () => resolve(sub),
        onEnd: (error) => resolve(error ?? (new Error('ended') as AppError)),
      },
    );
  });
}

describe('per-window limits', () => {
  it('refuses streams beyond the setting with a clear error; another window is not affected', async () => {
    await ws.api.settings.update({ maxStreamsPerWindow: 10 });
    const open: Array<{ close(): void }> = [];
    for (let i = 0; i < 10; i++) {
      const s = await follow(ws.api);
      expect(s).not.toBeInstanceOf(Error);
      open.push(s as { close(): void });
    }
    const refused = (await follow(ws.api)) as AppError;
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/10 streams open.*Streams per window/);
    const other = await connectWs(server.port, server.token);
    const elsewhere = await follow(other.api);
    expect(elsewhere).not.toBeInstanceOf(Error);
    other.socket.close();
    // Closing one makes room again.
    open.pop()?.close();
    await vi.waitFor(async () => {
      const again = await follow(ws.api);
      expect(again).not.toBeInstanceOf(Error);
      open.push(again as { close(): void });
    });
    for (const s of open) s.close();
    await ws.api.settings.update({ maxStreamsPerWindow: 100 });
  }, 60_000);

  it('refuses an upload announcing more than the upload limit before staging anything', async () => {
    const before = (await fs.readdir(os.tmpdir())).filter((f) => f.startsWith('berthmaster-upload-')).length;
    const huge = ws.api.containers.filesUploadStart({
      hostId,
      id: name,
      path: '/tmp',
      files: [{ name: 'big.bin', size: 2 ** 40 }],
    });
    const err = await huge.then(
      () => undefined,
      (e: AppError) => e,
    );
    expect(err?.code).toBe('INVALID_INPUT');
    expect(err?.message).toMatch(/1\.0 TiB.*at most 4\.0 GiB.*Upload limit/);
    const after = (await fs.readdir(os.tmpdir())).filter((f) => f.startsWith('berthmaster-upload-')).length;
    expect(after).toBeLessThanOrEqual(before);
    // Within the limit, and with the limit lowered, the same rule holds.
    const small = await ws.api.containers.filesUploadStart({
      hostId,
      id: name,
      path: '/tmp',
      files: [{ name: 'a.txt', size: 3 }],
    });
    await ws.api.settings.update({ maxUploadMiB: 1 });
    const second = await ws.api.containers
      .filesUploadStart({ hostId, id: name, path: '/tmp', files: [{ name: 'b.bin', size: 1024 * 1024 }] })
      .then(
        () => undefined,
        (e: AppError) => e,
      );
    expect(second?.message).toMatch(/with the 3 bytes of uploads in progress/);
    await ws.api.containers.filesUploadAbort({ uploadId: small.uploadId });
    await ws.api.settings.update({ maxUploadMiB: 4096 });
  }, 60_000);
});
