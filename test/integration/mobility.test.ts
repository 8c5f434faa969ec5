import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TaskView } from '@shared/contract';
import { httpGet } from './support/http-get';
import { runQuietWeb } from './support/quiet-web';
import { docker, loadLab, read, uniqueName, type Lab } from './support/lab';
import { rejection, startResourcesRig, type ResourcesRig } from './support/resources-backend';
import { taskOutput, waitForTask } from './support/images-backend';
import { freeHostPort } from './support/host-ports';

/**
 * Moving work between the lab's engines: volume copy (with checksums of every file), cancel,
 * backup/restore, move and clone of a container with a volume and a published port, and port
 * forwards to an unpublished port over a socket host, TLS and SSH, following a restart.
 */
let lab: Lab;
let rig: ResourcesRig;
let tmp: string;
let A: { hostId: string; socketPath: string };
let B: { hostId: string; socketPath: string };
let sshB: string;
const made: Array<{ socket: string; kind: 'volume' | 'container'; name: string }> = [];

const api = () => rig.api;

async function volumeOn(socket: string, name: string) {
  made.push({ socket, kind: 'volume', name });
  await docker(socket, 'volume', 'create', '--label', 'berthmaster.test=1', name);
}

/** Every file's checksum in a volume, sorted by path: two equal lists mean an exact copy. */
async function checksums(socket: string, volume: string): Promise<string> {
  return docker(
    socket,
    'run',
    '--rm',
    '-v',
    `${volume}:/v:ro`,
    lab.image,
    'sh',
    '-c',
    'cd /v && find . -type f | sort | while read f; do echo "$(md5sum < "$f") $f $(stat -c %a "$f")"; done',
  );
}

beforeAll(async () => {
  lab = loadLab();
  rig = await startResourcesRig(lab);
  [A, B] = rig.engines as unknown as [typeof A, typeof B];
  for (const line of read(lab.ssh.knownHosts).split('\n')) {
    const [, keyType, key] = line.trim().split(/\s+/);
    if (keyType && key)
      await rig.api.hosts.trustHostKey({ host: lab.ssh.host, port: lab.ssh.port, keyType, key });
  }
  sshB = await rig.addHost('mob-b-ssh', {
    kind: 'ssh',
    host: lab.ssh.host,
    port: lab.ssh.port,
    user: lab.ssh.user,
    privateKey: read(lab.ssh.ed25519Key),
    useAgent: false,
  });
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-mob-'));
}, 60_000);

afterAll(async () => {
  // Containers first: a volume still used by one cannot be removed.
  for (const m of made.filter((x) => x.kind === 'container')) {
    await docker(m.socket, 'rm', '-f', m.name).catch(() => undefined);
  }
  for (const m of made.filter((x) => x.kind === 'volume')) {
    await docker(m.socket, 'volume', 'rm', '-f', m.name).catch(() => undefined);
  }
  await fs.rm(tmp, { recursive: true, force: true });
  await rig?.close();
});

