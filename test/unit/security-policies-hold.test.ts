import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { AppError, contract, type AnyDef, type HostPolicy, type HostsSnapshot } from '@shared/contract';
import { METHOD_ACCESS } from '../../src/shared/policy/method-access';
import {
  bindAllowed,
  inspectContainerBody,
  inspectServiceSpec,
  isRootUser,
} from '../../src/shared/policy/restricted-body';
import { AuditLog } from '../../src/main/security/audit-log';
import { hostFieldsOf, SESSION_FIELDS } from '../../src/main/security/host-fields';
import { createPolicyGuard, type GuardedHost } from '../../src/main/security/policy-guard';
import { SessionHosts } from '../../src/main/security/session-hosts';
import { RegistryService } from '../../src/main/services/registries/registry-service';
import { credentialTarget } from '../../src/main/services/registries/registries-for';
import { fileKeySecretBox } from '../../src/main/security/secret-box';
import type { AppContext } from '../../src/main/app/app-context';

const allDefs = (): Array<[string, AnyDef]> =>
  Object.entries(contract).flatMap(([ns, members]) =>
    Object.entries(members as Record<string, AnyDef>).map(([m, d]): [string, AnyDef] => [`${ns}.${m}`, d]),
  );
const schemaOf = (d: AnyDef): z.ZodType => (d.kind === 'call' ? d.input : d.params);

type Def = { type: string } & Record<string, unknown>;
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

/** Visits every sub-schema with its path (objects, arrays, unions, wrappers, records, pipes). */
function walk(schema: unknown, visit: (def: Def, path: string[]) => void, p: string[] = [], depth = 0) {
  if (depth > 12 || !schema) return;
  const def = defOf(schema);
  visit(def, p);
  switch (def.type) {
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>))
        walk(v, visit, [...p, k], depth + 1);
      return;
    case 'array':
      return walk(def.element, visit, [...p, '[]'], depth + 1);
    case 'union':
      for (const o of def.options as unknown[]) walk(o, visit, p, depth + 1);
      return;
    case 'record':
      walk(def.keyType, visit, [...p, '{key}'], depth + 1);
      return walk(def.valueType, visit, [...p, '{}'], depth + 1);
    case 'pipe':
      walk(def.in, visit, p, depth + 1);
      return walk(def.out, visit, p, depth + 1);
    case 'intersection':
      walk(def.left, visit, p, depth + 1);
      return walk(def.right, visit, p, depth + 1);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return walk(def.innerType, visit, p, depth + 1);
    default:
      return;
  }
}

function hostsWith(policies: Record<string, HostPolicy>, binds: string[] = []) {
  return {
    get: (id: string): GuardedHost | undefined =>
      policies[id] ? { name: id.toUpperCase(), policy: policies[id], allowedBindPaths: binds } : undefined,
  };
}

function refusal(fn: () => void): AppError | undefined {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  return undefined;
}

const run = (over: Record<string, unknown> = {}) => ({
  image: 'busybox',
  env: [],
  ports: [],
  mounts: [],
  restartPolicy: { name: 'no' },
  labels: {},
  tty: false,
  interactive: false,
  autoRemove: false,
  ...over,
});

