import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyAs, curlCommand, dockerCliCommand, dockerRunCommand } from '@shared/apilog/copy-as';
import {
  completeEndpoints,
  describedVersion,
  findEndpoint,
  validateAgainstIndex,
} from '@shared/apilog/endpoint-index';
import type { EngineTarget } from '@shared/apilog/engine-request';
import { containerCreateRequest, pullRequest } from '@shared/apilog/form-requests';
import { REDACTED, redactHeaders, redactJson, redactQuery, redactText } from '@shared/apilog/redact';
import {
  accessOfRequest,
  checkEnginePath,
  isHijacking,
  isStreamingRequest,
} from '@shared/apilog/request-access';
import { accessOf } from '@shared/policy/method-access';
import { ApiLogBook } from '../../src/main/engine/request-log/api-log-book';
import { BodyCapture, CAPTURE_LIMIT, SHOW_LIMIT } from '../../src/main/engine/request-log/body-capture';

/** A command as one line: the generators wrap long ones with backslash continuations. */
const flat = (s: string | undefined) => (s ?? '').replace(/ \\\n\s*/g, ' ');

const socket: EngineTarget = { kind: 'socket', socketPath: '/var/run/docker.sock', apiVersion: '1.41' };
const tls: EngineTarget = { kind: 'tls', host: '10.0.0.2', port: 2376, apiVersion: '1.43' };
const ssh: EngineTarget = { kind: 'ssh', host: 'box', user: 'ops', port: 2222, apiVersion: '1.41' };

describe('redaction', () => {
  it('removes auth headers whole', () => {
    const h = redactHeaders({
      'X-Registry-Auth': 'eyJwYXNzd29yZCI6InMifQ',
      'Content-Type': 'application/json',
      'x-registry-config': 'e30',
    });
    expect(h).toEqual({
      'X-Registry-Auth': REDACTED,
      'Content-Type': 'application/json',
      'x-registry-config': REDACTED,
    });
  });

  it('removes passwords, tokens, secret/config data and secret-named env values at any depth', () => {
    expect(redactJson({ username: 'u', password: 'p', serveraddress: 'r' }, '/auth')).toEqual({
      username: 'u',
      password: REDACTED,
      serveraddress: 'r',
    });
    expect(redactJson({ Name: 's', Data: 'c2VjcmV0' }, '/v1.41/secrets/create')).toEqual({
      Name: 's',
      Data: REDACTED,
    });
    expect(redactJson({ Name: 'c', Data: 'Y29uZmln' }, '/configs/abc/update')).toEqual({
      Name: 'c',
      Data: REDACTED,
    });
    expect(redactJson({ JoinTokens: { Worker: 'SWMTKN-1', Manager: 'SWMTKN-2' } }, '/swarm')).toEqual({
      JoinTokens: REDACTED,
    });
    const svc = redactJson(
      { TaskTemplate: { ContainerSpec: { Env: ['DB_PASSWORD=x', 'MODE=prod', 'API_KEY=k'] } } },
      '/services/create',
    );
    expect(svc).toEqual({
      TaskTemplate: {
        ContainerSpec: { Env: [`DB_PASSWORD=${REDACTED}`, 'MODE=prod', `API_KEY=${REDACTED}`] },
      },
    });
    expect(redactJson({ Config: { Env: ['GITHUB_TOKEN=t', 'PATH=/bin'] } }, '/containers/x/json')).toEqual({
      Config: { Env: [`GITHUB_TOKEN=${REDACTED}`, 'PATH=/bin'] },
    });
  });

  it('redacts query values: build args, env, JSON fields, credential names', () => {
    expect(
      redactQuery([
        ['buildargs', '{"NPM_TOKEN":"t","VERSION":"1"}'],
        ['Env', 'SECRET=s'],
        ['Env', 'A=b'],
        ['HostConfig', '{"password":"x"}'],
      ]),
    ).toEqual([
      ['buildargs', `{"NPM_TOKEN":"${REDACTED}","VERSION":"1"}`],
      ['Env', `SECRET=${REDACTED}`],
      ['Env', 'A=b'],
      ['HostConfig', `{"password":"${REDACTED}"}`],
    ]);
  });

  it('redacts JSON lines one by one and hides a line it cannot parse', () => {
    const text = '{"status":"ok"}\n{"password":"p"}\n{"cut';
    expect(redactText(text, '/images/create')).toBe(
      `{"status":"ok"}\n{"password":"${REDACTED}"}\n<unparsed JSON line hidden>`,
    );
    expect(redactText('plain log output', '/containers/x/logs')).toBe('plain log output');
  });
});

