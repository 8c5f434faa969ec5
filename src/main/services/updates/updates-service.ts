import type Docker from 'dockerode';
import { AppError, type UpdatePlan, type UpdateTarget, type UpdatesApplyResult } from '@shared/contract';
import { policyAllows } from '@shared/policy/method-access';
import type { AppContext } from '../../app/app-context';
import { fleetSettingsFor } from '../fleet-settings/fleet-settings-for';
import { credentialTarget, registriesFor } from '../registries/registries-for';
import { tasksFor } from '../tasks/tasks-for';
import { runSafeUpdate, type SafeUpdateDeps } from './safe-update';
import { UpdateChecker } from './update-checker';
import { planUpdate, unplannable } from './update-plan';
import { UpdateSchedule } from './update-schedule';
import { perContext } from '../../app/per-context';

const PROJECT_LABEL = 'com.docker.compose.project';

/** Update checks (on demand and scheduled) and safe updates, for every host of one backend. */
export class UpdatesService {
  readonly checker: UpdateChecker;
  private readonly schedule: UpdateSchedule;
  private readonly life = new AbortController();

  constructor(private readonly ctx: AppContext) {
    const settings = fleetSettingsFor(ctx);
    this.checker = new UpdateChecker({
      docker: async (hostId) => (await ctx.hosts.client(hostId)).docker,
      authFor: async (registry, hostId) =>
        (await registriesFor(ctx).authFor(registry, credentialTarget(ctx, hostId))).auth,
      cacheMs: () => settings.current.updates.cacheMinutes * 60_000,
    });
    this.schedule = new UpdateSchedule(
      () => this.checker.check(this.connectedHosts(), false, this.life.signal, true),
      (nextAt) => {
        this.checker.nextCheckAt = nextAt;
        this.checker.publish([]);
      },
    );
    const apply = () => this.schedule.set(settings.current.updates.checkEveryMinutes * 60_000);
    void settings.load().then(apply);
    const unsubscribe = settings.subscribe(apply);
    // A removed host's results go with it.
    const unwatch = ctx.hosts.watch((snap) => {
      const ids = new Set(snap.hosts.map((h) => h.id));
      for (const h of this.checker.snapshot().hosts) if (!ids.has(h.hostId)) this.checker.forget(h.hostId);
    });
    ctx.onDispose(() => {
      this.life.abort();
      this.schedule.stop();
      unsubscribe();
      unwatch();
    });
  }

  /** Connected hosts (idle or broken ones are not woken up by a check). */
  private connectedHosts(): string[] {
    const snap = this.ctx.hosts.snapshot();
    return snap.hosts.filter((h) => snap.statuses[h.id]?.state === 'connected').map((h) => h.id);
  }

  check(hostIds: string[] | undefined, force: boolean, signal: AbortSignal) {
    const known = new Set(this.ctx.hosts.list().map((h) => h.id));
    for (const id of hostIds ?? []) {
      if (!known.has(id)) throw new AppError({ code: 'NOT_FOUND', message: `No host with id ${id}.` });
    }
    return this.checker.check(hostIds ?? this.connectedHosts(), force, signal);
  }

  /** The containers a target names, host by host. */
  private async resolve(
    target: UpdateTarget,
    signal: AbortSignal,
  ): Promise<Array<{ hostId: string; id: string }>> {
    if (target.kind === 'containers') return target.items;
    const hostIds = target.hostIds ?? this.connectedHosts();
    const out: Array<{ hostId: string; id: string }> = [];
    for (const hostId of hostIds) {
      const { docker } = await this.ctx.hosts.client(hostId);
      const list = await docker.listContainers({
        all: true,
        filters: { label: [`${PROJECT_LABEL}=${target.project}`] },
        abortSignal: signal,
      } as Docker.ContainerListOptions);
      for (const c of list) out.push({ hostId, id: c.Id });
    }
    if (out.length === 0) {
      throw new AppError({
        code: 'NOT_FOUND',
        message: `No container of project ${target.project} was found.`,
      });
    }
    return out;
  }

  async preflight(target: UpdateTarget, signal: AbortSignal): Promise<UpdatePlan[]> {
    const items = await this.resolve(target, signal);
    return Promise.all(
      items.map(async ({ hostId, id }) => {
        const host = this.ctx.hosts.get(hostId);
        if (!host) return unplannable(hostId, id, `No host with id ${hostId}.`);
        const plan = await planUpdate((await this.ctx.hosts.client(hostId)).docker, hostId, id, signal);
        if (!policyAllows(host.policy, 'delete')) {
          return {
            ...plan,
            canUpdate: false,
            reason: `The policy of ${host.name} (${host.policy}) does not allow recreating containers.`,
          };
        }
        return plan;
      }),
    );
  }

  async apply(
    target: UpdateTarget,
    allowNoRollback: boolean,
    signal: AbortSignal,
  ): Promise<UpdatesApplyResult> {
    const plans = await this.preflight(target, signal);
    const refused = plans.filter((p) => !p.canUpdate || (!p.canRollBack && !allowNoRollback));
    const go = plans.filter((p) => !refused.includes(p));
    const settings = fleetSettingsFor(this.ctx).current.updates;
    const tasks = tasksFor(this.ctx);
    const deps: SafeUpdateDeps = {
      docker: async (hostId) => (await this.ctx.hosts.client(hostId)).docker,
      hostName: (hostId) => this.ctx.hosts.get(hostId)?.name ?? hostId,
      registries: registriesFor(this.ctx),
      credentialTarget: (hostId) => credentialTarget(this.ctx, hostId),
      tasks,
      health: () => ({
        graceMs: settings.graceSeconds * 1000,
        timeoutMs: settings.healthTimeoutSeconds * 1000,
      }),
      audit: (entry) => this.ctx.audit?.record(entry),
      onDone: (hostId) =>
        void this.checker.check([hostId], false, this.life.signal, true).catch(() => undefined),
    };
    const started = go.map((plan) => {
      const task = tasks.start(
        {
          kind: 'update',
          hostId: plan.hostId,
          title: `Update ${plan.name} (${plan.image})`,
          phase: 'Starting…',
        },
        (ctl) => runSafeUpdate(deps, plan, ctl),
      );
      return { hostId: plan.hostId, containerId: plan.containerId, name: plan.name, taskId: task.id };
    });
    return {
      started,
      refused: refused.map((p) =>
        p.canUpdate
          ? { ...p, reason: `${p.reason ?? ''} Confirm an update without rollback to go ahead.`.trim() }
          : p,
      ),
    };
  }
}

/** The one updates service of a backend (alerts listen to its checker). */
export const updatesFor = perContext((ctx) => new UpdatesService(ctx));
