import type Docker from 'dockerode';
import {
  type AppErrorShape,
  type ContainerUpdateStatus,
  type HostUpdateStatus,
  type UpdatesSnapshot,
} from '@shared/contract';
import { toAppError } from '../../errors/to-app-error';
import type { AuthConfig } from '../../engine/request';
import { distributionDigest, type DistributionAnswer } from './distribution';
import { scanHost, tagHasDigest, type RemoteQuestion } from './host-check';
import { eachLimited } from './limit';
import { totalsOf } from './update-totals';

export interface UpdateCheckerDeps {
  docker(hostId: string): Promise<Docker>;
  /** X-Registry-Auth for a registry on a host; throws PERMISSION_DENIED without the user's consent. */
  authFor(registry: string, hostId: string): Promise<AuthConfig>;
  /** How long a registry answer is reused (ms). */
  cacheMs(): number;
  now?(): number;
}

/** Distribution calls in flight per host: registries and engines are not hammered. */
const PER_HOST_CALLS = 4;

interface RemoteEntry {
  answer: DistributionAnswer;
  at: number;
}

/**
 * Update checks for every host: one distribution call per distinct image reference and host,
 * cached; a registry that asked to wait (429) is left alone until then. Keeps the last state of
 * every container and tells listeners when it changes.
 */
export class UpdateChecker {
  private readonly containers = new Map<string, ContainerUpdateStatus[]>();
  private readonly hostInfo = new Map<
    string,
    { checking: boolean; checkedAt?: number; error?: AppErrorShape }
  >();
  private readonly remote = new Map<string, RemoteEntry>();
  /** Registry → epoch ms until which it must not be asked. */
  private readonly rateLimited = new Map<string, number>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly listeners = new Set<(s: UpdatesSnapshot, changed: ContainerUpdateStatus[]) => void>();
  private calls = 0;
  lastCheckCalls = 0;
  nextCheckAt: number | undefined;

  constructor(private readonly deps: UpdateCheckerDeps) {}

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  /**
   * Checks these hosts (concurrently). `join`: a host being checked already is not checked again
   * (schedule, after an update); otherwise the new check runs after it, so it sees the host as it
   * is now (a container created meanwhile is in it).
   */
  async check(
    hostIds: readonly string[],
    force: boolean,
    signal: AbortSignal,
    join = false,
  ): Promise<UpdatesSnapshot> {
    const before = this.calls;
    await Promise.all(
      hostIds.map((h) => {
        const inFlight = this.running.get(h);
        if (inFlight && join) return inFlight;
        const p: Promise<void> = (inFlight ?? Promise.resolve())
          .then(() => this.checkHost(h, force, signal))
          .finally(() => {
            if (this.running.get(h) === p) this.running.delete(h);
          });
        this.running.set(h, p);
        return p;
      }),
    );
    this.lastCheckCalls = this.calls - before;
    this.publish([]);
    return this.snapshot();
  }

  private async checkHost(hostId: string, force: boolean, signal: AbortSignal): Promise<void> {
    const info = this.hostInfo.get(hostId) ?? { checking: false };
    info.checking = true;
    this.hostInfo.set(hostId, info);
    this.publish([]);
    try {
      const docker = await this.deps.docker(hostId);
      const scan = await scanHost(docker, hostId, signal);
      const answers = new Map<string, DistributionAnswer>();
      await eachLimited([...scan.questions.values()], PER_HOST_CALLS, async (q) => {
        answers.set(q.reference, await this.ask(docker, hostId, q, force, signal));
      });
      const now = this.now();
      await Promise.all(
        scan.pending.map(async ({ index, question, localDigests }) => {
          const status = scan.statuses[index] as ContainerUpdateStatus;
          const answer = answers.get(question.reference);
          if (!answer) return;
          const entry = this.remote.get(`${hostId}|${question.reference}`);
          status.checkedAt = entry?.at ?? now;
          if (!answer.ok) {
            status.error = answer.error;
            if (answer.rateLimitedMs !== undefined) {
              status.state = 'rate-limited';
              status.retryAt = this.rateLimited.get(question.registry) ?? now + answer.rateLimitedMs;
            } else status.state = 'unknown';
            return;
          }
          status.remoteDigest = answer.digest;
          if (localDigests.includes(answer.digest)) status.state = 'up-to-date';
          else if (await tagHasDigest(docker, question.reference, question.name, answer.digest, signal))
            status.state = 'newer-pulled';
          else status.state = 'update-available';
        }),
      );
      const changed = this.changedFrom(this.containers.get(hostId) ?? [], scan.statuses);
      this.containers.set(hostId, scan.statuses);
      delete info.error;
      info.checkedAt = this.now();
      info.checking = false;
      this.publish(changed);
    } catch (e) {
      info.checking = false;
      info.error = toAppError(e);
      this.publish([]);
    }
  }