describe('body capture', () => {
  it('summarises binary bodies and truncates long text', () => {
    const bin = new BodyCapture('binary', 'application/x-tar');
    bin.add(Buffer.alloc(5000));
    expect(bin.render('/build', true)).toMatchObject({
      kind: 'binary',
      bytes: 5000,
      text: '5,000 bytes of application/x-tar',
    });
    const text = new BodyCapture('text', 'text/plain');
    text.add('x'.repeat(SHOW_LIMIT + 10));
    const view = text.render('/containers/x/logs', true);
    expect(view.truncated).toBe(true);
    expect(view.text.length).toBe(SHOW_LIMIT);
  });

  it('says a JSON document kept only in part is too large; JSON lines kept in part are shown, redacted', () => {
    const doc = new BodyCapture('json', 'application/json');
    const half = Buffer.from(`[${'{"Id":"abc"},'.repeat(CAPTURE_LIMIT / 8)}`);
    doc.add(half);
    doc.add(Buffer.from('{"Id":"end"}]\n'));
    expect(doc.render('/containers/json', true)).toMatchObject({
      kind: 'json',
      truncated: true,
      text: `${doc.bytes.toLocaleString('en')} bytes of JSON (too large to show)`,
    });
    const lines = new BodyCapture('json', 'application/json');
    lines.add(Buffer.from('{"status":"ok"}\n'.repeat(CAPTURE_LIMIT / 8)));
    lines.add(Buffer.from('{"password":"hunter2"}\n'));
    const view = lines.render('/images/create', true);
    expect(view.truncated).toBe(true);
    expect(view.text.startsWith('{"status":"ok"}')).toBe(true);
  });
});