describe('volume copy between hosts', () => {
  const big = uniqueName('mob-vol');
  it('copies 200 MB of random files from A to B (TLS), identical file by file', async () => {
    await volumeOn(A.socketPath, big);
    await docker(
      A.socketPath,
      'run',
      '--rm',
      '-v',
      `${big}:/d`,
      lab.image,
      'sh',
      '-c',
      'mkdir -p /d/sub && for i in $(seq 1 19); do head -c 10485760 /dev/urandom > /d/f$i; done; head -c 10485760 /dev/urandom > /d/sub/deep; echo hi > /d/small; chmod 640 /d/small',
    );
    const pre = await rig.api.mobility.volumeCopyPreflight({
      hostId: A.hostId,
      name: big,
      targetHostId: B.hostId,
      targetName: big,
    });
    expect(pre.targetNameTaken).toBe(false);
    expect(pre.size).toBeGreaterThan(200 * 1024 * 1024);
    made.push({ socket: B.socketPath, kind: 'volume', name: big });
    const { taskId } = await rig.api.mobility.volumeCopy({
      hostId: A.hostId,
      name: big,
      targetHostId: B.hostId,
      targetName: big,
    });
    const fractions: number[] = [];
    const done = await waitForTask(api(), taskId, (t) => {
      if (t.progress.fraction !== null) fractions.push(t.progress.fraction);
    });
    expect(done.error).toBeUndefined();
    expect(done.state).toBe('succeeded');
    expect(fractions.some((f) => f > 0 && f < 1)).toBe(true);
    const [a, b] = await Promise.all([checksums(A.socketPath, big), checksums(B.socketPath, big)]);
    expect(a.split('\n')).toHaveLength(21);
    expect(b).toBe(a);
    // No helper containers left on either side.
    for (const s of [A.socketPath, B.socketPath]) {
      expect(await docker(s, 'ps', '-aq', '--filter', 'label=berthmaster.helper')).toBe('');
    }
  }, 240_000);

  it('refuses a name already taken on the target, naming it', async () => {
    const e = await rejection(
      (async () => {
        const { taskId } = await rig.api.mobility.volumeCopy({
          hostId: A.hostId,
          name: big,
          targetHostId: B.hostId,
          targetName: big,
        });
        const t = await waitForTask(api(), taskId);
        if (t.error) throw t.error;
      })(),
    );
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain(`already has a volume named ${big}`);
  });

  it('cancelled halfway leaves no volume on the target', async () => {
    const name = uniqueName('mob-cancel');
    made.push({ socket: B.socketPath, kind: 'volume', name });
    const { taskId } = await rig.api.mobility.volumeCopy({
      hostId: A.hostId,
      name: big,
      targetHostId: B.hostId,
      targetName: name,
    });
    let cancelled = false;
    const done = await waitForTask(api(), taskId, (t: TaskView) => {
      if (!cancelled && (t.progress.bytes ?? 0) > 20 * 1024 * 1024) {
        cancelled = true;
        void rig.api.tasks.cancel({ taskId });
      }
    });
    expect(cancelled).toBe(true);
    expect(done.state).toBe('cancelled');
    await vi.waitFor(async () =>
      expect(await docker(B.socketPath, 'volume', 'ls', '-q', '--filter', `name=^${name}$`)).toBe(''),
    );
    expect((await taskOutput(api(), taskId)).join('\n')).toContain(`The partial volume ${name} was removed`);
  }, 120_000);

  it('backs a volume up to a tar file and restores it into a new volume on another host', async () => {
    const name = uniqueName('mob-bak');
    await volumeOn(A.socketPath, name);
    await docker(
      A.socketPath,
      'run',
      '--rm',
      '-v',
      `${name}:/d`,
      lab.image,
      'sh',
      '-c',
      'echo one > /d/a; mkdir /d/b; echo two > /d/b/c',
    );
    const file = path.join(tmp, `${name}.tar`);
    const backup = await waitForTask(
      api(),
      (await rig.api.mobility.volumeBackup({ hostId: A.hostId, name, file })).taskId,
    );
    expect(backup.state).toBe('succeeded');
    expect((await fs.stat(file)).size).toBeGreaterThan(0);
    const again = await waitForTask(
      api(),
      (await rig.api.mobility.volumeBackup({ hostId: A.hostId, name, file })).taskId,
    );
    expect(again.error?.code).toBe('CONFLICT');
    const restored = uniqueName('mob-restored');
    made.push({ socket: B.socketPath, kind: 'volume', name: restored });
    const r = await waitForTask(
      api(),
      (await rig.api.mobility.volumeRestore({ hostId: B.hostId, name: restored, file })).taskId,
    );
    expect(r.state).toBe('succeeded');
    expect(await checksums(B.socketPath, restored)).toBe(await checksums(A.socketPath, name));
  }, 60_000);
});

