// First: old preference keys move to their new names before any store reads them.
import './lib/legacy-storage';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyRememberedTheme } from './lib/app-settings';
import { browserToken } from './rpc/browser-token';
import './styles/base.css';
import './styles/panels.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/forms.css';
import './styles/containers.css';
import './styles/logs.css';
import './styles/stats.css';
import './styles/resources.css';
import './styles/activity.css';
import './styles/overview.css';
import './styles/images.css';
import './styles/terminal.css';
import './styles/desktop.css';
import './styles/palette.css';
import './styles/hosts-and-all-containers.css';
import './styles/policy-and-audit.css';
import './styles/transport-trust.css';
import './styles/stream-states.css';
import './styles/swarm.css';
import './styles/stacks.css';
import './styles/apilog.css';
import './styles/fleet.css';
import './styles/mobility.css';
// Last: a tone overrides the base rule of the badge it tints.
import './styles/tones.css';

// The dark palette hangs on data-theme alone: set it before the first paint.
applyRememberedTheme();
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    {window.berthmaster || browserToken() ? (
      <App />
    ) : (
      <p role="alert" className="token-missing">
        Unauthorized: open the URL Berthmaster printed, with its token.
      </p>
    )}
  </StrictMode>,
);
