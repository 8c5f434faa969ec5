import { lazy, Suspense } from 'react';
import type { ExecSessionInfo } from '@shared/contract';

// xterm and its addons (~550 KB) load with the first terminal opened, not with the first screen.
const TerminalView = lazy(() => import('./TerminalView').then((m) => ({ default: m.TerminalView })));

/** One session's terminal; its code loads on first use. */
export function TerminalPane(props: { tab: ExecSessionInfo; visible: boolean }) {
  return (
    <Suspense fallback={<div className="terminal-pane" data-session-id={props.tab.id} aria-busy="true" />}>
      <TerminalView {...props} />
    </Suspense>
  );
}