describe('typed policy tables', () => {
  it('METHOD_ACCESS names exactly the contract methods', () => {
    expect(Object.keys(METHOD_ACCESS).sort()).toEqual(
      allDefs()
        .map(([m]) => m)
        .sort(),
    );
  });

  it('every field naming a host, at any depth, is declared for its method', () => {
    const undeclared: string[] = [];
    for (const [method, def] of allDefs()) {
      const declared = hostFieldsOf(method, {});
      walk(schemaOf(def), (_d, p) => {
        const leaf = p[p.length - 1] ?? '';
        const namesHost = /hostId$/i.test(leaf) || SESSION_FIELDS.has(leaf);
        if (!namesHost) return;
        // A nested field is declared by its whole path ("target.items.[].hostId").
        const key = p.join('.');
        if (!(key in declared) || declared[key] === undefined) {
          // Session fields of calls that cannot harm (close, ack, abort, output) may stay undeclared.
          if (SESSION_FIELDS.has(leaf) && p.length === 1) return;
          undeclared.push(`${method}: ${p.join('.')}`);
        }
      });
    }
    expect(undeclared).toEqual([]);
  });

  it('images.copy declares both hosts with their own access', () => {
    expect(hostFieldsOf('images.copy', {})).toEqual({ hostId: 'read', targetHostId: 'write' });
  });

  it('every record in the contract checks the raw input for __proto__, constructor and prototype', () => {
    const open: string[] = [];
    for (const [method, def] of allDefs()) {
      const guarded = new Set<unknown>();
      walk(schemaOf(def), (d, p) => {
        // zod's record skips __proto__ before its key schema sees it: only a check before it counts.
        if (d.type === 'pipe' && defOf(d.in).type === 'custom') guarded.add(defOf(d.out));
        if (d.type !== 'record') return;
        if (!guarded.has(d)) open.push(`${method}: ${p.join('.')} is a bare z.record`);
        const key = d.keyType as z.ZodType;
        for (const k of ['constructor', 'prototype'])
          if (key.safeParse(k).success) open.push(`${method}: ${p.join('.')} accepts ${k}`);
      });
    }
    expect(open).toEqual([]);
  });

  it('a record with __proto__ is refused with an error naming the key, not silently dropped', () => {
    const input = JSON.parse(
      '{"hostId":"h-a","spec":' +
        JSON.stringify(run()).replace('"labels":{}', '"labels":{"a":"1","__proto__":"x"}') +
        ',"start":false}',
    ) as unknown;
    const parsed = contract.containers.create.input.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toMatch(/__proto__/);
  });
});

