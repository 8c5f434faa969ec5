import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/main/services/stacks/dotenv';
import { interpolate, InterpolationError } from '../../src/main/services/stacks/interpolate';
import { loadProject } from '../../src/main/services/stacks/load-project';
import { parseShortPort, parseLongPort } from '../../src/main/services/stacks/normalize-ports';
import { parseDuration, parseBytes, shellSplit } from '../../src/main/services/stacks/units';

const vars = (env: Record<string, string>) => ({
  get: (n: string) => (n in env ? { value: env[n] as string, source: 'env-file' as const } : undefined),
});

const load = (composeYaml: string, envText = '', extra: Partial<Parameters<typeof loadProject>[0]> = {}) =>
  loadProject({
    composeYaml,
    envText,
    projectName: 'demo',
    workingDir: '/srv/demo',
    readFile: () => 'FROM_FILE=1\n',
    ...extra,
  });

describe('interpolation', () => {
  const env = vars({ SET: 'v', EMPTY: '' });
  it.each([
    ['${SET}', 'v'],
    ['$SET/x', 'v/x'],
    ['${UNSET:-dflt}', 'dflt'],
    ['${EMPTY:-dflt}', 'dflt'],
    ['${EMPTY-dflt}', ''],
    ['${UNSET-dflt}', 'dflt'],
    ['${UNSET:-${SET}}', 'v'],
    ['${SET:+alt}', 'alt'],
    ['${UNSET:+alt}', ''],
    ['$$SET', '$SET'],
    ['a $ b', 'a $ b'],
    ['${UNSET}', ''],
  ])('%s → %s', (text, out) => {
    expect(interpolate(text, env)).toBe(out);
  });

  it('${VAR:?err} and ${VAR?err} fail with the message', () => {
    expect(() => interpolate('${EMPTY:?needed}', env)).toThrow(/EMPTY is empty: needed/);
    expect(interpolate('${EMPTY?needed}', env)).toBe('');
    expect(() => interpolate('${UNSET?needed}', env)).toThrow(InterpolationError);
  });

  it('records where each value came from', () => {
    const r = load(
      'services:\n  a:\n    image: "busybox:${TAG:-1.36}"\n    environment:\n      X: ${SET}\n',
      'SET=yes\n',
    );
    expect(r.variables).toEqual([
      expect.objectContaining({ name: 'TAG', value: '1.36', source: 'default', at: { line: 3, col: 12 } }),
      expect.objectContaining({
        name: 'SET',
        value: 'yes',
        source: 'env-file',
        path: 'services.a.environment.X',
      }),
    ]);
    expect(r.project?.services[0]?.image).toBe('busybox:1.36');
    expect(r.resolvedYaml).toContain('busybox:1.36');
  });

  it('a missing required variable is an error at its line', () => {
    const r = load(
      'services:\n  a:\n    image: busybox\n    environment:\n      - PW=${PW:?set PW in .env}\n',
    );
    expect(r.project).toBeNull();
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ kind: 'interpolation', service: 'a', at: { line: 5, col: 9 } }),
    );
    expect(r.diagnostics[0]?.message).toMatch(/PW is missing: set PW in .env/);
  });

  it('casts typed fields after interpolation', () => {
    const r = load(
      'services:\n  a:\n    image: busybox\n    privileged: ${PRIV}\n    deploy:\n      replicas: ${N}\n',
      'PRIV=true\nN=3\n',
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.project?.services[0]).toMatchObject({ privileged: true, replicas: 3 });
  });
});

describe('.env', () => {
  it('reads quotes, export and comments', () => {
    const r = parseDotenv('# c\nexport A=1\nB="x\\ny"\nC=\'$lit\'\nD=v # note\nbad key=1\n');
    expect(r.values).toEqual({ A: '1', B: 'x\ny', C: '$lit', D: 'v' });
    expect(r.diagnostics[0]?.at?.line).toBe(6);
  });
});

describe('schema errors with lines', () => {
  it('an unknown key points at the key', () => {
    const r = load('services:\n  web:\n    image: busybox\n    imagee: typo\n');
    expect(r.project).toBeNull();
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({
        kind: 'schema',
        service: 'web',
        at: { line: 4, col: 5 },
        message: expect.stringMatching(/"imagee" is not allowed/),
      }),
    );
  });

  it('a wrong type points at the value', () => {
    const r = load('services:\n  web:\n    image: busybox\n    privileged: sometimes\n');
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({
        kind: 'semantic',
        at: { line: 4, col: 17 },
        path: 'services.web.privileged',
      }),
    );
    const t = load('services:\n  web:\n    image: busybox\n    ports: {a: 1}\n');
    expect(t.diagnostics).toContainEqual(
      expect.objectContaining({
        kind: 'schema',
        at: { line: 4, col: 12 },
        path: 'services.web.ports',
        message: 'services.web.ports must be array.',
      }),
    );
  });

  it('YAML syntax errors carry their position', () => {
    const r = load('services:\n  web:\n    image: [busybox\n');
    expect(r.diagnostics[0]).toMatchObject({ kind: 'yaml', severity: 'error' });
    expect(r.diagnostics[0]?.at?.line).toBeGreaterThanOrEqual(3);
  });
});