describe('request access and paths', () => {
  it('maps method and path to what the request does', () => {
    expect(accessOfRequest('GET', '/v1.41/containers/json')).toBe('read');
    expect(accessOfRequest('HEAD', '/containers/x/archive')).toBe('browse');
    expect(accessOfRequest('GET', '/containers/x/archive')).toBe('browse');
    expect(accessOfRequest('PUT', '/containers/x/archive')).toBe('browse');
    expect(accessOfRequest('DELETE', '/volumes/v')).toBe('delete');
    expect(accessOfRequest('POST', '/containers/prune')).toBe('delete');
    expect(accessOfRequest('POST', '/containers/x/exec')).toBe('exec');
    expect(accessOfRequest('POST', '/exec/abc/start')).toBe('exec');
    expect(accessOfRequest('POST', '/build')).toBe('build');
    expect(accessOfRequest('POST', '/images/reg:5000/a/b/push')).toBe('build');
    expect(accessOfRequest('POST', '/containers/create')).toBe('write');
    expect(accessOfRequest('PUT', '/volumes/v')).toBe('write');
    expect(accessOf('apilog.send', { method: 'GET', path: '/info' })).toBe('read');
    expect(accessOf('apilog.send', { method: 'POST', path: '/v1.41/containers/x/stop' })).toBe('write');
    expect(accessOf('apilog.follow', { method: 'DELETE', path: '/containers/x' })).toBe('delete');
  });

  it('knows which requests stream until stopped', () => {
    expect(isStreamingRequest('GET', '/v1.41/events', [])).toBe(true);
    expect(isStreamingRequest('GET', '/events', [['until', '0']])).toBe(false);
    expect(isStreamingRequest('GET', '/containers/x/logs', [['follow', '1']])).toBe(true);
    expect(isStreamingRequest('GET', '/containers/x/logs', [['follow', '0']])).toBe(false);
    expect(isStreamingRequest('GET', '/containers/x/stats', [])).toBe(true);
    expect(isStreamingRequest('GET', '/containers/x/stats', [['stream', '0']])).toBe(false);
    expect(isStreamingRequest('POST', '/images/create', [['fromImage', 'a']])).toBe(true);
  });

  it('knows hijacking endpoints', () => {
    expect(isHijacking('POST', '/v1.41/containers/x/attach')).toBe(true);
    expect(isHijacking('POST', '/exec/abc/start')).toBe(true);
    expect(isHijacking('POST', '/containers/x/start')).toBe(false);
  });

  it('accepts engine paths and refuses everything else', () => {
    for (const ok of [
      '/containers/json',
      '/v1.41/containers/json',
      '/_ping',
      '/volumes/v1',
      '/images/reg:5000/a/b/json',
    ])
      expect(checkEnginePath(ok), ok).toBeUndefined();
    for (const bad of [
      '',
      'containers',
      '/a/../b',
      '/a/./b',
      'https://x/y',
      '//host/x',
      '/x?y=1',
      '/x#f',
      '/a b',
      '/a\\b',
      '/a/%2e%2e/b',
      '/a/%2F',
      '/v2/x',
      '/v1.x/y',
      '/a//b',
      '/a/',
    ])
      expect(checkEnginePath(bad), bad).toBeDefined();
  });
});

describe('endpoint index', () => {
  it('is what the bundled descriptions produce (regenerated by the script)', () => {
    const root = path.resolve(__dirname, '../..');
    execFileSync('python3', [path.join(root, 'scripts/engine-api-index.py'), '--check'], { stdio: 'pipe' });
    // Parsing 19 descriptions (~6 MB of YAML) takes seconds on a busy machine.
  }, 120_000);

  it('picks the description for a host, completes and finds endpoints', () => {
    expect(describedVersion('1.41')).toBe('1.41');
    // Every version the app negotiates (1.24 ... 1.43) has its own, but 1.24 (moby has none).
    for (let minor = 25; minor <= 43; minor++) expect(describedVersion(`1.${minor}`)).toBe(`1.${minor}`);
    expect(describedVersion('1.47')).toBe('1.43');
    expect(describedVersion('1.24')).toBe('1.25');
    expect(findEndpoint('1.25', 'GET', '/containers/json')?.op).toBe('ContainerList');
    // Endpoints that came later are not in older descriptions.
    expect(findEndpoint('1.30', 'GET', '/distribution/busybox/json')?.op).toBe('DistributionInspect');
    expect(findEndpoint('1.29', 'GET', '/distribution/busybox/json')).toBeUndefined();
    const done = completeEndpoints('1.41', '/containers/', 'GET').map((e) => e.p);
    expect(done).toContain('/containers/json');
    expect(done).toContain('/containers/{id}/logs');
    expect(findEndpoint('1.41', 'POST', '/containers/create')?.op).toBe('ContainerCreate');
    expect(findEndpoint('1.41', 'GET', '/containers/abc/json')?.op).toBe('ContainerInspect');
    expect(findEndpoint('1.43', 'GET', '/images/reg:5000/a/b/json')?.op).toBe('ImageInspect');
    expect(findEndpoint('1.41', 'GET', '/containers/json')?.params?.some((p) => p.n === 'all')).toBe(true);
  });

  it('warns about unknown endpoints, methods, parameters and body fields', () => {
    expect(validateAgainstIndex('1.41', 'GET', '/nothing/here', [], undefined)[0]).toMatch(/not an endpoint/);
    expect(validateAgainstIndex('1.41', 'PUT', '/containers/json', [], undefined)[0]).toMatch(
      /PUT is not documented/,
    );
    expect(validateAgainstIndex('1.41', 'GET', '/containers/json', [['all', '1']], undefined)).toEqual([]);
    expect(validateAgainstIndex('1.41', 'POST', '/volumes/create', [], { Name: 1 }).join(' ')).toMatch(
      /"Name" should be of type string/,
    );
    expect(
      validateAgainstIndex('1.41', 'POST', '/containers/create', [], { Image: 'busybox', HostConfig: {} }),
    ).toEqual([]);
  });
});

