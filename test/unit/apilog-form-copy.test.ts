import { describe, expect, it } from 'vitest';
import { copyAs, curlCommand } from '@shared/apilog/copy-as';
import type { EngineTarget } from '@shared/apilog/engine-request';
import {
  buildFormCopy,
  execFormCopy,
  networkFormCopy,
  pullFormCopy,
  runFormCopy,
  volumeFormCopy,
  type FormCopy,
} from '@shared/apilog/form-copy';
import { AUTO_SHELL } from '@shared/apilog/form-requests';

/** A command as one line: the generators wrap long ones with backslash continuations. */
const flat = (s: string | undefined) => (s ?? '').replace(/ \\\n\s*/g, ' ');

const socket: EngineTarget = { kind: 'socket', socketPath: '/var/run/docker.sock', apiVersion: '1.41' };
const tls: EngineTarget = { kind: 'tls', host: '10.0.0.2', port: 2376, apiVersion: '1.43' };

/** Every snippet of every request of a form, for both kinds of host. */
function allTexts(copy: FormCopy): string[] {
  const out = [copy.dockerCli ?? ''];
  for (const t of [socket, tls])
    for (const r of copy.requests) for (const f of copyAs(r, t)) out.push(f.text ?? '');
  return out;
}

describe('copy as, before sending a form', () => {
  it('run: create then start by name; the CLI is docker run -d', () => {
    const copy = runFormCopy(
      {
        image: 'busybox',
        name: 'web',
        env: ['DB_PASSWORD=hunter2'],
        ports: [],
        mounts: [],
        restartPolicy: { name: 'no' },
        labels: {},
        tty: false,
        interactive: false,
        autoRemove: false,
      },
      true,
    );
    expect(copy.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /containers/create',
      'POST /containers/web/start',
    ]);
    expect(flat(copy.dockerCli)).toMatch(/^docker run -d --name web -e DB_PASSWORD busybox$/);
    for (const text of allTexts(copy)) expect(text).not.toContain('hunter2');
  });

  it('pull: fromImage and tag; with a login, docker login reads the password from the environment', () => {
    const plain = pullFormCopy('busybox', false);
    expect(plain.requests[0]?.query).toEqual([
      ['fromImage', 'busybox'],
      ['tag', 'latest'],
    ]);
    expect(plain.dockerCli).toBe('docker pull busybox:latest');
    const withLogin = pullFormCopy('127.0.0.1:5000/team/app:1.2', true);
    expect(withLogin.dockerCli).toContain('--password-stdin 127.0.0.1:5000');
    expect(curlCommand(withLogin.requests[0]!, tls)).toContain('X-Registry-Auth: $(printf');
    expect(flat(curlCommand(withLogin.requests[0]!, tls))).toContain(
      'https://10.0.0.2:2376/v1.43/images/create?fromImage=127.0.0.1%3A5000%2Fteam%2Fapp&tag=1.2',
    );
  });

  it('create network: the body the service sends; the CLI flags for each field', () => {
    const copy = networkFormCopy({
      hostId: 'h',
      name: 'backend',
      driver: 'bridge',
      internal: true,
      ipam: [{ subnet: '10.200.0.0/24', gateway: '10.200.0.1' }],
      labels: { team: 'a' },
      options: { 'com.docker.network.bridge.name': 'br-x' },
    });
    expect(copy.requests[0]?.body).toMatchObject({
      Name: 'backend',
      Driver: 'bridge',
      Internal: true,
      IPAM: { Config: [{ Subnet: '10.200.0.0/24', Gateway: '10.200.0.1' }] },
    });
    expect(flat(copy.dockerCli)).toBe(
      'docker network create --driver bridge --internal --subnet 10.200.0.0/24 --gateway 10.200.0.1 --opt com.docker.network.bridge.name=br-x --label team=a backend',
    );
    expect(curlCommand(copy.requests[0]!, socket)).toContain('http://localhost/v1.41/networks/create');
  });

  it('create volume: a name or none (the engine picks one)', () => {
    const named = volumeFormCopy({ name: 'data', driver: 'local', labels: { a: 'b' } });
    expect(named.requests[0]?.body).toEqual({
      Name: 'data',
      Driver: 'local',
      DriverOpts: {},
      Labels: { a: 'b' },
    });
    expect(named.dockerCli).toBe('docker volume create --driver local --label a=b data');
    const anonymous = volumeFormCopy({ name: '', driver: 'local' });
    expect(anonymous.requests[0]?.body).not.toHaveProperty('Name');
    expect(anonymous.dockerCli).toBe('docker volume create --driver local');
  });

  it('exec: the create (a terminal starts it); docker exec -it with the secret env by name', () => {
    const copy = execFormCopy({
      container: 'web',
      cmd: AUTO_SHELL,
      tty: true,
      user: 'root',
      env: ['API_TOKEN=s3cr3t', 'MODE=x'],
    });
    expect(copy.requests[0]?.path).toBe('/containers/web/exec');
    expect(copy.requests[0]?.body).toMatchObject({
      Tty: true,
      AttachStdin: true,
      Cmd: AUTO_SHELL,
      User: 'root',
    });
    expect(flat(copy.dockerCli)).toMatch(
      /^docker exec -i -t -u root -e API_TOKEN -e MODE=x web \/bin\/sh -c /,
    );
    for (const text of allTexts(copy)) expect(text).not.toContain('s3cr3t');
  });

  it('build: the app query; the context folder as a tar stream; secret build args from the environment', () => {
    const copy = buildFormCopy({
      contextPath: '/src/app',
      tags: ['app:1', 'app:latest'],
      dockerfile: 'docker/Dockerfile',
      buildArgs: { VERSION: '1.2', NPM_TOKEN: 'tok-abc' },
      target: 'prod',
      noCache: true,
    });
    const [req] = copy.requests;
    expect(req?.query).toEqual([
      ['t', 'app:1'],
      ['t', 'app:latest'],
      ['dockerfile', 'docker/Dockerfile'],
      ['buildargs', '{"VERSION":"1.2","NPM_TOKEN":"<redacted>"}'],
      ['target', 'prod'],
      ['nocache', '1'],
      ['rm', '1'],
      ['forcerm', '1'],
    ]);
    expect(flat(copy.dockerCli)).toBe(
      'docker build -t app:1 -t app:latest -f /src/app/docker/Dockerfile --build-arg VERSION=1.2 --build-arg NPM_TOKEN --target prod --no-cache /src/app',
    );
    for (const t of [socket, tls]) {
      const curl = flat(curlCommand(req!, t));
      expect(curl).toMatch(/^(.*\n)*tar -C \/src\/app -cf - \. \| curl /);
      expect(curl).toContain("-H 'Content-Type: application/x-tar' --data-binary @-");
      expect(curl).toContain(`--url-query buildargs='{"VERSION":"1.2","NPM_TOKEN":"'"$NPM_TOKEN"'"}'`);
      expect(curl).not.toContain('buildargs=%7B');
    }
    const forms = copyAs(req!, socket);
    expect(forms[0]?.secretEnv).toEqual(['NPM_TOKEN']);
    expect(forms.find((f) => f.format === 'python')?.text).toContain(
      'json.dumps({"VERSION": "1.2", "NPM_TOKEN": os.environ["NPM_TOKEN"]})',
    );
    expect(forms.find((f) => f.format === 'node')?.text).toContain(`"t": ["app:1", "app:latest"]`);
    expect(forms.find((f) => f.format === 'go')?.text).toContain('mustJSON(map[string]any{');
    for (const text of allTexts(copy)) expect(text).not.toContain('tok-abc');
  });
});
