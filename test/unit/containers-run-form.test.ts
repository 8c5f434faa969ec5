import { describe, expect, it } from 'vitest';
import { runSpecSchema, type RunSpec } from '@shared/contract';
import {
  emptyForm,
  fieldOfEngineError,
  formatMemory,
  formToSpec,
  parseMemory,
  specToForm,
  type RunForm,
} from '../../src/renderer/src/lib/forms/run-form';
import { joinShellWords, splitShellWords } from '../../src/renderer/src/lib/forms/shell-words';

const form = (patch: Partial<RunForm>): RunForm => ({ ...emptyForm(), image: 'busybox', ...patch });

describe('shell-like splitting of command and entrypoint', () => {
  it.each([
    ['sleep 600', ['sleep', '600']],
    ['  sh   -c  "echo hi; sleep 1"  ', ['sh', '-c', 'echo hi; sleep 1']],
    [`sh -c 'echo "$HOME"'`, ['sh', '-c', 'echo "$HOME"']],
    [String.raw`echo a\ b "c\"d" 'e\f'`, ['echo', 'a b', 'c"d', String.raw`e\f`]],
    [`printf ''`, ['printf', '']],
    [`--opt="x y"z`, ['--opt=x yz']],
    ['', []],
  ])('%s', (input, words) => {
    expect(splitShellWords(input)).toEqual({ ok: true, words });
  });

  it('says which quote is not closed', () => {
    expect(splitShellWords(`echo 'oops`)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/single quote/),
    });
    expect(splitShellWords(`echo "oops`)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/double quote/),
    });
    expect(splitShellWords('echo \\')).toMatchObject({ ok: false });
  });

  it('joins words so that splitting gives them back', () => {
    for (const words of [
      ['sh', '-c', `echo "it's" $X`],
      ['a b', '', 'c'],
      ['/bin/x', '--k=v', 'é'],
    ]) {
      const r = splitShellWords(joinShellWords(words));
      expect(r).toEqual({ ok: true, words });
    }
  });
});

describe('memory sizes', () => {
  it.each([
    ['512m', 512 * 1024 ** 2],
    ['1g', 1024 ** 3],
    ['1.5G', 1.5 * 1024 ** 3],
    ['64MiB', 64 * 1024 ** 2],
    ['100000000', 100_000_000],
    ['2k', 2048],
  ])('%s', (text, bytes) => expect(parseMemory(text)).toBe(bytes));

  it('refuses what is not a size', () => {
    for (const bad of ['', 'lots', '12x', '-5m', '1..2g']) expect(parseMemory(bad)).toBeUndefined();
  });

  it('formats back to the shortest exact unit', () => {
    expect(formatMemory(512 * 1024 ** 2)).toBe('512m');
    expect(formatMemory(1024 ** 3)).toBe('1g');
    expect(formatMemory(1000)).toBe('1000');
  });
});

