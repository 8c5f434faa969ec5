import { create } from 'zustand';
import type { AppErrorShape, ExecSessionInfo } from '@shared/contract';
import { api } from '../rpc/api';
import { toErrorShape } from '../lib/errors';
import { readStored, writeStored } from '../lib/storage';
import { parsePrefs, prefsKey, splitCommand, type ShellPrefs } from '../views/terminal/shell-prefs';
import { currentSettings } from '../lib/app-settings';

/**
 * Terminal tabs: session metadata only. Bytes never pass through the store; each terminal view
 * subscribes to its session's output itself.
 */
export type TerminalTab = ExecSessionInfo;

const FONT_KEY = 'dockhand.terminal.fontSize';
const SCROLLBACK_KEY = 'dockhand.terminal.scrollback';
const HEIGHT_KEY = 'dockhand.terminal.height';

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
  /** "Start again" / "Reopen": a new session with the same settings, in the same place. */
  restart(id: string): Promise<void>;
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

export const useTerminalsStore = create<TerminalsState>()((set, get) => {
  const addTab = (info: ExecSessionInfo) =>
    set((s) => ({ tabs: [...s.tabs, info], activeId: info.id, open: true }));

  const launch = async (
    key: string,
    start: () => Promise<ExecSessionInfo>,
    place: (info: ExecSessionInfo) => void = addTab,
  ) => {
    set((s) => ({ opening: { ...s.opening, [key]: true }, openError: undefined }));
    try {
      place(await start());
    } catch (e) {
      set({ openError: { key, error: toErrorShape(e) } });
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
        set((s) => {
          // A tab opened while the list was on its way stays.
          const known = new Set(listed.map((t) => t.id));
          const tabs = [...listed, ...s.tabs.filter((t) => !known.has(t.id))];
          return { tabs, activeId: s.activeId ?? tabs[tabs.length - 1]?.id };
        });
      } catch {
        // The backend is gone; the connection banner says so.
      }
    },

    openTerminal(hostId, containerId, name, prefs) {
      const chosen = prefs ?? rememberedPrefs(hostId, name);
      if (prefs) writeStored(prefsKey(hostId, name), JSON.stringify(prefs));
      const input: Parameters<typeof api.exec.open>[0] = {
        hostId,
        containerId,
        containerName: name,
        shell: chosen.shell,
        ...get().lastSize,
      };
      if (chosen.user) input.user = chosen.user;
      if (chosen.workingDir) input.workingDir = chosen.workingDir;
      if (chosen.env?.length) input.env = chosen.env;
      return launch(keyOf(hostId, containerId), () => api.exec.open(input));
    },

    attach(hostId, containerId, name) {
      return launch(keyOf(hostId, containerId), () =>
        api.exec.attach({ hostId, containerId, containerName: name, ...get().lastSize }),
      );
    },

    async closeTab(id) {
      set((s) => {
        const i = s.tabs.findIndex((t) => t.id === id);
        const tabs = s.tabs.filter((t) => t.id !== id);
        const activeId =
          s.activeId === id ? (tabs[Math.min(i, tabs.length - 1)]?.id ?? undefined) : s.activeId;
        return { tabs, activeId };
      });
      await api.exec.close({ sessionId: id }).catch(() => undefined);
    },

    async restart(id) {
      const old = get().tabs.find((t) => t.id === id);
      if (!old) return;
      await launch(
        keyOf(old.hostId, old.containerId),
        () => api.exec.reopen({ sessionId: id }),
        // Same place in the strip as the session it replaces.
        (info) =>
          set((s) => ({ tabs: s.tabs.map((t) => (t.id === id ? info : t)), activeId: info.id, open: true })),
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
