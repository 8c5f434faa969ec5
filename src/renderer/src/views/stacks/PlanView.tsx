import type { StackPlan, StackServiceAction, StackServicePlan } from '@shared/contract';
import { plural } from '../../lib/plural';

const ACTION_TEXT: Record<StackServiceAction, string> = {
  create: 'Create',
  recreate: 'Recreate',
  unchanged: 'Unchanged',
  scale: 'Scale',
  start: 'Start',
  remove: 'Remove',
};

/** Compose runs containers; a swarm stack runs a service's replicas (tasks), placed by the swarm. */
function replicas(s: StackServicePlan, target: StackPlan['target']): string {
  const unit = target === 'swarm' ? 'replica' : 'container';
  return s.current === s.desired ? plural(s.desired, unit) : `${s.current} → ${s.desired} ${unit}s`;
}

/** What an apply would do, service by service, like a `terraform plan`. */
export function PlanView({ plan }: { plan: StackPlan }) {
  return (
    <div className="stack-plan">
      {plan.blockers.length > 0 && (
        <div className="stack-blockers" role="alert">
          <strong>{plural(plan.blockers.length, 'problem')} stop this deploy:</strong>
          <ul>
            {plan.blockers.map((b, i) => (
              <li key={i}>
                {b.service && <strong>{b.service}</strong>} <code>{b.field}</code> {b.message}
                {b.at && ` (line ${b.at.line})`}
              </li>
            ))}
          </ul>
        </div>
      )}
      {plan.noop && <p className="stack-plan-noop">The host already matches the file: nothing to change.</p>}
      <ul className="stack-plan-list" aria-label="Planned changes by service">
        {plan.services.map((s) => (
          <li key={s.service} className={`stack-plan-row action-${s.action}`}>
            <span className={`stack-action-badge action-${s.action}`}>{ACTION_TEXT[s.action]}</span>
            <strong className="mono">{s.service}</strong>
            <span className="muted">{replicas(s, plan.target)}</span>
            {s.pull && <span className="muted">pull {s.pull}</span>}
            {s.build && <span className="muted">build</span>}
            {s.reasons.length > 0 && (
              <ul className="stack-plan-reasons">
                {s.reasons.map((r, i) => (
                  <li key={i}>
                    <code>{r.field}</code> {r.detail}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
        {plan.orphans.map((o) => (
          <li key={`orphan-${o.service}`} className="stack-plan-row action-remove">
            <span className="stack-action-badge action-remove">Orphan</span>
            <strong className="mono">{o.service}</strong>
            <span className="muted">{o.containers.join(', ')} (no longer in the file)</span>
          </li>
        ))}
      </ul>
      {plan.resources.length > 0 && (
        <>
          <h4 className="stack-subtitle">Resources</h4>
          <ul className="stack-plan-list" aria-label="Planned resources">
            {plan.resources.map((r) => (
              <li key={`${r.kind}-${r.name}`} className="stack-plan-row">
                <span className={`stack-action-badge action-${r.action}`}>{r.action.replace('-', ' ')}</span>
                <span>{r.kind}</span>
                <strong className="mono">{r.name}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
