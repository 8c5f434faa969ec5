import { useEffect } from 'react';
import { ConnectionLostBanner } from './components/ConnectionLostBanner';
import { Notices } from './components/Notices';
import { useHostShortcuts } from './hooks/useHostShortcuts';
import { startContainerSync } from './stores/containers';
import { startDesktop } from './stores/desktop-restore';
import { startEventSync } from './stores/event-sync';
import { startAlertsWatch } from './stores/alerts';
import { startUpdatesWatch } from './stores/updates';
import { startHostsWatch } from './stores/hosts';
import { Dialogs } from './views/Dialogs';
import { FirstRunGate } from './views/desktop/FirstRun';
import { CommandPalette } from './views/palette/CommandPalette';
import { useViewStore } from './stores/view';
import { HostPage } from './views/host/HostPage';
import { APP_PAGES } from './views/pages';
import { PaletteDialogs } from './views/PaletteDialogs';
import { renderHostSection } from './views/sections';
import { Sidebar } from './views/sidebar/Sidebar';
import { TasksPanel } from './views/tasks/TasksPanel';
import { TerminalDock } from './views/terminal/TerminalDock';

export function App() {
  useEffect(() => {
    startContainerSync();
    startHostsWatch();
    startEventSync();
    startUpdatesWatch();
    startAlertsWatch();
    startDesktop(APP_PAGES.map((p) => p.id));
  }, []);
  useHostShortcuts();
  const pageId = useViewStore((s) => s.page);
  const page = APP_PAGES.find((p) => p.id === pageId);

  return (
    <div className="app">
      <ConnectionLostBanner />
      <div className="app-body">
        <Sidebar />
        <div className="main-column">
          <main className="main">
            {page ? (
              page.render()
            ) : (
              <FirstRunGate>
                <HostPage renderSection={renderHostSection} />
              </FirstRunGate>
            )}
          </main>
          <TerminalDock />
        </div>
      </div>
      <Dialogs />
      <TasksPanel />
      <Notices />
      <CommandPalette />
      <PaletteDialogs />
    </div>
  );
}
