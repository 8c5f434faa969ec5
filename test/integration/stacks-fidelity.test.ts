import { execFile } from 'node:child_process';
import { promises as fs, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shortId } from '@shared/lib/short-id';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { settled, startStacksBackend, type Api } from './support/stacks-backend';
import { freeHostPorts } from './support/host-ports';

/**
 * The same compose file brought up by the app and by the real docker-compose 1.29 (one after the
 * other, on engine A): the containers' relevant inspect fields must match. Names, hashes and
 * versions differ by design and are left out; every other difference is recorded in
 * FIDELITY_REPORT (docs/stacks-fidelity.md explains each).
 */
const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'stacks-fidelity');
const FILES = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const REPORT = process.env.FIDELITY_REPORT ?? path.join(os.tmpdir(), 'stacks-fidelity.json');

const run = promisify(execFile);
let lab: Lab;
let backend: Awaited<ReturnType<typeof startStacksBackend>>;
let api: Api;
const tagged: string[] = [];
const report: Record<string, Record<string, Record<string, { app: unknown; cli: unknown }>>> = {};

/** Every image name the fixtures use, made from the lab's busybox when the engine lacks it. */
function imagesOf(text: string): string[] {
  return [...text.matchAll(/image:\s*(\S+)/g)].map((m) => m[1] as string);
}

beforeAll(async () => {
  lab = loadLab();
  backend = await startStacksBackend(lab);
  api = backend.api;
  const names = new Set<string>();
  for (const f of FILES)
    imagesOf(await fs.readFile(path.join(FIXTURES, f), 'utf8')).forEach((n) => names.add(n));
  for (const name of names) {
    const exists = await docker(lab.engineA.socketPath, 'image', 'inspect', name).then(
      () => true,
      () => false,
    );
    if (exists) continue;
    await docker(lab.engineA.socketPath, 'tag', lab.image, name);
    tagged.push(name);
  }
}, 120_000);

afterAll(async () => {
  await fs.writeFile(REPORT, JSON.stringify(report, null, 2));
  for (const name of tagged) await docker(lab.engineA.socketPath, 'rmi', name).catch(() => undefined);
  await backend?.stop();
});

interface Inspect {
  Name: string;
  Id: string;
  Config: Record<string, unknown> & { Labels: Record<string, string> };
  HostConfig: Record<string, unknown>;
  Mounts: Array<{ Type: string; Name?: string; Source: string; Destination: string; RW: boolean }>;
  NetworkSettings: { Networks: Record<string, { Aliases: string[] | null; IPAMConfig: unknown }> };
}

const NAME_LABELS =
  /^com\.docker\.compose\.(project|config-hash|version|project\.config_files|project\.environment_file|depends_on|image)$|^io\.berthmaster\./;