  /** The registry's digest for one reference on one host: cached, rate-limit aware, with consent. */
  private async ask(
    docker: Docker,
    hostId: string,
    q: RemoteQuestion,
    force: boolean,
    signal: AbortSignal,
  ): Promise<DistributionAnswer> {
    const key = `${hostId}|${q.reference}`;
    const now = this.now();
    const cached = this.remote.get(key);
    if (cached && !force && cached.answer.ok && now - cached.at < this.deps.cacheMs()) return cached.answer;
    const waitUntil = this.rateLimited.get(q.registry);
    if (waitUntil !== undefined && now < waitUntil) {
      const secs = Math.ceil((waitUntil - now) / 1000);
      return {
        ok: false,
        rateLimitedMs: waitUntil - now,
        error: {
          code: 'ENGINE_ERROR',
          message: `${q.registry} asked to wait: not asked again for ${secs} s.`,
        },
      };
    }
    let auth: AuthConfig;
    try {
      auth = await this.deps.authFor(q.registry, hostId);
    } catch (e) {
      // A stored login this host may not receive: no call is made (not even without it).
      return { ok: false, error: toAppError(e) };
    }
    this.calls++;
    const answer = await distributionDigest(docker, q.reference, auth, signal);
    if (!answer.ok && answer.rateLimitedMs !== undefined)
      this.rateLimited.set(q.registry, now + answer.rateLimitedMs);
    this.remote.set(key, { answer, at: now });
    return answer;
  }

  private changedFrom(prev: ContainerUpdateStatus[], next: ContainerUpdateStatus[]): ContainerUpdateStatus[] {
    const old = new Map(prev.map((s) => [s.containerId, s]));
    return next.filter((s) => {
      const o = old.get(s.containerId);
      return !o || o.state !== s.state || o.remoteDigest !== s.remoteDigest;
    });
  }

  /** Forgets a host (removed). */
  forget(hostId: string): void {
    this.containers.delete(hostId);
    this.hostInfo.delete(hostId);
    for (const k of [...this.remote.keys()]) if (k.startsWith(`${hostId}|`)) this.remote.delete(k);
    this.publish([]);
  }

  /** The last known state of one container. */
  statusOf(hostId: string, containerId: string): ContainerUpdateStatus | undefined {
    return this.containers.get(hostId)?.find((s) => s.containerId === containerId);
  }

  snapshot(): UpdatesSnapshot {
    const containers = [...this.containers.values()].flat();
    const hostIds = new Set([...this.containers.keys(), ...this.hostInfo.keys()]);
    const hosts: HostUpdateStatus[] = [...hostIds].map((hostId) => {
      const info = this.hostInfo.get(hostId);
      const h: HostUpdateStatus = {
        hostId,
        totals: totalsOf(this.containers.get(hostId) ?? []),
        checking: info?.checking ?? false,
      };
      if (info?.checkedAt !== undefined) h.checkedAt = info.checkedAt;
      if (info?.error) h.error = info.error;
      return h;
    });
    const snap: UpdatesSnapshot = {
      at: this.now(),
      containers,
      hosts,
      totals: totalsOf(containers),
      lastCheckCalls: this.lastCheckCalls,
    };
    if (this.nextCheckAt !== undefined) snap.nextCheckAt = this.nextCheckAt;
    return snap;
  }

  /** `changed`: containers whose state or registry digest changed in this step (for alerts). */
  subscribe(fn: (s: UpdatesSnapshot, changed: ContainerUpdateStatus[]) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  publish(changed: ContainerUpdateStatus[]): void {
    if (this.listeners.size === 0) return;
    const snap = this.snapshot();
    for (const l of this.listeners) l(snap, changed);
  }
}
