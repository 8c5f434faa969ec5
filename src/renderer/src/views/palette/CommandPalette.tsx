import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { SearchIcon } from '../../components/ui/Icons';
import { Dialog } from '../../components/ui/Dialog';
import { listCommands } from '../../lib/commands';
import { isMacPlatform } from '../../lib/shortcuts';
import { useContainersStore } from '../../stores/containers';
import { useImagesStore } from '../../stores/images';
import { useNetworksStore } from '../../stores/networks';
import { useVolumesStore } from '../../stores/volumes';
import { useHostsStore } from '../../stores/hosts';
import { usePaletteStore } from '../../stores/palette';
import { registerBuiltinCommands } from './builtin-commands';
import { HelpSheet } from './HelpSheet';
import { openHit } from './navigate';
import { PaletteList } from './PaletteList';
import { PaletteStatus } from './PaletteStatus';
import { buildRows, type PaletteRow } from './rows';
import { usePaletteShortcuts } from './usePaletteShortcuts';
import { usePick } from '../../hooks/usePick';

registerBuiltinCommands();

/** The palette and the help sheet, plus the app-wide keys (App renders the dialogs its commands open). */
export function CommandPalette() {
  usePaletteShortcuts();
  const { open, helpOpen, setHelpOpen } = usePick(usePaletteStore, 'open', 'helpOpen', 'setHelpOpen');
  return (
    <>
      {open && <PaletteDialog />}
      {helpOpen && <HelpSheet onClose={() => setHelpOpen(false)} />}
    </>
  );
}

function PaletteDialog() {
  const { picker, search } = usePick(usePaletteStore, 'picker', 'search');
  const { closePalette: close, setPicker, searchObjects } = usePaletteStore.getState();
  // Commands read several stores when listed; these subscriptions re-list them when those change.
  const { hosts, statuses, selectedHostId } = usePick(useHostsStore, 'hosts', 'statuses', 'selectedHostId');
  const containersByHost = useContainersStore((s) => s.byHost);
  const imagesByHost = useImagesStore((s) => s.byHost);
  const networksByHost = useNetworksStore((s) => s.byHost);
  const volumesByHost = useVolumesStore((s) => s.byHost);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const mac = useMemo(() => isMacPlatform(), []);

  const rows = useMemo(
    () =>
      buildRows({
        query,
        commands: listCommands(),
        picker,
        pickItems: picker?.items() ?? [],
        hits: picker || !query.trim() ? [] : search.hits,
        hosts,
        mac,
      }),
    // statuses, selectedHostId and the lists by host feed listCommands()/picker.items() via getState.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [
      query,
      picker,
      search.hits,
      hosts,
      mac,
      statuses,
      selectedHostId,
      containersByHost,
      imagesByHost,
      networksByHost,
      volumesByHost,
    ],
  );
  const activeIndex = rows.length === 0 ? -1 : Math.min(active, rows.length - 1);
  const optionId = (i: number) => `${listId}-opt-${i}`;

  useEffect(() => {
    if (!picker) searchObjects(query);
  }, [query, picker, searchObjects]);

  const run = (row: PaletteRow) => {
    if (row.disabled) return;
    const a = row.action;
    if (a.type === 'command') {
      const next = a.command.run();
      if (next) {
        setPicker(next);
        setQuery('');
        setActive(0);
        input.current?.focus();
        return;
      }
      // A command may have opened another palette-owned surface (help); only close if still open.
      if (usePaletteStore.getState().open) close();
      return;
    }
    close();
    if (a.type === 'pick') a.item.run();
    else openHit(a.hit);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const move = (to: number) => {
      e.preventDefault();
      if (rows.length) setActive((to + rows.length) % rows.length);
    };
    if (e.key === 'ArrowDown') move(activeIndex + 1);
    else if (e.key === 'ArrowUp') move(activeIndex - 1);
    else if (e.key === 'Home' && e.ctrlKey) move(0);
    else if (e.key === 'End' && e.ctrlKey) move(rows.length - 1);
    else if (e.key === 'PageDown') move(Math.min(activeIndex + 8, rows.length - 1));
    else if (e.key === 'PageUp') move(Math.max(activeIndex - 8, 0));
    else if (e.key === 'Enter') {
      e.preventDefault();
      const row = rows[activeIndex];
      if (row) run(row);
    } else if (e.key === 'Backspace' && picker && query === '') {
      e.preventDefault();
      setPicker(undefined);
      setActive(0);
    }
  };

  return (
    <Dialog
      title="Command palette"
      onClose={close}
      initialFocus={input}
      className="palette"
      dismissOnBackdrop
    >
      <div className="palette-input-row">
        <SearchIcon size={15} className="palette-input-icon" />
        {picker && (
          <span className="palette-step" title="Backspace in the empty field goes back to all actions">
            {picker.heading}
          </span>
        )}
        <input
          ref={input}
          className="palette-input"
          role="combobox"
          aria-label={
            picker ? picker.placeholder : 'Search actions, hosts, containers, images, networks, volumes'
          }
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
          placeholder={
            picker ? picker.placeholder : 'Type an action or the name of a container, image, network, volume…'
          }
          value={query}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <PaletteList
        id={listId}
        rows={rows}
        activeIndex={activeIndex}
        optionId={optionId}
        onHover={setActive}
        onRun={run}
      />
      <PaletteStatus query={query} picker={picker} rowCount={rows.length} search={search} hosts={hosts} />
    </Dialog>
  );
}
