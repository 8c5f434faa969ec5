import { z } from 'zod';
import {
  containerRefSchema,
  execOpenSchema,
  execSessionIdSchema,
  hostIdSchema,
  type AppErrorShape,
  type ExecSessionInfo,
} from '@shared/contract';
import type { ShellPrefs } from './shell-prefs';

/**
 * The open terminal tabs, remembered so a full restart (sessions gone with the old main process)
 * can bring them back. Only what opening a shell needs is kept, never any of its output.
 */
export const TERMINAL_TABS_KEY = 'berthmaster.terminal.tabs';
const VERSION = 1;
/** More tabs than anyone works with; a bound so a broken store can't reopen hundreds of shells. */
export const MAX_SAVED_TABS = 24;

/** How to open a tab's session again. */
export interface TerminalSpec {
  hostId: string;
  containerId: string;
  containerName: string;
  kind: ExecSessionInfo['kind'];
  /** exec only: shell, user, working directory, environment. */
  prefs?: ShellPrefs;
}

export interface SavedTab {
  /** The session the tab showed: still live in main after a reload, gone after a restart. */
  sessionId: string;
  spec: TerminalSpec;
}

/** A tab whose session did not survive a restart: shown ended, with Reopen. */
export type RestoredTab = ExecSessionInfo & { restored: true };

const prefsSchema = execOpenSchema.pick({ shell: true, user: true, workingDir: true, env: true });

const savedTabSchema = z.object({
  sessionId: execSessionIdSchema,
  spec: z.object({
    hostId: hostIdSchema,
    containerId: containerRefSchema,
    containerName: z.string().min(1).max(255),
    kind: z.enum(['exec', 'attach']),
    prefs: prefsSchema.optional(),
  }),
});

function cleanPrefs(p: z.output<typeof prefsSchema>): ShellPrefs {
  const out: ShellPrefs = { shell: p.shell };
  if (p.user) out.user = p.user;
  if (p.workingDir) out.workingDir = p.workingDir;
  if (p.env?.length) out.env = p.env;
  return out;
}

export function serializeTabs(tabs: SavedTab[]): string {
  return JSON.stringify({ version: VERSION, tabs: tabs.slice(0, MAX_SAVED_TABS) });
}

/**
 * Stored text back to tabs. Anything unreadable counts as nothing saved; one bad entry is
 * dropped on its own, as are repeats of a session already listed.
 */
export function parseSavedTabs(raw: string | null): SavedTab[] {
  if (!raw) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  if (typeof data !== 'object' || data === null) return [];
  const { version, tabs } = data as { version?: unknown; tabs?: unknown };
  if (version !== VERSION || !Array.isArray(tabs)) return [];
  const out: SavedTab[] = [];
  const seen = new Set<string>();
  for (const entry of tabs.slice(0, MAX_SAVED_TABS)) {
    const parsed = savedTabSchema.safeParse(entry);
    if (!parsed.success || seen.has(parsed.data.sessionId)) continue;
    seen.add(parsed.data.sessionId);
    const { prefs, ...rest } = parsed.data.spec;
    const spec: TerminalSpec = rest.kind === 'exec' && prefs ? { ...rest, prefs: cleanPrefs(prefs) } : rest;
    out.push({ sessionId: parsed.data.sessionId, spec });
  }
  return out;
}

/** A live session nobody saved (opened by another window): what its info tells. */
export function specFromSession(info: ExecSessionInfo): TerminalSpec {
  const spec: TerminalSpec = {
    hostId: info.hostId,
    containerId: info.containerId,
    containerName: info.containerName,
    kind: info.kind,
  };
  if (info.kind === 'exec') {
    const prefs: ShellPrefs = {
      shell: info.command.length === 0 || info.command[0] === 'auto' ? 'auto' : info.command,
    };
    if (info.user) prefs.user = info.user;
    spec.prefs = prefs;
  }
  return spec;
}

/** The tab shown for a saved session that main no longer has. */
export function restoredTab(saved: SavedTab, now: number, error?: AppErrorShape): RestoredTab {
  const { spec } = saved;
  const shell = spec.prefs?.shell ?? 'auto';
  const tab: RestoredTab = {
    id: saved.sessionId,
    hostId: spec.hostId,
    containerId: spec.containerId,
    containerName: spec.containerName,
    kind: spec.kind,
    command: spec.kind === 'attach' ? ['main process'] : shell === 'auto' ? ['auto'] : shell,
    state: 'disconnected',
    cols: 0,
    rows: 0,
    createdAt: now,
    restored: true,
  };
  if (spec.prefs?.user) tab.user = spec.prefs.user;
  if (error) tab.error = error;
  return tab;
}

/**
 * The tabs after a load: saved ones in their saved order (live, or restored when gone), then
 * live sessions nobody saved. Specs cover every tab.
 */
export function mergeWithLive(
  saved: SavedTab[],
  live: ExecSessionInfo[],
  now: number,
): { tabs: Array<ExecSessionInfo | RestoredTab>; specs: Record<string, TerminalSpec>; restored: string[] } {
  const liveById = new Map(live.map((s) => [s.id, s]));
  const tabs: Array<ExecSessionInfo | RestoredTab> = [];
  const specs: Record<string, TerminalSpec> = {};
  const restored: string[] = [];
  for (const s of saved) {
    const info = liveById.get(s.sessionId);
    tabs.push(info ?? restoredTab(s, now));
    specs[s.sessionId] = s.spec;
    if (!info) restored.push(s.sessionId);
    liveById.delete(s.sessionId);
  }
  for (const info of liveById.values()) {
    tabs.push(info);
    specs[info.id] = specFromSession(info);
  }
  return { tabs, specs, restored };
}

/** What to save for the current tabs, in strip order. */
export function tabsToSave(tabs: ExecSessionInfo[], specs: Record<string, TerminalSpec>): SavedTab[] {
  const out: SavedTab[] = [];
  for (const t of tabs) {
    out.push({ sessionId: t.id, spec: specs[t.id] ?? specFromSession(t) });
  }
  return out;
}
