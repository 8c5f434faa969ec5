import type { EngineEvent } from '@shared/contract';
import type { NewAlert } from './alert-store';

export interface ContainerRuleSettings {
  restartCount: number;
  restartMinutes: number;
}

export interface ContainerRuleSink {
  raise(alert: NewAlert): void;
  resolve(key: string, at: number): void;
}

/** A die is held this long: a user's stop (kill, die, stop) or an OOM it belongs to shows up by then. */
export const DIE_HOLD_MS = 500;
/** A die this soon after an 'oom' event of the same container is that OOM, not a second alert. */
const OOM_DIE_MS = 10_000;

interface PerContainer {
  starts: number[];
  oomAt?: number;
  heldDie?: ReturnType<typeof setTimeout>;
}

const nameOf = (e: EngineEvent) => e.name ?? e.attributes.name ?? e.id.slice(0, 12);

/**
 * Turns container events into alerts: a non-zero exit (not asked for by a stop), an OOM kill, an
 * unhealthy healthcheck, a restart loop. Pure event logic: no engine calls.
 */
export class ContainerRules {
  private readonly state = new Map<string, PerContainer>();

  constructor(
    private readonly sink: ContainerRuleSink,
    private readonly settings: () => ContainerRuleSettings,
  ) {}

  private of(e: EngineEvent): PerContainer {
    const k = `${e.hostId}|${e.id}`;
    let s = this.state.get(k);
    if (!s) {
      s = { starts: [] };
      this.state.set(k, s);
    }
    return s;
  }

  private base(e: EngineEvent) {
    return { hostId: e.hostId, containerId: e.id, subject: nameOf(e), at: e.time };
  }

  handle(e: EngineEvent): void {
    if (e.type !== 'container') return;
    const s = this.of(e);
    const key = (rule: string) => `${rule}|${e.hostId}|${e.id}`;
    switch (e.action) {
      case 'oom':
        s.oomAt = e.time;
        this.sink.raise({
          ...this.base(e),
          key: key('oom'),
          rule: 'oom',
          message: `${nameOf(e)} was killed: out of memory.`,
        });
        return;
      case 'die': {
        const code = Number(e.attributes.exitCode ?? '0');
        if (!code) return;
        if (s.oomAt !== undefined && e.time - s.oomAt < OOM_DIE_MS) return;
        clearTimeout(s.heldDie);
        s.heldDie = setTimeout(() => {
          s.heldDie = undefined;
          this.sink.raise({
            ...this.base(e),
            key: key('exit'),
            rule: 'exit',
            message: `${nameOf(e)} exited with code ${code}.`,
            detail: { exitCode: code },
          });
        }, DIE_HOLD_MS);
        return;
      }
      case 'stop':
        // A stop the user asked for ends with a non-zero exit too (SIGTERM/SIGKILL): not an alert.
        clearTimeout(s.heldDie);
        s.heldDie = undefined;
        return;
      case 'start': {
        const { restartCount, restartMinutes } = this.settings();
        const since = e.time - restartMinutes * 60_000;
        s.starts = [...s.starts.filter((t) => t >= since), e.time];
        // The first start is not a restart.
        const restarts = s.starts.length - 1;
        if (restarts > restartCount) {
          this.sink.raise({
            ...this.base(e),
            key: key('restart-loop'),
            rule: 'restart-loop',
            message: `${nameOf(e)} restarted ${restarts} times in ${restartMinutes} min.`,
            detail: { restarts, minutes: restartMinutes },
          });
        }
        return;
      }
      case 'destroy':
        clearTimeout(s.heldDie);
        this.state.delete(`${e.hostId}|${e.id}`);
        return;
      default:
        if (e.action.startsWith('health_status')) {
          const status = e.action.slice('health_status'.length).replace(/^:\s*/, '').trim();
          if (status === 'unhealthy') {
            this.sink.raise({
              ...this.base(e),
              key: key('unhealthy'),
              rule: 'unhealthy',
              message: `${nameOf(e)} is unhealthy: its healthcheck fails.`,
            });
          } else if (status === 'healthy') this.sink.resolve(key('unhealthy'), e.time);
        }
    }
  }

  dispose(): void {
    for (const s of this.state.values()) clearTimeout(s.heldDie);
    this.state.clear();
  }
}
