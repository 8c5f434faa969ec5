import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StackLogLine } from '@shared/contract';
import { docker, loadLab, uniqueName, type Lab } from './support/lab';
import { settled, startStacksBackend, type Api } from './support/stacks-backend';

let lab: Lab;
let backend: Awaited<ReturnType<typeof startStacksBackend>>;
let api: Api;
let sock: string;
const project = uniqueName('stklogf').toLowerCase();

beforeAll(async () => {
  lab = loadLab();
  sock = lab.engineA.socketPath;
  backend = await startStacksBackend(lab);
  api = backend.api;
});

afterAll(async () => {
  const ids = await docker(sock, 'ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`);
  if (ids) await docker(sock, 'rm', '-f', ...ids.split('\n'));
  await docker(sock, 'network', 'rm', `${project}_default`).catch(() => undefined);
  await backend?.stop();
});

/** Each start of a container prints its own id (the hostname) once. */
const file = (image: string, mode: string) => `services:
  app:
    image: ${image}
    command: ["sh", "-c", "echo boot $$(hostname) $$MODE; trap 'exit 0' TERM; while true; do sleep 1; done"]
    environment: {MODE: ${mode}}
    labels: {berthmaster.test: "1"}
`;

async function up(mode: string) {
  const { taskId } = await api.stacks.up({
    hostId: backend.hosts.socket.id,
    project,
    composeYaml: file(lab.image, mode),
  });
  const t = await settled(api, taskId);
  expect(t.state, JSON.stringify(t.error)).toBe('succeeded');
  return (await docker(sock, 'inspect', '-f', '{{.Id}}', `${project}-app-1`)).slice(0, 12);
}

describe('merged stack logs, followed', () => {
  it(
    'keep following a service container that restarts, and its replacement when it is recreated',
    { timeout: 120_000 },
    async () => {
      const first = await up('one');
      const lines: StackLogLine[] = [];
      const waiters: Array<() => void> = [];
      const sub = api.stacks.logs(
        { hostId: backend.hosts.socket.id, project, follow: true, tail: 100 },
        {
          onEvent: (ev) => {
            if (ev.type !== 'lines') return;
            lines.push(...ev.lines);
            waiters.splice(0).forEach((w) => w());
          },
          onEnd: () => undefined,
        },
      );
      const boots = () => lines.filter((l) => l.text.startsWith('boot ')).map((l) => l.text);
      const until = async (ok: () => boolean) => {
        while (!ok()) await new Promise<void>((r) => waiters.push(r));
      };
      try {
        await until(() => boots().length === 1);
        expect(boots()).toEqual([`boot ${first} one`]);

        // A restart ends the engine's log stream of that container; the view picks it up again.
        await docker(sock, 'restart', '-t', '1', `${project}-app-1`);
        await until(() => boots().length === 2);
        expect(boots()).toEqual([`boot ${first} one`, `boot ${first} one`]);

        // A recreate is a new container under the same name: its lines arrive, tagged by service.
        const second = await up('two');
        expect(second).not.toBe(first);
        await until(() => boots().length === 3);
        expect(boots()[2]).toBe(`boot ${second} two`);
        const last = lines.find((l) => l.text === `boot ${second} two`);
        expect(last?.service).toBe('app');
        expect(last?.container).toBe(`${project}-app-1`);
      } finally {
        sub.close();
      }
    },
  );
});
