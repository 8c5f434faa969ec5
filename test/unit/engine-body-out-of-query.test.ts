import Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import {
  keepBodiesOutOfQueries,
  keepBodyOutOfQuery,
  type DialOptions,
} from '../../src/main/engine/body-out-of-query';

/**
 * What dockerode hands docker-modem for each call the app makes: a path ending in "?" makes the
 * modem write every option into the URL. The real dockerode builds the dial options; only the
 * modem's send is replaced, to look at them (the wire is checked in security-create-query).
 */
function dialsOf(run: (docker: Docker) => Promise<unknown>): Promise<DialOptions[]> {
  const docker = new Docker({ socketPath: '/nonexistent.sock' });
  const seen: DialOptions[] = [];
  const modem = docker.modem as unknown as {
    dial(o: DialOptions, cb: (e: unknown, d: unknown) => void): void;
  };
  modem.dial = (o, cb) => {
    seen.push(o);
    cb(undefined, { Id: 'x', ID: 'x', Name: 'x' });
  };
  keepBodiesOutOfQueries(docker);
  return run(docker).then(() => seen);
}

const queryOf = (d: DialOptions) => (d.options as { _query?: Record<string, unknown> })._query;
const bodyOf = (d: DialOptions) => (d.options as { _body?: Record<string, unknown> })._body;

describe('create and update options stay out of the URL', () => {
  it('container create: name and platform in the query, everything else in the body', async () => {
    const signal = new AbortController().signal;
    const [d] = await dialsOf((c) =>
      c.createContainer({
        name: 'n',
        platform: 'linux/amd64',
        Image: 'i',
        Env: ['TOKEN=s'],
        abortSignal: signal,
      }),
    );
    expect(d?.path).toBe('/containers/create?');
    expect(queryOf(d!)).toEqual({ name: 'n', platform: 'linux/amd64' });
    expect(bodyOf(d!)).toEqual({ Image: 'i', Env: ['TOKEN=s'] });
  });

  it('network, volume, secret and config create: no query at all', async () => {
    const dials = await dialsOf(async (c) => {
      await c.createNetwork({ Name: 'n', Labels: { a: 'b' } });
      await c.createVolume({ Name: 'v', Labels: { a: 'b' } });
      await c.createSecret({ Name: 's', Data: 'c2VjcmV0' });
      await c.createConfig({ Name: 'c', Data: 'Y29uZmln' });
    });
    expect(dials.map((d) => d.path)).toEqual([
      '/networks/create',
      '/volumes/create',
      '/secrets/create',
      '/configs/create',
    ]);
    for (const d of dials) expect(queryOf(d)).toEqual({});
    expect(bodyOf(dials[2]!)).toEqual({ Name: 's', Data: 'c2VjcmV0' });
  });

  it('service update: only version in the query, the spec (with its env) in the body', async () => {
    const [d] = await dialsOf((c) =>
      c.getService('svc').update({
        version: 7,
        Name: 'svc',
        TaskTemplate: { ContainerSpec: { Image: 'i', Env: ['PASSWORD=p'] } },
      } as never),
    );
    expect(d?.path).toBe('/services/svc/update?');
    expect(queryOf(d!)).toEqual({ version: 7 });
    expect(JSON.stringify(bodyOf(d!))).toContain('PASSWORD=p');
  });

  it('leaves calls whose query is the API (pull, build, list) and bodies without a query alone', async () => {
    const dials = await dialsOf(async (c) => {
      await c.listContainers({ all: true });
      await c.createService({ Name: 's', TaskTemplate: { ContainerSpec: { Image: 'i', Env: ['K=v'] } } });
      await c.getContainer('c').exec({ Cmd: ['sh'], Env: ['TOKEN=s'] });
    });
    expect(dials[0]?.path).toBe('/containers/json?');
    expect(dials[0]?.options).toEqual({ all: true });
    // No "?": docker-modem sends these options as the body only.
    expect(dials[1]?.path).toBe('/services/create');
    expect(dials[2]?.path).toBe('/containers/c/exec');
  });

  it('is pure and leaves requests the app already split alone', () => {
    const split = { path: '/containers/create?', options: { _query: { name: 'a' }, _body: { Image: 'i' } } };
    expect(keepBodyOutOfQuery(split)).toBe(split);
    const raw = { path: '/volumes/create?', options: { Name: 'v' } };
    const out = keepBodyOutOfQuery(raw);
    expect(raw).toEqual({ path: '/volumes/create?', options: { Name: 'v' } });
    expect(out).toEqual({ path: '/volumes/create', options: { _query: {}, _body: { Name: 'v' } } });
  });
});
