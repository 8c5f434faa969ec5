import { useEffect } from 'react';
import { ConnectionLostBanner } from './components/ConnectionLostBanner';
import { Notices } from './components/Notices';
import { useHostShortcuts } from './lib/useHostShortcuts';
import { startContainerSync } from './stores/containers';
import { startHostsWatch } from './stores/hosts';
import { Dialogs } from './views/Dialogs';
import { HostPage } from './views/host/HostPage';
import { Sidebar } from './views/sidebar/Sidebar';

export function App() {
  useEffect(() => {
    startContainerSync();
    startHostsWatch();
  }, []);
  useHostShortcuts();

  return (
    <div className="app">
      <ConnectionLostBanner />
      <div className="app-body">
        <Sidebar />
        <main className="main">
          <HostPage />
        </main>
      </div>
      <Dialogs />
      <Notices />
    </div>
  );
}
