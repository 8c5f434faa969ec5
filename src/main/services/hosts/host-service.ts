import { ApiLogBook } from '../../engine/request-log/api-log-book';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  AppError,
  type ConnectionLogEntry,
  type DiscoveredEngine,
  type EngineInfo,
  type Endpoint,
  type HostInput,
  type HostPolicy,
  type HostsSnapshot,
  type HostView,
} from '@shared/contract';
import type { SecretBox } from '../../security/secret-box';
import { ConfigStore, CONFIG_VERSION, type ConfigFile, type StoredHost } from './config-store';
import { openEngineClient, readEngineInfo, type EngineClient, type EngineClientDeps } from './engine-client';
import { HostConnection } from './host-connection';
import { mergeSecrets, toHostView } from './host-view';
import { knownHostsName } from './known-hosts';
import { defaultEngineSocket } from './local-engine-candidates';
import { discoverLocalEngines } from './local-engine-discovery';

export const HOST_COLORS = [
  '#3b82f6',
  '#10b981',
  '#f59e0b',
  '#ef4444',
  '#8b5cf6',
  '#ec4899',
  '#14b8a6',
  '#64748b',
];

export interface HostServiceOptions {
  configDir: string;
  env: NodeJS.ProcessEnv;
  homeDir?: string;
  /** The OS whose engine locations apply (tests pass another); process.platform by default. */
  platform?: NodeJS.Platform;
  log: { info(msg: string): void; error(msg: string, detail?: unknown): void };
  /** Seals TLS keys, SSH keys and passphrases in the config file. */
  secrets?: SecretBox;
  /**
   * Chooses the first host on first run (the app passes the Docker CLI's rules from contexts/);
   * without it, the local socket.
   */
  firstHost?(env: NodeJS.ProcessEnv, homeDir: string, platform: NodeJS.Platform): Promise<FirstHost>;
}

export interface FirstHost {
  name: string;
  endpoint: Endpoint;
  /** Set when the environment asked for something that could not be used. */
  warning?: string;
}

function newHostId(): string {
  return `h-${randomBytes(5).toString('hex')}`;
}

/** Host CRUD, persistence and one live connection per host. */
export class HostService {
  private store: ConfigStore;
  private config: ConfigFile = { version: CONFIG_VERSION, hosts: [], knownHosts: [] };
  private connections = new Map<string, HostConnection>();
  private listeners = new Set<(s: HostsSnapshot) => void>();
  private notice: string | undefined;
  private userKnownHosts: string[] = [];
  private readonly home: string;
  /** Every engine request per host (memory only). */
  readonly apiLog = new ApiLogBook();

  constructor(private readonly opts: HostServiceOptions) {
    this.store = new ConfigStore(opts.configDir, opts.secrets);
    this.home = opts.homeDir ?? os.homedir();
  }

  async init(): Promise<void> {
    const loaded = await this.store.load();
    if (loaded.problem) {
      this.notice = loaded.problem.message;
      this.opts.log.error(loaded.problem.message);
    }
    if (loaded.config) {
      this.config = loaded.config;
    } else {
      const platform = this.opts.platform ?? process.platform;
      const first: FirstHost = this.opts.firstHost
        ? await this.opts.firstHost(this.opts.env, this.home, platform)
        : { name: 'local', endpoint: { kind: 'socket', socketPath: defaultEngineSocket(platform) } };
      if (first.warning) this.opts.log.error(first.warning);
      const endpoint = first.endpoint;
      this.config.hosts = [
        {
          id: newHostId(),
          name: first.name,
          color: HOST_COLORS[0] as string,
          endpoint,
          policy: 'full',
          production: false,
          labels: [],
          allowedBindPaths: [],
        },
      ];
      await this.store.save(this.config);
    }
    await this.reloadUserKnownHosts();
    for (const h of this.config.hosts) this.startConnection(h);
  }

  private async reloadUserKnownHosts() {
    try {
      const text = await fs.readFile(path.join(this.home, '.ssh', 'known_hosts'), 'utf8');
      this.userKnownHosts = text.split(/\r?\n/);
    } catch {
      this.userKnownHosts = [];
    }
  }

  private deps(hostId?: string): EngineClientDeps {
    const deps: EngineClientDeps = {
      homeDir: this.home,
      knownHosts: () => [...this.userKnownHosts, ...this.config.knownHosts],
    };
    if (hostId) deps.recorder = { hostId, sink: this.apiLog.sinkFor(hostId) };
    if (this.opts.env.SSH_AUTH_SOCK) deps.sshAuthSock = this.opts.env.SSH_AUTH_SOCK;
    return deps;
  }

  private startConnection(h: StoredHost) {
    const conn = new HostConnection(
      () => this.find(h.id)?.name ?? h.name,
      h.endpoint,
      this.deps(h.id),
      () => this.emit(),
    );
    this.connections.set(h.id, conn);
    conn.start();
  }

  private find(id: string): StoredHost | undefined {
    return this.config.hosts.find((h) => h.id === id);
  }

  private require(id: string): StoredHost {
    const h = this.find(id);
    if (!h) throw new AppError({ code: 'NOT_FOUND', message: `No host with id ${id}.` });
    return h;
  }

  snapshot(): HostsSnapshot {
    const statuses: HostsSnapshot['statuses'] = {};
    for (const h of this.config.hosts) {
      const c = this.connections.get(h.id);
      if (c) statuses[h.id] = c.getStatus();
    }
    const snap: HostsSnapshot = { hosts: this.list(), statuses };
    if (this.notice) snap.notice = this.notice;
    return snap;
  }

