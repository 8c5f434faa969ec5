import { create } from 'zustand';
import type { AppErrorShape, ExecSessionInfo } from '@shared/contract';
import { api } from '../rpc/api';
import { toErrorShape } from '../lib/errors';
import { readStored, writeStored } from '../lib/storage';
import { DEFAULT_PREFS, parsePrefs, prefsKey, splitCommand, type ShellPrefs } from '../lib/shell-prefs';
import { currentSettings } from '../lib/app-settings';
import {
  mergeWithLive,
  parseSavedTabs,
  specFromSession,
  TERMINAL_TABS_KEY,
  type RestoredTab,
  type TerminalSpec,
} from '../lib/terminal-restore';
import { captureEarlyKeys, handOverEarlyKeys } from '../lib/early-input';

/**
 * Terminal tabs: session metadata only. Bytes never pass through the store; each terminal view
 * subscribes to its session's output itself. A restored tab stands for a session lost in a restart.
 */
export type TerminalTab = ExecSessionInfo | RestoredTab;

export const isRestored = (t: TerminalTab): t is RestoredTab => 'restored' in t && t.restored;

const FONT_KEY = 'berthmaster.terminal.fontSize';
const SCROLLBACK_KEY = 'berthmaster.terminal.scrollback';
const HEIGHT_KEY = 'berthmaster.terminal.height';

export const FONT_MIN = 8;
export const FONT_MAX = 32;
export const FONT_DEFAULT = 13;
export const SCROLLBACK_CHOICES = [1_000, 5_000, 10_000, 50_000] as const;
const SCROLLBACK_DEFAULT = 5_000;

/** Until a terminal has measured itself: a size close to what the dock shows. */
const FALLBACK_SIZE = { cols: 120, rows: 24 };

function storedNumber(key: string, fallback: number, min: number, max: number): number {
  const n = Number(readStored(key));
  return Number.isFinite(n) && n >= min && n <= max ? n : fallback;
}

export interface TerminalsState {
  tabs: TerminalTab[];
  /** How to open each tab's session again (by tab id), saved for the next start. */
  specs: Record<string, TerminalSpec>;
  /** The first exec.list has answered (before, the saved tabs are not touched). */
  loaded: boolean;
  activeId: string | undefined;
  /** The dock shows the terminals (else only its tab bar). */
  open: boolean;
  maximized: boolean;
  height: number;
  fontSize: number;
  scrollback: number;
  /** Containers whose shell is being opened: `${hostId}/${containerId}`. */
  opening: Record<string, boolean>;
  /** The last failure to open, shown where the user asked. */
  openError: { key: string; error: AppErrorShape } | undefined;
  /** The size the last fitted terminal had: new sessions start with it. */
  lastSize: { cols: number; rows: number };

  load(): Promise<void>;
  /** Opens a shell with the container's remembered settings (or the given ones, then remembered). */
  openTerminal(hostId: string, containerId: string, name: string, prefs?: ShellPrefs): Promise<void>;
  attach(hostId: string, containerId: string, name: string): Promise<void>;
  closeTab(id: string): Promise<void>;
  /**
   * "Start again" / "Reopen": a new session with the same settings, in the same place. Quiet (the
   * automatic reopen after a restart) leaves the selected tab and the dock as they are.
   */
  restart(id: string, opts?: { quiet?: boolean }): Promise<void>;
  activate(id: string): void;
  update(info: ExecSessionInfo): void;
  setOpen(open: boolean): void;
  toggleMaximized(): void;
  setHeight(px: number): void;
  zoom(delta: 1 | -1 | 0): void;
  setScrollback(lines: number): void;
  setLastSize(size: { cols: number; rows: number }): void;
  clearOpenError(): void;
}

export function rememberedPrefs(hostId: string, containerName: string): ShellPrefs {
  const stored = readStored(prefsKey(hostId, containerName));
  // No choice for this container yet: the default shell from the settings, if one is set.
  const fallback = currentSettings().defaultShell;
  if (!stored && fallback) return { shell: splitCommand(fallback) };
  return parsePrefs(stored);
}