describe('run form → run spec', () => {
  it('turns a full form into the spec the contract accepts', () => {
    const { spec, errors } = formToSpec(
      form({
        image: ' registry:5000/team/app:1.2 ',
        name: 'web-1',
        command: 'sh -c "echo hi; sleep 600"',
        entrypoint: '/bin/sh',
        env: [
          { key: 'GREETING', value: 'hello world' },
          { key: '', value: '' },
          { key: 'EMPTY', value: '' },
        ],
        ports: [
          { hostIp: '127.0.0.1', hostPort: '8080', containerPort: '80', protocol: 'tcp' },
          { hostIp: '', hostPort: '', containerPort: '53', protocol: 'udp' },
          { hostIp: '', hostPort: '', containerPort: '', protocol: 'tcp' },
        ],
        mounts: [
          { type: 'volume', source: 'data', target: '/data', readOnly: false },
          { type: 'volume', source: '', target: '/cache', readOnly: false },
          { type: 'bind', source: '/srv/conf', target: '/etc/app', readOnly: true },
        ],
        network: 'backend',
        restart: 'on-failure',
        maxRetries: '3',
        labels: [{ key: 'tier', value: 'web' }],
        memory: '256m',
        cpus: '0.5',
        workingDir: '/app',
        user: '1000:1000',
        tty: true,
        interactive: true,
        start: true,
      }),
    );
    expect(errors).toEqual({});
    expect(spec).toEqual<RunSpec>({
      image: 'registry:5000/team/app:1.2',
      name: 'web-1',
      cmd: ['sh', '-c', 'echo hi; sleep 600'],
      entrypoint: ['/bin/sh'],
      env: ['GREETING=hello world', 'EMPTY='],
      ports: [
        { hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
        { hostIp: '', containerPort: 53, protocol: 'udp' },
      ],
      mounts: [
        { type: 'volume', source: 'data', target: '/data', readOnly: false },
        { type: 'volume', source: '', target: '/cache', readOnly: false },
        { type: 'bind', source: '/srv/conf', target: '/etc/app', readOnly: true },
      ],
      network: 'backend',
      restartPolicy: { name: 'on-failure', maxRetries: 3 },
      labels: { tier: 'web' },
      memoryBytes: 256 * 1024 ** 2,
      cpus: 0.5,
      workingDir: '/app',
      user: '1000:1000',
      tty: true,
      interactive: true,
      autoRemove: false,
    });
    expect(runSpecSchema.safeParse(spec).success).toBe(true);
  });

  it('puts a message next to every wrong field, and sends nothing', () => {
    const { spec, errors } = formToSpec(
      form({
        image: '',
        name: 'x',
        command: 'echo "unclosed',
        env: [{ key: '1BAD', value: 'v' }],
        ports: [
          { hostIp: 'not-an-ip', hostPort: '70000', containerPort: '', protocol: 'tcp' },
          { hostIp: '', hostPort: '80', containerPort: 'http', protocol: 'tcp' },
        ],
        mounts: [
          { type: 'bind', source: 'relative/path', target: 'data', readOnly: false },
          { type: 'volume', source: 'bad name!', target: '/x', readOnly: false },
        ],
        restart: 'always',
        autoRemove: true,
        labels: [
          { key: 'a b', value: '1' },
          { key: 'ok', value: '1' },
          { key: 'ok', value: '2' },
        ],
        memory: '3m',
        cpus: 'many',
        workingDir: 'app',
        user: 'root user',
      }),
    );
    expect(spec).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(
      [
        'image',
        'name',
        'command',
        'env.0.key',
        'ports.0.hostIp',
        'ports.0.hostPort',
        'ports.0.containerPort',
        'ports.1.containerPort',
        'mounts.0.source',
        'mounts.0.target',
        'mounts.1.source',
        'autoRemove',
        'labels.0.key',
        'labels.2.key',
        'memory',
        'cpus',
        'workingDir',
        'user',
      ].sort(),
    );
    expect(errors.name).toMatch(/at least 2 characters/);
    expect(errors['ports.0.hostPort']).toMatch(/1 to 65535/);
    expect(errors.memory).toMatch(/6m/);
  });

  it('finds cross-field problems through the shared schema (a host port published twice)', () => {
    const { errors } = formToSpec(
      form({
        ports: [
          { hostIp: '', hostPort: '8080', containerPort: '80', protocol: 'tcp' },
          { hostIp: '', hostPort: '', containerPort: '', protocol: 'tcp' },
          { hostIp: '', hostPort: '8080', containerPort: '81', protocol: 'tcp' },
        ],
      }),
    );
    // The blank middle row is skipped: the message lands on the third row, as typed.
    expect(errors['ports.2.hostPort']).toMatch(/published twice/);
  });

  it('fills the form from a spec and reads it back unchanged (Edit and recreate)', () => {
    const spec: RunSpec = {
      image: 'busybox',
      name: 'web',
      cmd: ['sh', '-c', `echo "it's"`],
      env: ['A=1', 'URL=http://x/?a=b'],
      ports: [{ hostIp: '', hostPort: 8080, containerPort: 80, protocol: 'tcp' }],
      mounts: [{ type: 'bind', source: '/srv', target: '/srv', readOnly: true }],
      restartPolicy: { name: 'unless-stopped' },
      labels: { k: 'v' },
      memoryBytes: 1024 ** 3,
      cpus: 1.5,
      tty: false,
      interactive: false,
      autoRemove: false,
    };
    const back = formToSpec(specToForm(spec, true));
    expect(back.errors).toEqual({});
    expect(back.spec).toEqual(spec);
  });

  it('ties engine errors to their field', () => {
    expect(fieldOfEngineError('CONFLICT', 'Conflict. The container name "/web" is already in use')).toBe(
      'name',
    );
    expect(fieldOfEngineError('NOT_FOUND', 'No such image: nope:1')).toBe('image');
    expect(fieldOfEngineError('ENGINE_ERROR', 'Bind for 0.0.0.0:80 failed: port is already allocated')).toBe(
      'ports',
    );
    expect(fieldOfEngineError('ENGINE_ERROR', 'something else')).toBeUndefined();
  });
});