describe('move and clone a container', () => {
  async function webContainer(name: string, volume: string, port: number) {
    await volumeOn(A.socketPath, volume);
    await docker(
      A.socketPath,
      'run',
      '--rm',
      '-v',
      `${volume}:/www`,
      lab.image,
      'sh',
      '-c',
      `echo "served from ${volume}" > /www/index.html`,
    );
    made.push({ socket: A.socketPath, kind: 'container', name });
    await docker(
      A.socketPath,
      'run',
      '-d',
      '--name',
      name,
      '--label',
      'berthmaster.test=1',
      '-v',
      `${volume}:/www`,
      '-p',
      `${port}:80`,
      '--restart',
      'unless-stopped',
      lab.image,
      'httpd',
      '-f',
      '-p',
      '80',
      '-h',
      '/www',
    );
  }

  it('moves a container with a named volume and a published port from A to B, where it answers', async () => {
    const name = uniqueName('mob-move');
    const volume = `${name}-data`;
    const port = freeHostPort();
    await webContainer(name, volume, port);
    made.push(
      { socket: B.socketPath, kind: 'container', name },
      { socket: B.socketPath, kind: 'volume', name: volume },
    );
    const pre = await rig.api.mobility.containerPreflight({
      hostId: A.hostId,
      container: name,
      targetHostId: B.hostId,
    });
    expect(pre.problems.filter((p) => p.blocking)).toEqual([]);
    expect(pre.volumes.map((v) => v.name)).toEqual([volume]);
    const t = await waitForTask(
      api(),
      (
        await rig.api.mobility.containerTransfer({
          hostId: A.hostId,
          container: name,
          targetHostId: B.hostId,
          mode: 'move',
          removeSource: true,
        })
      ).taskId,
    );
    expect(t.error).toBeUndefined();
    expect(t.state).toBe('succeeded');
    expect(await httpGet(`http://${lab.engineB.tlsHost}:${port}/index.html`)).toBe(`served from ${volume}\n`);
    expect(await docker(B.socketPath, 'inspect', '-f', '{{.HostConfig.RestartPolicy.Name}}', name)).toBe(
      'unless-stopped',
    );
    expect(await docker(A.socketPath, 'ps', '-aq', '--filter', `name=^${name}$`)).toBe('');
    // The volume stays on the source: a move never deletes data.
    expect(await docker(A.socketPath, 'volume', 'ls', '-q', '--filter', `name=^${volume}$`)).toBe(volume);
    const same = await rejection(
      rig.api.mobility.containerPreflight({ hostId: B.hostId, container: name, targetHostId: B.hostId }),
    );
    expect(same.code).toBe('INVALID_INPUT');
  }, 120_000);

  it('clones a container and keeps the source running; reports every clash before anything happens', async () => {
    const name = uniqueName('mob-clone');
    const volume = `${name}-data`;
    await webContainer(name, volume, freeHostPort());
    made.push(
      { socket: B.socketPath, kind: 'container', name },
      { socket: B.socketPath, kind: 'volume', name: volume },
    );
    const t = await waitForTask(
      api(),
      (
        await rig.api.mobility.containerTransfer({
          hostId: A.hostId,
          container: name,
          targetHostId: B.hostId,
          mode: 'clone',
        })
      ).taskId,
    );
    expect(t.error).toBeUndefined();
    expect(await docker(A.socketPath, 'inspect', '-f', '{{.State.Running}}', name)).toBe('true');
    expect(await docker(B.socketPath, 'inspect', '-f', '{{.State.Running}}', name)).toBe('true');
    const pre = await rig.api.mobility.containerPreflight({
      hostId: A.hostId,
      container: name,
      targetHostId: B.hostId,
    });
    const fields = pre.problems.filter((p) => p.blocking).map((p) => p.field);
    expect(fields).toContain('name');
    expect(fields).toContain('mounts./www');
    expect(fields.some((f) => f.startsWith('ports.'))).toBe(true);
    const failed = await waitForTask(
      api(),
      (
        await rig.api.mobility.containerTransfer({
          hostId: A.hostId,
          container: name,
          targetHostId: B.hostId,
          mode: 'clone',
        })
      ).taskId,
    );
    expect(failed.error?.code).toBe('CONFLICT');
    expect(failed.error?.message).toContain(`already has a container named ${name}`);
  }, 120_000);
});