describe('the guard judges every host a call names', () => {
  it('images.copy from a full host into a read-only one is refused, naming the target field', () => {
    const guard = createPolicyGuard(hostsWith({ 'h-a': 'full', 'h-b': 'read-only' }));
    const err = refusal(() =>
      guard('images.copy', { hostId: 'h-a', targetHostId: 'h-b', references: ['x'] }),
    );
    expect(err?.code).toBe('PERMISSION_DENIED');
    expect(err?.message).toMatch(/H-B \(read-only\) does not allow changes \(targetHostId\)/);
    // Reading from a read-only source into a full host is fine.
    const back = createPolicyGuard(hostsWith({ 'h-a': 'read-only', 'h-b': 'full' }));
    expect(
      refusal(() => back('images.copy', { hostId: 'h-a', targetHostId: 'h-b', references: ['x'] })),
    ).toBe(undefined);
  });

  it('registries.testLogin reaches the engine: refused on a read-only host, allowed on restricted', () => {
    const input = { hostId: 'h-a', id: 'r-1' };
    expect(
      refusal(() => createPolicyGuard(hostsWith({ 'h-a': 'read-only' }))('registries.testLogin', input))
        ?.code,
    ).toBe('PERMISSION_DENIED');
    expect(
      refusal(() => createPolicyGuard(hostsWith({ 'h-a': 'restricted' }))('registries.testLogin', input)),
    ).toBe(undefined);
  });

  it('session calls are judged by the session host and its current policy', () => {
    const policies: Record<string, HostPolicy> = { 'h-a': 'full' };
    const sessions = new SessionHosts();
    const ended: string[] = [];
    sessions.bind('s-0123456789abcdef', {
      hostId: 'h-a',
      access: 'exec',
      end: (r) => ended.push(r.message),
    });
    const guard = createPolicyGuard(hostsWith(policies), { sessionHostOf: (id) => sessions.hostOf(id) });
    const input = { sessionId: 's-0123456789abcdef', data: 'ls\r' };
    expect(refusal(() => guard('exec.input', input))).toBe(undefined);
    const snap = (p: HostPolicy): HostsSnapshot => ({
      hosts: [
        {
          id: 'h-a',
          name: 'A',
          color: '#000000',
          endpoint: { kind: 'socket', socketPath: '/x' },
          policy: p,
          production: false,
          labels: [],
        },
      ],
      statuses: {},
    });
    sessions.onHosts(snap('full'));
    policies['h-a'] = 'read-only';
    sessions.onHosts(snap('read-only'));
    expect(ended).toEqual(['Ended: A is now read-only, which does not allow shells and attaching.']);
    expect(refusal(() => guard('exec.input', input))?.code).toBe('PERMISSION_DENIED');
    expect(refusal(() => guard('exec.reopen', { sessionId: 's-0123456789abcdef' }))?.code).toBe(
      'PERMISSION_DENIED',
    );
    // Closing a tab is always possible.
    expect(refusal(() => guard('exec.close', { sessionId: 's-0123456789abcdef' }))).toBe(undefined);
  });

  it('the audit log records every host a call names', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-audit-'));
    try {
      const audit = new AuditLog(dir);
      const names: Record<string, string> = { 'h-a': 'alpha', 'h-b': 'beta' };
      audit.recordCall(
        'images.copy',
        { hostId: 'h-a', targetHostId: 'h-b', references: ['x'] },
        { ok: false, error: { code: 'PERMISSION_DENIED', message: 'no' } },
        { get: (id) => (names[id] ? { name: names[id] } : undefined) },
      );
      const [entry] = audit.list(1);
      expect(entry).toMatchObject({
        hostId: 'h-a',
        hostName: 'alpha',
        otherHosts: [{ field: 'targetHostId', hostId: 'h-b', hostName: 'beta' }],
      });
      expect(entry?.target).toContain('targetHostId=beta (h-b)');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('restricted: the body inspector', () => {
  const limits = { allowedBindPaths: ['/srv/data'] };

  it('names each violating field of a container body', () => {
    const body = {
      User: '0:0',
      HostConfig: {
        Binds: ['/:/host', 'named:/data', '/srv/data/x:/x'],
        Mounts: [
          { Type: 'bind', Source: '/srv/data/../../etc', Target: '/e' },
          {
            Type: 'volume',
            Source: 'v',
            Target: '/v',
            VolumeOptions: {
              DriverConfig: { Name: 'local', Options: { type: 'none', o: 'bind', device: '/root' } },
            },
          },
        ],
        Privileged: true,
        Devices: [{ PathOnHost: '/dev/sda' }],
        CapAdd: ['SYS_ADMIN'],
        NetworkMode: 'host',
        PidMode: 'host',
        IpcMode: 'container:other',
        UTSMode: 'host',
        SecurityOpt: ['seccomp=unconfined', 'no-new-privileges'],
        VolumesFrom: ['other'],
      },
    };
    expect(inspectContainerBody(body, limits).map((v) => v.path)).toEqual([
      'User',
      'HostConfig.Binds[0]',
      'HostConfig.Mounts[0].Source',
      'HostConfig.Mounts[1].VolumeOptions.DriverConfig.Options.device',
      'HostConfig.VolumesFrom',
      'HostConfig.Privileged',
      'HostConfig.Devices',
      'HostConfig.CapAdd',
      'HostConfig.NetworkMode',
      'HostConfig.PidMode',
      'HostConfig.IpcMode',
      'HostConfig.UTSMode',
      'HostConfig.SecurityOpt[0]',
    ]);
  });

  it('lets an ordinary container through', () => {
    const body = {
      User: '1000:1000',
      HostConfig: {
        Binds: ['named:/data', '/srv/data:/d:ro'],
        Mounts: [
          { Type: 'volume', Source: 'v', Target: '/v' },
          { Type: 'tmpfs', Target: '/t' },
        ],
        NetworkMode: 'bridge',
        SecurityOpt: ['no-new-privileges:true'],
      },
    };
    expect(inspectContainerBody(body, limits)).toEqual([]);
  });

  it('knows root in all its spellings and paths in theirs', () => {
    for (const u of ['0', 'root', '0:0', 'root:wheel', '00', '0:1000']) expect(isRootUser(u), u).toBe(true);
    for (const u of ['1000', 'app', '1000:0', 'rooter']) expect(isRootUser(u), u).toBe(false);
    expect(bindAllowed('/srv/data', ['/srv/data'])).toBe(true);
    expect(bindAllowed('/srv/data/a/../b', ['/srv/data/'])).toBe(true);
    expect(bindAllowed('/srv/database', ['/srv/data'])).toBe(false);
    expect(bindAllowed('/srv/data/../../etc', ['/srv/data'])).toBe(false);
    expect(bindAllowed('/etc', ['/'])).toBe(false);
  });

  it('judges a swarm service spec the same way', () => {
    const spec = {
      Name: 's',
      TaskTemplate: {
        ContainerSpec: {
          Image: 'busybox',
          User: 'root',
          Mounts: [{ Type: 'bind', Source: '/var/run/docker.sock', Target: '/s' }],
          CapabilityAdd: ['NET_ADMIN'],
          Privileges: { Seccomp: { Mode: 'unconfined' } },
        },
        Networks: [{ Target: 'host' }],
      },
    };
    expect(inspectServiceSpec(spec, limits).map((v) => v.path)).toEqual([
      'TaskTemplate.ContainerSpec.User',
      'TaskTemplate.ContainerSpec.Mounts[0].Source',
      'TaskTemplate.ContainerSpec.CapabilityAdd',
      'TaskTemplate.ContainerSpec.Privileges.Seccomp',
      'TaskTemplate.Networks[0]',
    ]);
    expect(inspectServiceSpec({ TaskTemplate: { PluginSpec: {} } }, limits)[0]?.path).toBe(
      'TaskTemplate.PluginSpec',
    );
  });

  it('the guard refuses a restricted run spec naming the field and the policy; full and allowed pass', () => {
    const guard = createPolicyGuard(hostsWith({ 'h-a': 'restricted', 'h-f': 'full' }, ['/srv/data']));
    const bad = {
      hostId: 'h-a',
      start: false,
      spec: run({
        user: '0',
        network: 'host',
        mounts: [{ type: 'bind', source: '/', target: '/h', readOnly: false }],
      }),
    };
    const err = refusal(() => guard('containers.create', bad));
    expect(err?.code).toBe('PERMISSION_DENIED');
    expect(err?.message).toMatch(/H-A \(restricted\) refuses this: User: running as 0 \(root\)/);
    expect(err?.message).toMatch(/HostConfig\.Mounts\[0\]\.Source: bind mount of \/ is outside/);
    expect(err?.message).toMatch(/HostConfig\.NetworkMode/);
    expect(err?.data).toMatchObject({ policy: 'restricted', field: 'User' });
    expect(refusal(() => guard('containers.recreate', { ...bad, id: 'x' }))?.code).toBe('PERMISSION_DENIED');
    expect(refusal(() => guard('containers.create', { ...bad, hostId: 'h-f' }))).toBe(undefined);
    const ok = {
      hostId: 'h-a',
      start: false,
      spec: run({ mounts: [{ type: 'bind', source: '/srv/data/x', target: '/x', readOnly: true }] }),
    };
    expect(refusal(() => guard('containers.create', ok))).toBe(undefined);
    const svc = contract.swarm.serviceCreate.input.parse({
      hostId: 'h-a',
      spec: { name: 'svc', image: 'busybox', mounts: [{ type: 'bind', source: '/etc', target: '/e' }] },
    });
    expect(refusal(() => guard('swarm.serviceCreate', svc))?.message).toMatch(
      /ContainerSpec\.Mounts\[0\]\.Source/,
    );
  });
});

describe('registry consent belongs to an endpoint', () => {
  it('editing the address voids the consent; an unconfirmed socket is not local', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-consent-'));
    try {
      let endpoint = 'tcp:10.0.0.5:2375';
      const svc = new RegistryService(dir, fileKeySecretBox(dir), (id) =>
        id === 'h-b' ? endpoint : undefined,
      );
      const view = await svc.add({
        address: 'reg.example',
        username: 'u',
        secret: 's',
        secretKind: 'password',
      });
      const target = () => ({ hostId: 'h-b', hostName: 'B', endpoint, local: false });
      await svc.allowHost(view.id, target(), true);
      expect((await svc.view(view.id)).allowedHosts).toEqual(['h-b']);
      await expect(svc.checkConsent('reg.example/a:1', target())).resolves.toBeUndefined();
      endpoint = 'tcp:10.6.6.6:2375';
      expect((await svc.view(view.id)).allowedHosts).toEqual([]);
      await expect(svc.checkConsent('reg.example/a:1', target())).rejects.toMatchObject({
        code: 'PERMISSION_DENIED',
      });

      const hostsOf = (e: unknown) =>
        ({ hosts: { get: () => ({ name: 'S', endpoint: e }) } }) as unknown as AppContext;
      expect(credentialTarget(hostsOf({ kind: 'socket', socketPath: '/tmp/fwd.sock' }), 'h-s').local).toBe(
        false,
      );
      expect(
        credentialTarget(
          hostsOf({ kind: 'socket', socketPath: '/var/run/docker.sock', localEngine: true }),
          'h-s',
        ).local,
      ).toBe(true);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