/** The fields the issue names, with project names taken out so two projects compare. */
function relevant(c: Inspect, project: string): Record<string, unknown> {
  const unproject = (s: string) => s.replace(`${project}_`, '<p>_').replace(`${project}-`, '<p>-');
  const name = c.Name.replace(/^\//, '');
  const sorted = <T>(xs: T[] | null | undefined) => [...(xs ?? [])].sort();
  return {
    image: c.Config.Image,
    cmd: c.Config.Cmd,
    entrypoint: c.Config.Entrypoint,
    env: sorted(c.Config.Env as string[]),
    ports: c.HostConfig.PortBindings,
    exposed: Object.keys((c.Config.ExposedPorts as object) ?? {}).sort(),
    mounts: c.Mounts.map((m) => ({
      type: m.Type,
      source: m.Type === 'volume' ? unproject(m.Name ?? '') : m.Source,
      target: m.Destination,
      rw: m.RW,
    })).sort((a, b) => a.target.localeCompare(b.target)),
    tmpfs: c.HostConfig.Tmpfs ?? null,
    networks: Object.fromEntries(
      Object.entries(c.NetworkSettings.Networks).map(([n, ep]) => [
        unproject(n),
        {
          // The engine adds the short id; compose v2 also the container name (v1 does not). Only
          // that exact id goes: a service named "db" is a prefix of 1 id in 256.
          aliases: sorted((ep.Aliases ?? []).filter((a) => a !== name && a !== shortId(c.Id))),
          ipam: ep.IPAMConfig ?? null,
        },
      ]),
    ),
    restart: c.HostConfig.RestartPolicy,
    labels: Object.fromEntries(
      Object.entries(c.Config.Labels)
        .filter(([k]) => !NAME_LABELS.test(k))
        .sort(),
    ),
    healthcheck: c.Config.Healthcheck ?? null,
    limits: {
      memory: c.HostConfig.Memory,
      nanoCpus: c.HostConfig.NanoCpus,
      reservation: c.HostConfig.MemoryReservation,
    },
    user: c.Config.User,
    workingDir: c.Config.WorkingDir,
    hostname: c.Config.Hostname === shortId(c.Id) ? '<id>' : c.Config.Hostname,
    domainname: c.Config.Domainname,
    capAdd: c.HostConfig.CapAdd ?? null,
    capDrop: c.HostConfig.CapDrop ?? null,
    privileged: c.HostConfig.Privileged,
    readOnly: c.HostConfig.ReadonlyRootfs,
    extraHosts: c.HostConfig.ExtraHosts ?? null,
    dns: c.HostConfig.Dns ?? null,
    dnsSearch: c.HostConfig.DnsSearch ?? null,
    init: c.HostConfig.Init ?? null,
    stopSignal: c.Config.StopSignal ?? null,
    stopTimeout: c.Config.StopTimeout ?? null,
    logConfig: c.HostConfig.LogConfig,
  };
}

/** Differences explained in docs/stacks-fidelity.md; everything else must match. */
const KNOWN = new Set<string>();

async function containersOf(project: string): Promise<Record<string, Inspect>> {
  const ids = await docker(
    lab.engineA.socketPath,
    'ps',
    '-aq',
    '--filter',
    `label=com.docker.compose.project=${project}`,
  );
  if (!ids) return {};
  const all = JSON.parse(await docker(lab.engineA.socketPath, 'inspect', ...ids.split('\n'))) as Inspect[];
  return Object.fromEntries(all.map((c) => [c.Config.Labels['com.docker.compose.service'] ?? '', c]));
}

async function removeProject(project: string) {
  const ids = await docker(
    lab.engineA.socketPath,
    'ps',
    '-aq',
    '--filter',
    `label=com.docker.compose.project=${project}`,
  );
  if (ids) await docker(lab.engineA.socketPath, 'rm', '-f', ...ids.split('\n'));
  for (const kind of ['network', 'volume'] as const) {
    const names = await docker(
      lab.engineA.socketPath,
      kind,
      'ls',
      '-q',
      '--filter',
      `label=com.docker.compose.project=${project}`,
    );
    if (names) await docker(lab.engineA.socketPath, kind, 'rm', ...names.split('\n')).catch(() => undefined);
  }
}

describe.each(FILES)('fidelity with docker-compose 1.29: %s', (file) => {
  it('the app and the CLI make the same containers', { timeout: 180_000 }, async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'stacks-fidelity-'));
    const text = await fs.readFile(path.join(FIXTURES, file), 'utf8');
    const [p1, p2] = freeHostPorts(2);
    const envText = `P1=${p1}\nP2=${p2}\nNET=${100 + Math.floor(Math.random() * 150)}\nPREFIX=${uniqueName('fid')}\n`;
    await fs.writeFile(path.join(dir, 'docker-compose.yml'), text);
    await fs.writeFile(path.join(dir, '.env'), envText);
    await fs.copyFile(path.join(FIXTURES, 'pg.env'), path.join(dir, 'pg.env'));
    // Long-syntax binds need their source (docker-compose 1.29 has no create_host_path).
    await fs.mkdir(path.join(dir, 'conf'));
    const cliProject = uniqueName('fidcli').replace(/-/g, '');
    const appProject = uniqueName('fidapp').replace(/-/g, '');
    try {
      await run('docker-compose', ['-p', cliProject, 'up', '-d'], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', DOCKER_HOST: `unix://${lab.engineA.socketPath}` },
        timeout: 150_000,
      });
      const cli = await containersOf(cliProject);
      await removeProject(cliProject);

      const task = await settled(
        api,
        (
          await api.stacks.up({
            hostId: backend.hosts.socket.id,
            project: appProject,
            composeYaml: text,
            envText,
            workingDir: dir,
          })
        ).taskId,
      );
      expect(task.state, JSON.stringify(task.error)).toBe('succeeded');
      const app = await containersOf(appProject);
      const ps = await run('docker-compose', ['-p', appProject, 'ps'], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', DOCKER_HOST: `unix://${lab.engineA.socketPath}` },
      });
      expect(Object.keys(app).sort()).toEqual(Object.keys(cli).sort());
      for (const c of Object.values(app)) expect(ps.stdout).toContain(c.Name.replace(/^\//, ''));

      const diffs: Record<string, Record<string, { app: unknown; cli: unknown }>> = {};
      const unexpected: string[] = [];
      for (const service of Object.keys(cli)) {
        const a = relevant(app[service]!, appProject);
        const c = relevant(cli[service]!, cliProject);
        for (const key of Object.keys(a)) {
          if (JSON.stringify(a[key]) === JSON.stringify(c[key])) continue;
          (diffs[service] ??= {})[key] = { app: a[key], cli: c[key] };
          if (!KNOWN.has(key))
            unexpected.push(`${service}.${key}: app ${JSON.stringify(a[key])} cli ${JSON.stringify(c[key])}`);
        }
      }
      report[file] = diffs;
      expect(unexpected).toEqual([]);
    } finally {
      await removeProject(cliProject);
      await removeProject(appProject);
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
