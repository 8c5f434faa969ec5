import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StackLogLine } from '@shared/contract';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { settled, startStacksBackend, type Api } from './support/stacks-backend';

let lab: Lab;
let backend: Awaited<ReturnType<typeof startStacksBackend>>;
let api: Api;
const project = uniqueName('stklog').toLowerCase();

beforeAll(async () => {
  lab = loadLab();
  backend = await startStacksBackend(lab);
  api = backend.api;
});

afterAll(async () => {
  const sock = lab.engineA.socketPath;
  const ids = await docker(sock, 'ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`);
  if (ids) await docker(sock, 'rm', '-f', ...ids.split('\n'));
  await docker(sock, 'network', 'rm', `${project}_default`).catch(() => undefined);
  await backend?.stop();
});

describe('merged stack logs', () => {
  it(
    'every service in one stream, each line tagged with service and container',
    { timeout: 60_000 },
    async () => {
      const hostId = backend.hosts.socket.id;
      const yaml = `services:
  api:
    image: ${lab.image}
    command: ["sh", "-c", "echo api-one; echo api-err >&2; sleep 3600"]
    deploy: {replicas: 2}
  worker:
    image: ${lab.image}
    command: ["sh", "-c", "echo worker-one; sleep 3600"]
`;
      const t = await settled(api, (await api.stacks.up({ hostId, project, composeYaml: yaml })).taskId);
      expect(t.state, JSON.stringify(t.error)).toBe('succeeded');
      // The commands echo as they start; wait until each container has written its lines.
      for (const [name, text] of [
        [`${project}-api-1`, 'api-err'],
        [`${project}-api-2`, 'api-err'],
        [`${project}-worker-1`, 'worker-one'],
      ] as const) {
        const { execFile } = await import('node:child_process');
        for (;;) {
          const out = await new Promise<string>((resolve) =>
            execFile('docker', ['-H', `unix://${lab.engineA.socketPath}`, 'logs', name], (_e, so, se) =>
              resolve(`${so}${se}`),
            ),
          );
          if (out.includes(text)) break;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
      const lines = await new Promise<StackLogLine[]>((resolve, reject) => {
        const got: StackLogLine[] = [];
        api.stacks.logs(
          { hostId, project, follow: false, tail: 100 },
          {
            onEvent: (ev) => {
              if (ev.type === 'lines') got.push(...ev.lines);
            },
            onEnd: (err) => (err ? reject(err) : resolve(got)),
          },
        );
      });
      const seen = lines.map((l) => `${l.container} ${l.stream} ${l.text}`).sort();
      expect(seen).toEqual([
        `${project}-api-1 stderr api-err`,
        `${project}-api-1 stdout api-one`,
        `${project}-api-2 stderr api-err`,
        `${project}-api-2 stdout api-one`,
        `${project}-worker-1 stdout worker-one`,
      ]);
      expect(new Set(lines.map((l) => l.service))).toEqual(new Set(['api', 'worker']));
      expect(lines.every((l) => !Number.isNaN(Date.parse(l.time)))).toBe(true);
    },
  );
});
