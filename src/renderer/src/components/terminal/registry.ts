// Types only: xterm loads with the first terminal (TerminalPane.tsx), not with the app.
import type { TerminalController } from './terminal-controller';

/** Every terminal of the window, by session id: they outlive the components showing them. */
const controllers = new Map<string, TerminalController>();

export function terminalFor(sessionId: string, make: () => TerminalController): TerminalController {
  let c = controllers.get(sessionId);
  if (!c) {
    c = make();
    controllers.set(sessionId, c);
  }
  return c;
}

/** Drops the terminals of sessions that are no longer tabs. */
export function retainTerminals(ids: ReadonlySet<string>): void {
  for (const [id, c] of controllers) {
    if (!ids.has(id)) {
      controllers.delete(id);
      c.dispose();
    }
  }
}

export function getTerminal(sessionId: string): TerminalController | undefined {
  return controllers.get(sessionId);
}

/** Read-only access for end-to-end tests: what each terminal shows, its size and renderer. */
export interface TerminalTestHook {
  ids(): string[];
  /** The whole buffer, or its last `lastLines` lines (cheap enough to poll every frame). */
  text(sessionId: string, lastLines?: number): string;
  size(sessionId: string): { cols: number; rows: number } | undefined;
  renderer(sessionId: string): 'webgl' | 'dom' | undefined;
  /** performance.now() of the last output xterm finished parsing. */
  writtenAt(sessionId: string): number | undefined;
  /** Output bytes received but not yet parsed by xterm (flow control keeps this bounded). */
  backlog(sessionId: string): number | undefined;
}

declare global {
  interface Window {
    __berthmasterTerminals?: TerminalTestHook;
  }
}

window.__berthmasterTerminals = {
  ids: () => [...controllers.keys()],
  text: (id, lastLines) => controllers.get(id)?.text(lastLines) ?? '',
  size: (id) => controllers.get(id)?.size,
  renderer: (id) => controllers.get(id)?.renderer,
  writtenAt: (id) => controllers.get(id)?.lastWrittenAt,
  backlog: (id) => controllers.get(id)?.backlog,
};