const keyOf = (hostId: string, containerId: string) => `${hostId}/${containerId}`;

function openInput(
  hostId: string,
  containerId: string,
  name: string,
  prefs: ShellPrefs,
  size: { cols: number; rows: number },
): Parameters<typeof api.exec.open>[0] {
  const input: Parameters<typeof api.exec.open>[0] = {
    hostId,
    containerId,
    containerName: name,
    shell: prefs.shell,
    ...size,
  };
  if (prefs.user) input.user = prefs.user;
  if (prefs.workingDir) input.workingDir = prefs.workingDir;
  if (prefs.env?.length) input.env = prefs.env;
  return input;
}

export const useTerminalsStore = create<TerminalsState>()((set, get) => {
  const addTab = (spec: TerminalSpec) => (info: ExecSessionInfo) =>
    set((s) => ({
      tabs: [...s.tabs, info],
      specs: { ...s.specs, [info.id]: spec },
      activeId: info.id,
      open: true,
    }));

  const launch = async (
    key: string,
    start: () => Promise<ExecSessionInfo>,
    place: (info: ExecSessionInfo) => void,
    failed: (error: AppErrorShape) => void = (error) => set({ openError: { key, error } }),
    captureKeys = true,
  ) => {
    set((s) => ({ opening: { ...s.opening, [key]: true }, openError: undefined }));
    // Keys typed from the click on are the shell's (early-input.ts); not for a quiet reopen.
    const early = captureKeys ? captureEarlyKeys() : undefined;
    try {
      const info = await start();
      if (early) handOverEarlyKeys(info.id, early);
      place(info);
    } catch (e) {
      early?.stop();
      failed(toErrorShape(e));
    } finally {
      set((s) => {
        const opening = { ...s.opening };
        delete opening[key];
        return { opening };
      });
    }
  };

  return {
    tabs: [],
    specs: {},
    loaded: false,
    activeId: undefined,
    open: true,
    maximized: false,
    height: storedNumber(HEIGHT_KEY, 320, 120, 4000),
    fontSize: storedNumber(FONT_KEY, FONT_DEFAULT, FONT_MIN, FONT_MAX),
    scrollback: storedNumber(SCROLLBACK_KEY, SCROLLBACK_DEFAULT, 100, 100_000),
    opening: {},
    openError: undefined,
    lastSize: FALLBACK_SIZE,

    async load() {
      try {
        const listed = await api.exec.list({});
        // Saved tabs whose sessions main no longer has (it restarted) come back as restored tabs.
        const saved = get().loaded ? [] : parseSavedTabs(readStored(TERMINAL_TABS_KEY));
        const merged = mergeWithLive(saved, listed, Date.now());
        set((s) => {
          // A tab opened while the list was on its way stays.
          const known = new Set(merged.tabs.map((t) => t.id));
          const tabs = [...merged.tabs, ...s.tabs.filter((t) => !known.has(t.id))];
          return {
            tabs,
            specs: { ...merged.specs, ...s.specs },
            loaded: true,
            activeId: s.activeId ?? tabs[tabs.length - 1]?.id,
          };
        });
      } catch {
        // The backend is gone; the connection banner says so.
      }
    },

    openTerminal(hostId, containerId, name, prefs) {
      const chosen = prefs ?? rememberedPrefs(hostId, name);
      if (prefs) writeStored(prefsKey(hostId, name), JSON.stringify(prefs));
      const input = openInput(hostId, containerId, name, chosen, get().lastSize);
      const spec: TerminalSpec = { hostId, containerId, containerName: name, kind: 'exec', prefs: chosen };
      return launch(keyOf(hostId, containerId), () => api.exec.open(input), addTab(spec));
    },

    attach(hostId, containerId, name) {
      const spec: TerminalSpec = { hostId, containerId, containerName: name, kind: 'attach' };
      return launch(
        keyOf(hostId, containerId),
        () => api.exec.attach({ hostId, containerId, containerName: name, ...get().lastSize }),
        addTab(spec),
      );
    },

    async closeTab(id) {
      const old = get().tabs.find((t) => t.id === id);
      set((s) => {
        const i = s.tabs.findIndex((t) => t.id === id);
        const tabs = s.tabs.filter((t) => t.id !== id);
        const activeId =
          s.activeId === id ? (tabs[Math.min(i, tabs.length - 1)]?.id ?? undefined) : s.activeId;
        const specs = { ...s.specs };
        delete specs[id];
        return { tabs, specs, activeId };
      });
      // A restored tab has no session in main to end.
      if (old && !isRestored(old)) await api.exec.close({ sessionId: id }).catch(() => undefined);
    },

    async restart(id, opts) {
      const old = get().tabs.find((t) => t.id === id);
      if (!old) return;
      const spec = get().specs[id];
      const size = get().lastSize;
      // Main still knows a live tab's session; a restored one is opened afresh from its spec.
      let start = () => api.exec.reopen({ sessionId: id });
      if (isRestored(old) && spec) {
        const openOn = (containerId: string) =>
          spec.kind === 'attach'
            ? api.exec.attach({
                hostId: spec.hostId,
                containerId,
                containerName: spec.containerName,
                ...size,
              })
            : api.exec.open(
                openInput(spec.hostId, containerId, spec.containerName, spec.prefs ?? DEFAULT_PREFS, size),
              );
        // A container recreated under the same name (compose up) has a new id: try the name.
        start = () =>
          openOn(spec.containerId).catch((e: unknown) =>
            toErrorShape(e).code === 'NOT_FOUND' && spec.containerName !== spec.containerId
              ? openOn(spec.containerName)
              : Promise.reject(e),
          );
      }
      await launch(
        keyOf(old.hostId, old.containerId),
        start,
        // Same place in the strip as the session it replaces.
        (info) =>
          set((s) => {
            const specs = { ...s.specs, [info.id]: spec ?? specFromSession(info) };
            delete specs[id];
            const tabs = s.tabs.map((t) => (t.id === id ? info : t));
            if (opts?.quiet) return { tabs, specs, activeId: s.activeId === id ? info.id : s.activeId };
            return { tabs, specs, activeId: info.id, open: true };
          }),
        // The reason shows on the tab itself, where the user looks.
        isRestored(old)
          ? (error) => set((s) => ({ tabs: s.tabs.map((t) => (t.id === id ? { ...t, error } : t)) }))
          : undefined,
        !opts?.quiet,
      );
    },

    activate: (id) => set({ activeId: id, open: true }),
    update: (info) => set((s) => ({ tabs: s.tabs.map((t) => (t.id === info.id ? info : t)) })),
    setOpen: (open) => set({ open }),
    toggleMaximized: () => set((s) => ({ maximized: !s.maximized, open: true })),
    setHeight(px) {
      const height = Math.round(Math.min(Math.max(px, 120), 4000));
      writeStored(HEIGHT_KEY, String(height));
      set({ height });
    },
    zoom(delta) {
      const next =
        delta === 0 ? FONT_DEFAULT : Math.min(FONT_MAX, Math.max(FONT_MIN, get().fontSize + delta));
      writeStored(FONT_KEY, String(next));
      set({ fontSize: next });
    },
    setScrollback(lines) {
      writeStored(SCROLLBACK_KEY, String(lines));
      set({ scrollback: lines });
    },
    setLastSize: (lastSize) => set({ lastSize }),
    clearOpenError: () => set({ openError: undefined }),
  };
});

/** The call the container list and details use: opens a shell tab for a container. */
export function openTerminal(hostId: string, containerId: string, name: string): Promise<void> {
  return useTerminalsStore.getState().openTerminal(hostId, containerId, name);
}
