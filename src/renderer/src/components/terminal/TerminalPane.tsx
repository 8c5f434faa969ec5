import type { ExecSessionInfo } from '@shared/contract';
import { lazyComponent } from '../ui/LazyComponent';

/** One session's terminal; its code (xterm and its addons, ~680 KB) loads with the first terminal. */
export const TerminalPane = lazyComponent<{ tab: ExecSessionInfo; visible: boolean }>(
  () => import('./TerminalView').then((m) => m.TerminalView),
  ({ tab }) => <div className="terminal-pane" data-session-id={tab.id} aria-busy="true" />,
);
