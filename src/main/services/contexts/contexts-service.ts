import {
  AppError,
  type ContextExportResult,
  type ContextsImportResult,
  type DockerContextView,
  type DockerContextsList,
  type HostView,
} from '@shared/contract';
import { endpointFromEnvironment } from '../hosts/docker-env';
import { HOST_COLORS, type HostService } from '../hosts/host-service';
import { contextToEndpoint, endpointKey, endpointToContext, type Mapped } from './context-mapping';
import {
  ContextExistsError,
  dockerConfigDir,
  readContexts,
  readCurrentContext,
  writeContext,
  type StoredContext,
} from './context-store';

export interface ContextsServiceOptions {
  hosts: Pick<HostService, 'list' | 'add' | 'get'>;
  env: NodeJS.ProcessEnv;
  homeDir: string;
}

/** The CLI's selection order: DOCKER_HOST forces "default", then DOCKER_CONTEXT, then config.json. */
export function currentContextName(env: NodeJS.ProcessEnv, fromConfig: string | undefined): string {
  if (env.DOCKER_HOST) return 'default';
  return env.DOCKER_CONTEXT || fromConfig || 'default';
}

interface Candidate {
  ctx: StoredContext;
  mapped: Mapped;
}

/** Reads the Docker CLI's contexts, imports them as hosts, and writes hosts back as contexts. */
export class ContextsService {
  constructor(private readonly opts: ContextsServiceOptions) {}

  get configDir(): string {
    return dockerConfigDir(this.opts.env, this.opts.homeDir);
  }

  /** "default" is synthetic in the CLI (no meta.json): DOCKER_HOST or the local socket. */
  private async defaultContext(): Promise<Candidate> {
    const ctx: StoredContext = {
      name: 'default',
      description: 'Current DOCKER_HOST based configuration',
      host: this.opts.env.DOCKER_HOST || 'unix:///var/run/docker.sock',
      skipTlsVerify: false,
      tls: {},
    };
    try {
      const endpoint = await endpointFromEnvironment(this.opts.env, this.opts.homeDir);
      const mapped = contextToEndpoint(ctx, { sshAgent: Boolean(this.opts.env.SSH_AUTH_SOCK) });
      const summary = endpoint.kind === 'tls' ? `${ctx.host ?? ''} (TLS)` : mapped.summary;
      return { ctx, mapped: { ok: true, endpoint, kind: endpoint.kind, summary } };
    } catch (e) {
      return {
        ctx,
        mapped: { ok: false, kind: 'unknown', summary: ctx.host ?? '', reason: `${(e as Error).message}.` },
      };
    }
  }

  private async candidates(): Promise<Candidate[]> {
    const sshAgent = Boolean(this.opts.env.SSH_AUTH_SOCK);
    const stored = await readContexts(this.configDir);
    return [
      await this.defaultContext(),
      ...stored
        .filter((c) => c.name !== 'default')
        .map((ctx) => ({ ctx, mapped: contextToEndpoint(ctx, { sshAgent }) })),
    ];
  }

  async list(): Promise<DockerContextsList> {
    const current = currentContextName(this.opts.env, await readCurrentContext(this.configDir));
    const existing = new Set(this.opts.hosts.list().map((h) => endpointKey(h.endpoint)));
    const contexts = (await this.candidates()).map(({ ctx, mapped }): DockerContextView => {
      const view: DockerContextView = {
        name: ctx.name,
        description: ctx.description,
        endpoint: mapped.summary,
        kind: mapped.kind,
        current: ctx.name === current,
        importable: mapped.ok,
        imported: mapped.ok && existing.has(endpointKey(mapped.endpoint)),
      };
      if (!mapped.ok) view.reason = mapped.reason;
      return view;
    });
    return { configDir: this.configDir, contexts };
  }

  async import(names: string[]): Promise<ContextsImportResult> {
    const byName = new Map((await this.candidates()).map((c) => [c.ctx.name, c]));
    const result: ContextsImportResult = { added: [], skipped: [] };
    const existing = new Set(this.opts.hosts.list().map((h) => endpointKey(h.endpoint)));
    let color = this.opts.hosts.list().length;
    for (const name of names) {
      const c = byName.get(name);
      if (!c) {
        result.skipped.push({ name, reason: 'There is no Docker context with this name.' });
        continue;
      }
      if (!c.mapped.ok) {
        result.skipped.push({ name, reason: c.mapped.reason });
        continue;
      }
      const key = endpointKey(c.mapped.endpoint);
      if (existing.has(key)) {
        result.skipped.push({ name, reason: 'A host with this endpoint already exists.' });
        continue;
      }
      const host: HostView = await this.opts.hosts.add({
        name,
        color: HOST_COLORS[color++ % HOST_COLORS.length] as string,
        endpoint: c.mapped.endpoint,
        policy: 'full',
        production: false,
        labels: [],
        allowedBindPaths: [],
      });
      existing.add(key);
      result.added.push(host);
    }
    return result;
  }

  async export(hostId: string, name: string, confirmKeyExport = false): Promise<ContextExportResult> {
    const host = this.opts.hosts.get(hostId);
    if (!host) throw new AppError({ code: 'NOT_FOUND', message: `No host with id ${hostId}.` });
    // The CLI knows no policy: a limited host's key in clear there is full access, so ask first.
    if (host.policy !== 'full' && host.endpoint.kind === 'tls' && host.endpoint.key && !confirmKeyExport) {
      throw new AppError({
        code: 'PERMISSION_DENIED',
        message:
          `${host.name} is ${host.policy} here, but the context would hold its TLS client key in clear: ` +
          'anyone who can read ~/.docker/contexts gets the full Docker API of this host, with no policy.',
        data: { confirmKeyExport: true, policy: host.policy, hostId },
      });
    }
    if (name === 'default') {
      throw new AppError({
        code: 'CONFLICT',
        message: '"default" is reserved by the docker CLI; choose another name.',
      });
    }
    const { ctx, note } = endpointToContext(name, `Exported from Berthmaster (${host.name})`, host.endpoint);
    try {
      const metaPath = await writeContext(this.configDir, ctx);
      return note ? { name, metaPath, note } : { name, metaPath };
    } catch (e) {
      if (e instanceof ContextExistsError) {
        throw new AppError({
          code: 'CONFLICT',
          message: `${e.message} Choose another name, or remove it with: docker context rm ${name}`,
        });
      }
      throw e;
    }
  }
}
