import type { HostView } from '@shared/contract';
import { ErrorBanner } from '../../../components/ui/ErrorBanner';
import { rememberedPrefs, useTerminalsStore } from '../../../stores/terminals';
import { ShellForm } from '../../../components/terminal/ShellForm';
import { describeShell } from '../../../lib/shell-prefs';

export interface ContainerTerminalTabProps {
  host: HostView;
  target: { hostId: string; containerId: string; name: string };
}

/**
 * The container details' Terminal tab: open a shell (settings remembered per container) or attach
 * to the main process. The terminals themselves open in the dock, where they outlive this view.
 */
export function ContainerTerminalTab({ host, target }: ContainerTerminalTabProps) {
  const key = `${host.id}/${target.containerId}`;
  const busy = useTerminalsStore((s) => !!s.opening[key]);
  const openError = useTerminalsStore((s) => (s.openError?.key === key ? s.openError.error : undefined));
  // Select the array itself: a filtered copy would be a new value on every store read.
  const tabs = useTerminalsStore((s) => s.tabs);
  const sessions = tabs.filter(
    (t) => t.hostId === host.id && (t.containerId === target.containerId || t.containerName === target.name),
  );
  const store = useTerminalsStore.getState;
  const prefs = rememberedPrefs(host.id, target.name);

  return (
    <div className="container-terminal">
      {openError && <ErrorBanner error={openError} onDismiss={() => store().clearOpenError()} />}
      <section className="container-terminal-section" aria-label="Shell">
        <h3 className="terminal-section-title">Shell in {target.name}</h3>
        <ShellForm
          key={key}
          initial={prefs}
          busy={busy}
          copyTarget={{ hostId: host.id, container: target.name }}
          onOpen={(p) => void store().openTerminal(host.id, target.containerId, target.name, p)}
        />
      </section>
      <section className="container-terminal-section" aria-label="Main process">
        <h3 className="terminal-section-title">Main process</h3>
        <p className="muted">
          Attach to the process the container runs (containers started with a terminal,{' '}
          <code>docker run -it</code>). Detach with <kbd>Ctrl+P</kbd> <kbd>Ctrl+Q</kbd>: the container keeps
          running. Closing the tab also detaches.
        </p>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void store().attach(host.id, target.containerId, target.name)}
        >
          Attach to main process
        </button>
      </section>
      {sessions.length > 0 && (
        <section className="container-terminal-section" aria-label="Open terminals">
          <h3 className="terminal-section-title">Open terminals</h3>
          <ul className="container-terminal-list">
            {sessions.map((t) => (
              <li key={t.id}>
                <button type="button" className="terminal-link-button" onClick={() => store().activate(t.id)}>
                  {t.kind === 'attach'
                    ? 'Main process'
                    : describeShell(t.command[0] === 'auto' ? 'auto' : t.command)}
                  {t.user ? ` as ${t.user}` : ''}
                </button>
                <span className="muted">
                  {' '}
                  · {t.state === 'exited' ? `exited (${t.exitCode ?? '?'})` : t.state}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
