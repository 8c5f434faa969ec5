import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint } from '@shared/contract';
import { createBackend, type Backend } from '../../src/main/app/backend';
import { MIGRATION_MARKER } from '../../src/main/legacy/migrate-config';
import { prepareStartupConfig } from '../../src/main/startup-config';
import { listHelperContainers } from '../../src/main/services/volumes/volume-helper';
import { startWebServer, type WebServer } from '../../src/main/web/web-server';
import { waitConnected } from './support/resources-backend';
import { docker, loadLab, read, uniqueName, type Lab } from './support/lab';
import { connectWs } from './support/ws-client';

/**
 * A configuration written under the old product name (Dockhand) is migrated on first start and
 * everything in it keeps working: hosts of every kind connect, sealed secrets open, the
 * registry login still logs in, settings, audit log and accepted SSH host keys are all there.
 * The config is written by this code base's own stores, whose formats the rename did not touch.
 */
const quiet = { info: () => undefined, error: () => undefined };
let lab: Lab;
let tmp: string;

interface Running {
  backend: Backend;
  server: WebServer;
  client: Awaited<ReturnType<typeof connectWs>>;
  stop(): Promise<void>;
}

async function run(configDir: string): Promise<Running> {
  const backend = await createBackend({ configDir, env: {}, homeDir: '/nonexistent-home', log: quiet });
  const rendererDir = path.join(tmp, 'renderer');
  await fs.mkdir(rendererDir, { recursive: true });
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html>');
  const server = await startWebServer({ dispatcher: backend.dispatcher, rendererDir, port: 0, log: quiet });
  const client = await connectWs(server.port, server.token);
  return {
    backend,
    server,
    client,
    stop: async () => {
      client.socket.close();
      await server.close();
      backend.dispose();
    },
  };
}

