import { useEffect } from 'react';
import { ConnectionLostBanner } from './components/ConnectionLostBanner';
import { Notices } from './components/Notices';
import { useHostShortcuts } from './lib/useHostShortcuts';
import { startContainerSync } from './stores/containers';
import { startEventSync } from './stores/event-sync';
import { startHostsWatch } from './stores/hosts';
import { Dialogs } from './views/Dialogs';
import { useViewStore } from './stores/view';
import { HostPage } from './views/host/HostPage';
import { OverviewPage } from './views/overview/OverviewPage';
import { Sidebar } from './views/sidebar/Sidebar';
import { TasksPanel } from './views/tasks/TasksPanel';
import { TerminalDock } from './views/terminal/TerminalDock';

export function App() {
  useEffect(() => {
    startContainerSync();
    startHostsWatch();
    startEventSync();
  }, []);
  useHostShortcuts();
  const overview = useViewStore((s) => s.overview);

  return (
    <div className="app">
      <ConnectionLostBanner />
      <div className="app-body">
        <Sidebar />
        <div className="main-column">
          <main className="main">{overview ? <OverviewPage /> : <HostPage />}</main>
          <TerminalDock />
        </div>
      </div>
      <Dialogs />
      <TasksPanel />
      <Notices />
    </div>
  );
}
