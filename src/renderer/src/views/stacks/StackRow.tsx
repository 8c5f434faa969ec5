import type { ComposeStackSummary, StackServiceSummary } from '@shared/contract';
import type { HostPolicyView } from '../../hooks/usePolicy';
import { guard } from '../../lib/policy';
import { ORIGIN_TEXT, serviceCount, stackCount } from './stack-text';
import { serviceColor } from './service-color';

export type StackAction =
  | 'deploy'
  | 'edit'
  | 'down'
  | 'start'
  | 'stop'
  | 'restart'
  | 'pull'
  | 'adopt'
  | 'logs'
  | 'forget'
  | 'transfer';

export interface ServiceLinks {
  restart(service: string): void;
  scale(service: StackServiceSummary): void;
  logs(containerId: string, name: string): void;
  terminal(containerId: string, name: string): void;
}

export interface StackRowProps {
  stack: ComposeStackSummary;
  expanded: boolean;
  onToggle(): void;
  can: HostPolicyView;
  busy: boolean;
  onAction(action: StackAction): void;
  links: ServiceLinks;
}

/** One compose project, and when expanded its services and their containers. */
export function StackRow({ stack, expanded, onToggle, can, busy, onAction, links }: StackRowProps) {
  const target = { project: stack.name };
  // A swarm stack's services live in the Swarm tab; the compose actions here do not apply to it.
  const swarm = stack.origin === 'swarm';
  const button = (action: StackAction, label: string, method: string, primary = false) => (
    <button
      type="button"
      className={`button button-small${primary ? ' button-primary' : ''}`}
      disabled={busy}
      aria-label={`${label} ${stack.name}`}
      onClick={() => onAction(action)}
      {...guard(can.allowed(method, target))}
    >
      {label}
    </button>
  );
  return (
    <>
      <tr className={`stack-row state-${stack.state}`}>
        <td>
          <button
            type="button"
            className="link-button stack-name"
            aria-expanded={expanded}
            aria-label={`${stack.name} services`}
            onClick={onToggle}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>{' '}
            <strong className="mono">{stack.name}</strong>
          </button>
        </td>
        <td>
          <span className={`stack-origin origin-${stack.origin}`}>{ORIGIN_TEXT[stack.origin]}</span>
        </td>
        <td>
          <span className={`stack-state state-${stack.state}`}>{stack.state}</span>
        </td>
        <td className="mono" title="Containers running / desired">
          {stackCount(stack)}
        </td>
        <td className="mono stack-ports">{stack.ports.join(', ')}</td>
        <td className="stack-actions">
          {stack.stored
            ? button('deploy', 'Update', 'stacks.up', true)
            : button('adopt', 'Adopt', 'stacks.adopt', true)}
          {stack.stored && button('edit', 'Edit', 'stacks.save')}
          {swarm ? (
            <span className="muted stack-actions-note">Services, logs and removal: Swarm tab</span>
          ) : (
            <>
              {button('start', 'Start', 'stacks.start')}
              {button('stop', 'Stop', 'stacks.stop')}
              {button('restart', 'Restart', 'stacks.restart')}
              {stack.stored && button('pull', 'Pull', 'stacks.pull')}
              {button('logs', 'Logs', 'stacks.logs')}
              {button('transfer', 'Move / clone…', 'mobility.stackPreflight')}
              {button('down', 'Down…', 'stacks.down')}
            </>
          )}
          {stack.stored && stack.state === 'empty' && button('forget', 'Forget…', 'stacks.forget')}
        </td>
      </tr>
      {expanded &&
        stack.services.map((svc) => (
          <tr key={svc.name} className="stack-service-row">
            <td>
              <span className="stack-service-name">
                <span
                  className="stack-service-swatch"
                  style={{ background: serviceColor(svc.name) }}
                  aria-hidden="true"
                />
                <span className="mono">{svc.name}</span>
              </span>
            </td>
            <td className="mono muted" colSpan={2}>
              {svc.image}
            </td>
            <td className="mono">{serviceCount(svc)}</td>
            <td className="mono muted">
              {svc.containers.map((c) => (
                <div key={c.id}>
                  {c.name} · {c.health ?? c.state}
                </div>
              ))}
            </td>
            <td className="stack-actions">
              {!swarm && (
                <>
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`Restart service ${svc.name}`}
                    onClick={() => links.restart(svc.name)}
                    {...guard(can.allowed('stacks.restart', target))}
                  >
                    Restart
                  </button>
                  {stack.stored && (
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Scale service ${svc.name}`}
                      onClick={() => links.scale(svc)}
                      {...guard(can.allowed('stacks.scale', target))}
                    >
                      Scale…
                    </button>
                  )}
                  {svc.containers[0] && (
                    <>
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`Logs of ${svc.containers[0].name}`}
                        onClick={() => links.logs(svc.containers[0]!.id, svc.containers[0]!.name)}
                      >
                        Logs
                      </button>
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`Terminal in ${svc.containers[0].name}`}
                        disabled={svc.running === 0}
                        onClick={() => links.terminal(svc.containers[0]!.id, svc.containers[0]!.name)}
                        {...guard(can.allowed('exec.open'))}
                      >
                        Terminal
                      </button>
                    </>
                  )}
                </>
              )}
            </td>
          </tr>
        ))}
    </>
  );
}
