import type { SearchKind } from '@shared/contract';
import type { Binding } from './shortcuts';

/**
 * The registry of palette actions and keyboard shortcuts. Features add to it with one line:
 *
 *   registerCommands(() => [{ id: 'x.do', title: 'Do x', section: 'X', run: () => doX() }]);
 *
 * A provider is a function so its commands follow the app's state (one "Go to host" per host,
 * "Pull image…" only when the current host allows it) without subscriptions.
 */
export interface Command {
  id: string;
  /** What the palette shows and matches, e.g. "Go to Overview", "Pull image…". */
  title: string;
  /** Group heading in the palette and the help sheet: "Navigation", "Current host", "Help"… */
  section: string;
  /** Extra words that find it ("delete" for a prune, a host's labels). */
  keywords?: readonly string[];
  /** A secondary line, e.g. the host a command applies to. */
  detail?: string;
  /** Bound globally by the palette's key handler and listed in the help sheet. */
  binding?: Binding;
  /** Keys shown next to it but bound elsewhere (Ctrl+1..9 for hosts, in useHostShortcuts). */
  keys?: readonly string[];
  /** Why it cannot run here (the host's policy refuses its method): listed, greyed, not run. */
  disabled?: string;
  /** Runs the command; or returns a picker, which the palette shows next (choose a container…). */
  run(): void | CommandPicker;
}

export interface PickItem {
  id: string;
  title: string;
  detail?: string;
  keywords?: readonly string[];
  /** What it is, for its glyph (a container when absent). */
  kind?: SearchKind;
  /** Why this item cannot be chosen (the action does not apply to it): listed, greyed, not run. */
  disabled?: string;
  run(): void;
}

export interface CommandPicker {
  /** What is being chosen, shown before the input and as the list's heading: "Open terminal in". */
  heading: string;
  /** Placeholder of the palette's input while picking, e.g. "Container to open a terminal in". */
  placeholder: string;
  /** Shown when there is nothing to pick. */
  empty: string;
  items(): PickItem[];
}

/** A shortcut handled elsewhere (Ctrl+1..9 in useHostShortcuts, keys inside the palette). */
export interface ShortcutHint {
  keys: string[];
  description: string;
  section: string;
}

type Provider = () => readonly Command[];

const providers: Provider[] = [];
const hintProviders: Array<() => readonly ShortcutHint[]> = [];

export function registerCommands(source: Provider | readonly Command[]): () => void {
  const provider: Provider = typeof source === 'function' ? source : () => source;
  providers.push(provider);
  return () => {
    const i = providers.indexOf(provider);
    if (i >= 0) providers.splice(i, 1);
  };
}

export function registerShortcutHints(
  source: readonly ShortcutHint[] | (() => readonly ShortcutHint[]),
): () => void {
  const provider = typeof source === 'function' ? source : () => source;
  hintProviders.push(provider);
  return () => {
    const i = hintProviders.indexOf(provider);
    if (i >= 0) hintProviders.splice(i, 1);
  };
}

/** Every command available now, in registration order; a later duplicate id is dropped. */
export function listCommands(): Command[] {
  const seen = new Set<string>();
  const out: Command[] = [];
  for (const p of providers) {
    for (const c of p()) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push(c);
    }
  }
  return out;
}

export function listShortcutHints(): ShortcutHint[] {
  return hintProviders.flatMap((p) => p());
}