  watch(listener: (s: HostsSnapshot) => void): () => void {
    this.listeners.add(listener);
    listener(this.snapshot());
    return () => this.listeners.delete(listener);
  }

  /** Live watchers: tests use it to prove that streams are cleaned up. */
  watcherCount(): number {
    return this.listeners.size;
  }

  private emit() {
    if (this.listeners.size === 0) return;
    const snap = this.snapshot();
    for (const l of this.listeners) l(snap);
  }

  list(): HostView[] {
    return this.config.hosts.map(toHostView);
  }

  private async persist(next: ConfigFile) {
    await this.store.save(next);
    this.config = next;
  }

  async add(input: HostInput): Promise<HostView> {
    const host: StoredHost = { id: newHostId(), ...input };
    await this.persist({ ...this.config, hosts: [...this.config.hosts, host] });
    this.startConnection(host);
    this.emit();
    return toHostView(host);
  }

  async update(patch: {
    id: string;
    name?: string;
    color?: string;
    endpoint?: Endpoint;
    policy?: HostPolicy;
    production?: boolean;
    labels?: string[];
    allowedBindPaths?: string[];
  }): Promise<HostView> {
    const prev = this.require(patch.id);
    const next: StoredHost = {
      ...prev,
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.color !== undefined ? { color: patch.color } : {}),
      ...(patch.policy !== undefined ? { policy: patch.policy } : {}),
      ...(patch.production !== undefined ? { production: patch.production } : {}),
      ...(patch.labels !== undefined ? { labels: patch.labels } : {}),
      ...(patch.allowedBindPaths !== undefined ? { allowedBindPaths: patch.allowedBindPaths } : {}),
      ...(patch.endpoint !== undefined ? { endpoint: mergeSecrets(patch.endpoint, prev.endpoint) } : {}),
    };
    await this.persist({
      ...this.config,
      hosts: this.config.hosts.map((h) => (h.id === next.id ? next : h)),
    });
    if (patch.endpoint !== undefined) this.connections.get(next.id)?.setEndpoint(next.endpoint);
    this.emit();
    return toHostView(next);
  }

  async remove(id: string): Promise<void> {
    this.require(id);
    await this.persist({ ...this.config, hosts: this.config.hosts.filter((h) => h.id !== id) });
    this.connections.get(id)?.dispose();
    this.connections.delete(id);
    this.apiLog.forget(id);
    this.emit();
  }

  async reorder(ids: string[]): Promise<HostView[]> {
    const current = new Set(this.config.hosts.map((h) => h.id));
    if (
      ids.length !== current.size ||
      !ids.every((id) => current.has(id)) ||
      new Set(ids).size !== ids.length
    ) {
      throw new AppError({
        code: 'INVALID_INPUT',
        message: 'The new order must list every host exactly once.',
      });
    }
    const byId = new Map(this.config.hosts.map((h) => [h.id, h]));
    await this.persist({ ...this.config, hosts: ids.map((id) => byId.get(id) as StoredHost) });
    this.emit();
    return this.list();
  }

  /** Probes an endpoint without saving it; a fresh client, closed afterwards. */
  async test(endpoint: Endpoint, id: string | undefined, signal: AbortSignal): Promise<EngineInfo> {
    const effective = id ? mergeSecrets(endpoint, this.find(id)?.endpoint) : endpoint;
    await this.reloadUserKnownHosts();
    const client = await openEngineClient(effective, this.deps(), signal);
    try {
      return await readEngineInfo(client, signal);
    } finally {
      client.close();
    }
  }

  async trustHostKey(host: string, port: number, keyType: string, key: string): Promise<void> {
    const line = `${knownHostsName(host, port)} ${keyType} ${key}`;
    if (!this.config.knownHosts.includes(line)) {
      await this.persist({ ...this.config, knownHosts: [...this.config.knownHosts, line] });
    }
    for (const h of this.config.hosts) {
      const c = this.connections.get(h.id);
      if (c?.getStatus().error?.code === 'SSH_HOST_KEY_UNKNOWN') c.reconnect();
    }
  }

  /** Checks a host's engine now instead of at the next heartbeat (e.g. its events stream broke). */
  checkNow(id: string): void {
    this.connections.get(id)?.checkNow();
  }

  /** Keeps a host's heartbeat going while something interactive uses it; call the result to release. */
  hold(id: string): () => void {
    return this.connections.get(id)?.hold() ?? (() => undefined);
  }

  reconnect(id: string): void {
    this.require(id);
    this.connections.get(id)?.reconnect();
  }

  connectionLog(id: string): ConnectionLogEntry[] {
    this.require(id);
    return this.connections.get(id)?.log.list() ?? [];
  }

  /** Local engines that answer on this machine, those already added marked with their host's name. */
  discoverLocal(signal?: AbortSignal): Promise<DiscoveredEngine[]> {
    return discoverLocalEngines({
      platform: this.opts.platform ?? process.platform,
      env: this.opts.env,
      home: this.home,
      hosts: this.list(),
      ...(signal ? { signal } : {}),
    });
  }

  /** A host's stored settings (policy, production flag): for the dispatcher's checks. */
  get(id: string): StoredHost | undefined {
    return this.find(id);
  }

  /** The live engine client of a host, for the resource services. */
  client(id: string): Promise<EngineClient> {
    this.require(id);
    const c = this.connections.get(id);
    if (!c) throw new AppError({ code: 'INTERNAL', message: `Host ${id} has no connection.` });
    return c.getClient();
  }

  dispose(): void {
    for (const c of this.connections.values()) c.dispose();
    this.connections.clear();
    this.listeners.clear();
  }
}