describe('copy as', () => {
  const create = containerCreateRequest({
    image: 'busybox',
    name: 'web',
    env: ['MODE=prod', 'DB_PASSWORD=hunter2'],
    ports: [{ hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp' }],
    mounts: [{ type: 'volume', source: 'data', target: '/data', readOnly: true }],
    restartPolicy: { name: 'unless-stopped' },
    labels: { team: 'a' },
    tty: false,
    interactive: false,
    autoRemove: false,
    cmd: ['sleep', '60'],
  });

  it('never puts a form secret into any snippet; each reads it from the environment', () => {
    for (const t of [socket, tls, ssh]) {
      for (const form of copyAs(create, t)) {
        expect(form.text ?? '').not.toContain('hunter2');
        expect(form.secretEnv).toEqual(['DB_PASSWORD']);
      }
    }
    const curl = curlCommand(create, socket);
    expect(curl).toContain(`"DB_PASSWORD='"$DB_PASSWORD"'"`);
    expect(flat(dockerCliCommand(create))).toContain('-e DB_PASSWORD ');
  });

  it('addresses each kind of host as its tools do', () => {
    expect(curlCommand(create, socket)).toMatch(
      /--unix-socket \/var\/run\/docker\.sock[\s\S]*http:\/\/localhost\/v1\.41\/containers\/create\?name=web/,
    );
    const viaTls = curlCommand(create, tls);
    expect(flat(viaTls)).toContain('--cacert "$DOCKER_CERT_PATH/ca.pem" --cert "$DOCKER_CERT_PATH/cert.pem"');
    expect(viaTls).toContain('https://10.0.0.2:2376/v1.43/containers/create');
    expect(curlCommand(create, ssh)).toContain("'ssh -p 2222 ops@box docker system dial-stdio'");
    const py = copyAs(create, ssh).find((f) => f.format === 'python')?.text ?? '';
    expect(py).toContain('export DOCKER_HOST=ssh://ops@box:2222');
  });

  it('turns a pull with a login into docker login + pull reading the password from the environment', () => {
    const pull = pullRequest('127.0.0.1:5000/team/app:1.2', true);
    expect(dockerCliCommand(pull)).toBe(
      'echo "$REGISTRY_PASSWORD" | docker login -u "$REGISTRY_USER" --password-stdin 127.0.0.1:5000 &&\ndocker pull 127.0.0.1:5000/team/app:1.2',
    );
    expect(curlCommand(pull, socket)).toContain('"$REGISTRY_USER" "$REGISTRY_PASSWORD" 127.0.0.1:5000');
  });

  it('reconstructs docker run from an inspect, leaving out what the image gives', () => {
    const inspect = {
      Id: 'abcdef123456',
      Name: '/api',
      Config: {
        Image: 'app:1',
        Hostname: 'abcdef123456',
        Env: ['PATH=/usr/bin', 'MODE=prod', 'SESSION_SECRET=s3'],
        Labels: { 'org.image': 'x', team: 'a' },
        Cmd: ['serve', '--port', '80'],
        Entrypoint: ['/entry.sh'],
        ExposedPorts: { '80/tcp': {} },
        Tty: false,
        OpenStdin: false,
      },
      HostConfig: {
        PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] },
        RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
        Memory: 268435456,
        NanoCpus: 1500000000,
        NetworkMode: 'front',
        CapAdd: ['NET_ADMIN'],
      },
      Mounts: [
        {
          Type: 'volume',
          Name: 'data',
          Source: '/var/lib/docker/volumes/data/_data',
          Destination: '/data',
          RW: true,
        },
      ],
      NetworkSettings: { Networks: { front: {}, back: {} } },
    };
    const cmd = flat(
      dockerRunCommand(inspect, {
        Env: ['PATH=/usr/bin'],
        Labels: { 'org.image': 'x' },
        Cmd: ['serve'],
        Entrypoint: ['/other.sh'],
        ExposedPorts: { '80/tcp': {} },
      }),
    );
    expect(cmd).toContain('docker run -d --name api');
    expect(cmd).toContain('-e MODE=prod -e SESSION_SECRET ');
    expect(cmd).not.toContain('s3');
    expect(cmd).not.toContain('PATH=');
    expect(cmd).toContain('--label team=a');
    expect(cmd).not.toContain('org.image');
    expect(cmd).toContain('-p 8080:80');
    expect(cmd).toContain('--mount type=volume,source=data,target=/data');
    expect(cmd).toContain('--restart on-failure:3');
    expect(cmd).toContain('--memory 268435456');
    expect(cmd).toContain('--cpus 1.5');
    expect(cmd).toContain('--cap-add NET_ADMIN');
    expect(cmd).toContain('--network front');
    expect(cmd).toMatch(/--entrypoint \/entry\.sh[\s\\]+app:1 serve --port 80/);
    expect(cmd).toContain('docker network connect back api');
  });

  it('keeps a chosen hostname that the id happens to begin with; leaves out the engine default', () => {
    const id = 'cafe' + '0'.repeat(60);
    const inspectWith = (Hostname: string) => ({
      Id: id,
      Name: '/web',
      Config: { Image: 'app:1', Hostname },
      HostConfig: {},
      NetworkSettings: { Networks: {} },
    });
    expect(flat(dockerRunCommand(inspectWith('cafe')))).toContain('--hostname cafe');
    expect(flat(dockerRunCommand(inspectWith(id.slice(0, 12))))).not.toContain('--hostname');
  });
});