describe('semantics', () => {
  it('ports: short, long, ranges, host IP, protocol', () => {
    expect(parseShortPort('8080:80')).toEqual([{ target: 80, published: 8080, protocol: 'tcp' }]);
    expect(parseShortPort('127.0.0.1:53:53/udp')).toEqual([
      { target: 53, published: 53, hostIp: '127.0.0.1', protocol: 'udp' },
    ]);
    expect(parseShortPort('9000-9001:90-91')).toEqual([
      { target: 90, published: 9000, protocol: 'tcp' },
      { target: 91, published: 9001, protocol: 'tcp' },
    ]);
    expect(parseShortPort(3000)).toEqual([{ target: 3000, protocol: 'tcp' }]);
    expect(parseShortPort('[::1]:80:80')[0]).toMatchObject({ hostIp: '::1', published: 80 });
    expect(parseLongPort({ target: 80, published: '8081', host_ip: '0.0.0.0', protocol: 'tcp' })).toEqual([
      { target: 80, published: 8081, hostIp: '0.0.0.0', protocol: 'tcp' },
    ]);
    expect(() => parseShortPort('70000:80')).toThrow(/host port/);
  });

  it('durations, sizes and shell words', () => {
    expect(parseDuration('1m30s')).toBe(90e9);
    expect(parseDuration('250ms')).toBe(250e6);
    expect(parseDuration('soon')).toBeNull();
    expect(parseBytes('512m')).toBe(512 * 1024 * 1024);
    expect(parseBytes('1g')).toBe(1024 ** 3);
    expect(shellSplit(`sh -c 'echo "hi there"'`)).toEqual(['sh', '-c', 'echo "hi there"']);
  });

  const full = `
name: ignored
services:
  web:
    image: busybox
    command: httpd -f -p 80
    entrypoint: ["/bin/sh", "-c"]
    environment: [A=1, B]
    env_file: ./web.env
    ports: ["8080:80", {target: 443, published: 8443}]
    volumes:
      - data:/data
      - ./site:/www:ro
      - type: tmpfs
        target: /cache
        tmpfs: {size: 1m}
    networks:
      front: {aliases: [www], ipv4_address: 172.30.0.10}
    depends_on:
      db: {condition: service_healthy}
    healthcheck: {test: "wget -q -O- localhost", interval: 5s, retries: 3}
    restart: unless-stopped
    labels: {tier: web}
    user: "1000"
    working_dir: /www
    hostname: web
    cap_add: [NET_ADMIN]
    cap_drop: [ALL]
    privileged: false
    devices: ["/dev/null:/dev/xnull"]
    extra_hosts: ["gw:10.0.0.1"]
    dns: [1.1.1.1]
    init: true
    stop_signal: SIGINT
    stop_grace_period: 1m
    logging: {driver: json-file, options: {max-size: 1m}}
    deploy: {resources: {limits: {cpus: "0.5", memory: 64m}, reservations: {memory: 16m}}, replicas: 2}
    secrets: [token]
    configs: [{source: conf, target: /etc/app.conf}]
  db:
    image: busybox
    container_name: the-db
    networks: [back]
  tools:
    image: busybox
    profiles: [debug]
networks:
  front: {ipam: {config: [{subnet: 172.30.0.0/24}]}}
  back: {driver: bridge, driver_opts: {com.docker.network.bridge.enable_icc: "true"}}
volumes:
  data: {}
  ext: {external: true, name: shared-data}
secrets:
  token: {file: ./token.txt}
configs:
  conf: {file: ./app.conf}
`;

  it('normalizes every supported key', () => {
    const r = load(full, 'B=from-env\n');
    expect(r.diagnostics).toEqual([]);
    const p = r.project!;
    expect(p.name).toBe('demo');
    expect(p.disabledServices).toEqual(['tools']);
    const web = p.services.find((s) => s.name === 'web')!;
    expect(web).toMatchObject({
      command: ['httpd', '-f', '-p', '80'],
      entrypoint: ['/bin/sh', '-c'],
      environment: { FROM_FILE: '1', A: '1', B: 'from-env' },
      restart: 'unless-stopped',
      user: '1000',
      workingDir: '/www',
      hostname: 'web',
      capAdd: ['NET_ADMIN'],
      capDrop: ['ALL'],
      devices: ['/dev/null:/dev/xnull'],
      extraHosts: ['gw:10.0.0.1'],
      dns: ['1.1.1.1'],
      init: true,
      stopSignal: 'SIGINT',
      stopGracePeriod: 60,
      logging: { driver: 'json-file', options: { 'max-size': '1m' } },
      limits: { nanoCpus: 5e8, memoryBytes: 64 * 1024 * 1024 },
      reservations: { memoryBytes: 16 * 1024 * 1024 },
      replicas: 2,
      secrets: [{ key: 'token', target: '/run/secrets/token' }],
      configs: [{ key: 'conf', target: '/etc/app.conf' }],
      healthcheck: {
        disable: false,
        test: ['CMD-SHELL', 'wget -q -O- localhost'],
        interval: 5e9,
        retries: 3,
      },
    });
    expect(web.mounts).toEqual([
      { type: 'volume', source: 'data', target: '/data', readOnly: false },
      { type: 'bind', source: '/srv/demo/site', target: '/www', readOnly: true, createHostPath: true },
      { type: 'tmpfs', source: '', target: '/cache', readOnly: false, tmpfsSize: 1024 * 1024 },
    ]);
    expect(web.networks).toEqual([
      { key: 'front', aliases: ['www'], ipv4Address: '172.30.0.10', priority: 0 },
    ]);
    expect(web.dependsOn).toEqual([
      { service: 'db', condition: 'service_healthy', required: true, restart: false },
    ]);
    expect(p.networks.map((n) => n.name)).toEqual(['demo_front', 'demo_back']);
    expect(p.volumes.map((v) => [v.name, v.external])).toEqual([
      ['demo_data', false],
      ['shared-data', true],
    ]);
    expect(p.secrets[0]).toMatchObject({ name: 'demo_token', file: '/srv/demo/token.txt' });
  });

  it('the default network appears only when a service uses it', () => {
    const r = load('services:\n  a: {image: busybox}\n');
    expect(r.project?.networks.map((n) => n.name)).toEqual(['demo_default']);
    expect(r.project?.services[0]?.networks).toEqual([{ key: 'default', aliases: [], priority: 0 }]);
  });

  it('lists keys it does not apply, with their lines, instead of dropping them', () => {
    const r = load(
      'services:\n  a:\n    image: busybox\n    cgroup_parent: x\n    deploy:\n      placement: {constraints: [node.role==manager]}\n',
    );
    expect(r.unsupported).toEqual([
      expect.objectContaining({ path: 'services.a.cgroup_parent', at: { line: 4, col: 5 } }),
      expect.objectContaining({
        path: 'services.a.deploy.placement',
        reason: expect.stringMatching(/swarm/),
      }),
    ]);
  });

  it('bad references name the service and field', () => {
    const cases: Array<[string, RegExp]> = [
      [
        'services:\n  a: {image: busybox, networks: [nope]}\n',
        /services\.a\.networks: network "nope" is not declared/,
      ],
      [
        'services:\n  a: {image: busybox, volumes: ["nope:/x"]}\n',
        /services\.a\.volumes: named volume "nope"/,
      ],
      [
        'services:\n  a: {image: busybox, depends_on: [b]}\n',
        /services\.a\.depends_on: "b" is not a service/,
      ],
      [
        'services:\n  a: {image: busybox, depends_on: [b]}\n  b: {image: busybox, depends_on: [a]}\n',
        /dependency cycle a → b → a/,
      ],
      [
        'services:\n  a: {build: {context: .}, container_name: solo, deploy: {replicas: 2}}\n',
        /container_name: a fixed container name allows only one replica/,
      ],
      ['services:\n  a: {image: busybox, ports: ["1:2:3:4"]}\n', /services\.a\.ports/],
    ];
    for (const [yaml, re] of cases) {
      const r = load(yaml);
      expect(r.project, yaml).toBeNull();
      expect(r.diagnostics.map((d) => d.message).join('\n')).toMatch(re);
    }
  });

  it('a cycle error points at the depends_on line', () => {
    const r = load(
      'services:\n  a:\n    image: busybox\n    depends_on: [b]\n  b:\n    image: busybox\n    depends_on: [a]\n',
    );
    expect(r.diagnostics.find((d) => /cycle/.test(d.message))?.at?.line).toBe(4);
  });
});
