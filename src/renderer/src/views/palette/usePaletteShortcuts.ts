import { useEffect } from 'react';
import { isAnyDialogOpen } from '../../components/ui/Dialog';
import { listCommands, type Command } from '../../lib/commands';
import {
  createSequenceTracker,
  isInTerminal,
  isMacPlatform,
  isPlainKey,
  isTextEntry,
  matchesChord,
} from '../../lib/shortcuts';
import { usePaletteStore } from '../../stores/palette';

/** Runs a command from a shortcut; one that needs a second step opens the palette on it. */
export function runFromShortcut(c: Command): void {
  const picker = c.run();
  if (picker) {
    const store = usePaletteStore.getState();
    store.openPalette();
    store.setPicker(picker);
  }
}

/**
 * The app-wide keys: Ctrl/Cmd+K toggles the palette from anywhere (text fields included) except
 * a focused terminal, where Ctrl+K is the shell's "kill line" and only Ctrl/Cmd+Shift+K opens it.
 * Plain keys ("?", "G then O") only act outside text fields and when no dialog is open.
 */
export function usePaletteShortcuts(): void {
  useEffect(() => {
    const mac = isMacPlatform();
    const track = createSequenceTracker(() =>
      listCommands().flatMap((c) => (c.binding?.kind === 'sequence' ? [c.binding.keys] : [])),
    );
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.isComposing || e.repeat) return;
      const active = document.activeElement;
      const palette = usePaletteStore.getState();
      const plainK = matchesChord(e, { kind: 'chord', key: 'k', mod: true }, mac);
      const shiftK = matchesChord(e, { kind: 'chord', key: 'k', mod: true, shift: true }, mac);
      if (shiftK || (plainK && !isInTerminal(active))) {
        // Another dialog owns focus; the palette opens over nothing but the app itself.
        if (!palette.open && isAnyDialogOpen()) return;
        e.preventDefault();
        e.stopPropagation();
        if (palette.open) palette.closePalette();
        else palette.openPalette();
        return;
      }
      if (palette.open || isAnyDialogOpen() || e.defaultPrevented) return;

      const commands = listCommands();
      const chord = commands.find((c) => c.binding?.kind === 'chord' && matchesChord(e, c.binding, mac));
      if (chord) {
        e.preventDefault();
        runFromShortcut(chord);
        return;
      }
      if (isTextEntry(active) || e.ctrlKey || e.metaKey || e.altKey || e.key.length !== 1) return;
      const single = commands.find((c) => c.binding?.kind === 'key' && isPlainKey(e, c.binding.key));
      if (single) {
        e.preventDefault();
        runFromShortcut(single);
        return;
      }
      const done = track(e.key, Date.now());
      if (done === 'pending') return;
      if (done) {
        const [a, b] = done;
        const seq = commands.find(
          (c) => c.binding?.kind === 'sequence' && c.binding.keys[0] === a && c.binding.keys[1] === b,
        );
        if (seq) {
          e.preventDefault();
          runFromShortcut(seq);
        }
      }
    };
    // Capture: seen before a focused widget (an input, xterm) can swallow it.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