describe('port forwarding to a container that publishes nothing', () => {
  async function quietWeb(socket: string): Promise<string> {
    const name = uniqueName('mob-fwd');
    made.push({ socket, kind: 'container', name });
    await runQuietWeb(socket, lab.image, name);
    return name;
  }

  for (const kind of ['socket', 'tls', 'ssh'] as const) {
    it(`forwards 127.0.0.1 to port 8080 over a ${kind} host, and follows a restart`, async () => {
      const host = kind === 'socket' ? A : B;
      const hostId = kind === 'ssh' ? sshB : host.hostId;
      const name = await quietWeb(host.socketPath);
      const fwd = await rig.api.mobility.forwardOpen({
        hostId,
        container: name,
        port: 8080,
        relayImage: lab.image,
      });
      expect(fwd.via).toBe(kind === 'ssh' ? 'ssh' : 'exec');
      const first = await httpGet(`http://127.0.0.1:${fwd.localPort}/index.html`);
      expect(first).toMatch(/^run \d+/);
      await docker(host.socketPath, 'restart', '-t', '1', name);
      const second = await vi.waitFor(
        async () => {
          const body = await httpGet(`http://127.0.0.1:${fwd.localPort}/index.html`);
          if (body === first) throw new Error('still the old run');
          return body;
        },
        { timeout: 20_000, interval: 300 },
      );
      expect(second).toMatch(/^run \d+/);
      const listed = await new Promise<import('@shared/contract').ForwardView[]>((resolve) => {
        const sub = rig.api.mobility.forwards({}, { onEvent: (l) => (sub.close(), resolve(l)) });
      });
      const mine = listed.find((f) => f.id === fwd.id);
      expect(mine?.connections).toBeGreaterThanOrEqual(2);
      expect(mine?.bytesIn).toBeGreaterThan(0);
      await rig.api.mobility.forwardClose({ id: fwd.id });
      await expect(httpGet(`http://127.0.0.1:${fwd.localPort}/index.html`)).rejects.toThrow();
      expect(
        await docker(host.socketPath, 'ps', '-aq', '--filter', 'label=berthmaster.helper=port-forward'),
      ).toBe('');
    }, 90_000);
  }

  it('a forward ends when its host becomes read-only', async () => {
    const name = await quietWeb(A.socketPath);
    const fwd = await rig.api.mobility.forwardOpen({
      hostId: A.hostId,
      container: name,
      port: 8080,
      relayImage: lab.image,
    });
    await rig.api.hosts.update({ id: A.hostId, policy: 'read-only' });
    try {
      await vi.waitFor(() =>
        expect(httpGet(`http://127.0.0.1:${fwd.localPort}/index.html`)).rejects.toThrow(),
      );
    } finally {
      await rig.api.hosts.update({ id: A.hostId, policy: 'full' });
    }
  });

  it('refuses a local port that is already bound, naming it', async () => {
    const busy = net.createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const port = (busy.address() as net.AddressInfo).port;
    try {
      const name = await quietWeb(A.socketPath);
      const e = await rejection(
        rig.api.mobility.forwardOpen({
          hostId: A.hostId,
          container: name,
          port: 8080,
          localPort: port,
          relayImage: lab.image,
        }),
      );
      expect(e.code).toBe('CONFLICT');
      expect(e.message).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      busy.close();
    }
  });
});