describe('API log book', () => {
  it('keeps a bounded ring per host, newest first, filtered; 0 turns recording off', () => {
    const book = new ApiLogBook();
    book.setCapacity(100);
    const sink = book.sinkFor('h1');
    const add = (method: string, path: string, status: number) => {
      const rec = {
        entry: {
          id: sink.nextId(),
          hostId: 'h1',
          at: Date.now(),
          method,
          path,
          query: [],
          state: 'done' as const,
          bytesIn: 0,
          bytesOut: 0,
          streaming: false,
          status,
        },
        requestHeaders: {},
        responseHeaders: {},
        requestBody: new BodyCapture('none', undefined),
        responseBody: undefined,
      };
      sink.opened(rec);
    };
    for (let i = 0; i < 500; i++) add(i % 2 ? 'GET' : 'POST', `/v1.41/p${i}`, i % 5 ? 200 : 404);
    const all = book.list({ hostId: 'h1', limit: 20_000 });
    expect(all.length).toBe(100);
    expect(all[0]?.path).toBe('/v1.41/p499');
    expect(
      book.list({ hostId: 'h1', methods: ['POST'], limit: 20_000 }).every((e) => e.method === 'POST'),
    ).toBe(true);
    expect(book.list({ hostId: 'h1', status: ['4xx'], limit: 20_000 }).every((e) => e.status === 404)).toBe(
      true,
    );
    expect(book.list({ hostId: 'h1', text: 'p498', limit: 20_000 }).map((e) => e.path)).toEqual([
      '/v1.41/p498',
    ]);
    book.setCapacity(0);
    expect(sink.enabled).toBe(false);
    expect(book.list({ hostId: 'h1', limit: 20_000 })).toEqual([]);
  });
});