beforeAll(async () => {
  lab = loadLab();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-rename-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('first start after the rename', () => {
  it('migrates a Dockhand config folder once, and every host in it connects afterwards', async () => {
    const xdg = path.join(tmp, 'xdg');
    const legacyDir = path.join(xdg, 'Dockhand');
    const endpoints: Record<string, Endpoint> = {
      'old-socket': { kind: 'socket', socketPath: lab.engineA.socketPath, localEngine: true },
      'old-tls': {
        kind: 'tls',
        host: lab.engineB.tlsHost,
        port: lab.engineB.tlsPort,
        ca: read(lab.tls.ca),
        cert: read(lab.tls.cert),
        key: read(lab.tls.key),
      },
      'old-ssh': {
        kind: 'ssh',
        host: lab.ssh.host,
        port: lab.ssh.port,
        user: lab.ssh.user,
        privateKey: read(lab.ssh.ed25519Key),
        useAgent: false,
      },
    };

    // 1. The old app's folder: hosts with sealed keys, an accepted host key, a registry login,
    //    a setting and audit entries.
    const old = await run(legacyDir);
    for (const line of read(lab.ssh.knownHosts).split('\n')) {
      const [, keyType, key] = line.trim().split(/\s+/);
      if (keyType && key)
        await old.client.api.hosts.trustHostKey({ host: lab.ssh.host, port: lab.ssh.port, keyType, key });
    }
    // The socket is confirmed as this computer's engine, so the registry login may be used on it.
    const local = (await old.client.api.hosts.list({}))[0];
    if (local?.endpoint.kind === 'socket') {
      await old.client.api.hosts.update({ id: local.id, endpoint: { ...local.endpoint, localEngine: true } });
    }
    const ids: Record<string, string> = {};
    for (const [name, endpoint] of Object.entries(endpoints)) {
      const host = await old.client.api.hosts.add({ name, color: '#2563eb', endpoint });
      ids[name] = host.id;
      await waitConnected(old.client.api, host.id);
    }
    const login = await old.client.api.registries.add({
      address: lab.registry.address,
      username: lab.registry.username,
      secret: lab.registry.password,
    });
    await old.client.api.settings.update({ theme: 'dark', fontSize: 15 });
    const auditBefore = await old.client.api.audit.list({ limit: 100 });
    expect(auditBefore.length).toBeGreaterThan(0);
    await old.backend.audit.flush();
    await old.stop();
    const hostsFile = await fs.readFile(path.join(legacyDir, 'hosts.json'), 'utf8');
    expect(hostsFile).not.toContain(lab.registry.password);

    // 2. First start of Berthmaster with the old environment variables still set.
    const notes: string[] = [];
    const env: NodeJS.ProcessEnv = { XDG_CONFIG_HOME: xdg, DOCKHAND_ALLOW_BASIC_TEXT_SECRETS: '1' };
    const startup = prepareStartupConfig((m) => notes.push(m), env);
    expect(startup.configDir).toBe(path.join(xdg, 'Berthmaster'));
    expect(env.BERTHMASTER_ALLOW_BASIC_TEXT_SECRETS).toBe('1');
    expect(notes.join('\n')).toMatch(/Migrated the Dockhand configuration from .*Dockhand to .*Berthmaster/);
    expect(notes.join('\n')).toContain(
      'DOCKHAND_ALLOW_BASIC_TEXT_SECRETS is read as BERTHMASTER_ALLOW_BASIC_TEXT_SECRETS',
    );
    const marker = JSON.parse(await fs.readFile(path.join(startup.configDir, MIGRATION_MARKER), 'utf8'));
    expect(marker).toMatchObject({ from: legacyDir, keychainSealed: false });
    // Nothing is left half-copied beside it, and the old folder is untouched.
    expect((await fs.readdir(xdg)).sort()).toEqual(['Berthmaster', 'Dockhand']);
    expect(await fs.readFile(path.join(legacyDir, 'hosts.json'), 'utf8')).toBe(hostsFile);

    // 3. Everything works from the new folder.
    const fresh = await run(startup.configDir);
    try {
      const hosts = await fresh.client.api.hosts.list({});
      expect(hosts.map((h) => h.name).sort()).toEqual(['local', 'old-socket', 'old-ssh', 'old-tls']);
      for (const id of Object.values(ids)) await waitConnected(fresh.client.api, id);
      const registries = await fresh.client.api.registries.list({});
      expect(registries.map((r) => r.id)).toEqual([login.id]);
      // The sealed password opens: the engine logs in to the registry with it.
      const result = await fresh.client.api.registries.testLogin({
        hostId: ids['old-socket'] as string,
        id: login.id,
      });
      expect(result.status).toMatch(/Login Succeeded/i);
      const settings = await fresh.client.api.settings.get({});
      expect(settings.settings).toMatchObject({ theme: 'dark', fontSize: 15 });
      expect(settings.dataDir).toBe(startup.configDir);
      const auditAfter = await fresh.client.api.audit.list({ limit: 1000 });
      for (const e of auditBefore) expect(auditAfter).toContainEqual(e);
    } finally {
      await fresh.stop();
    }

    // 4. Once only: a second start neither copies again nor notes anything.
    const again: string[] = [];
    prepareStartupConfig((m) => again.push(m), { XDG_CONFIG_HOME: xdg });
    expect(again).toEqual([]);
  });

  it('recognises volume helpers labelled by the app under its old name', async () => {
    const name = uniqueName('legacy-helper');
    await docker(
      lab.engineA.socketPath,
      'create',
      '--name',
      name,
      '--label',
      'dockhand.helper=volume-browse',
      '--label',
      'berthmaster.test=1',
      lab.image,
    );
    try {
      const engine = new Docker({ socketPath: lab.engineA.socketPath });
      const found = await listHelperContainers(engine, AbortSignal.timeout(10_000));
      expect(found.map((c) => c.Names[0])).toContain(`/${name}`);
    } finally {
      await docker(lab.engineA.socketPath, 'rm', '-f', name);
    }
  });
});
