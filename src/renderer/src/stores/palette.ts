import { create } from 'zustand';
import type { AppErrorShape, SearchHit, SearchHostOutcome } from '@shared/contract';
import type { ImageActionId } from '../actions/image-actions';
import type { CommandPicker } from '../lib/commands';
import { toErrorShape } from '../lib/errors';
import { api } from '../rpc/api';

/** Typing pauses this long before the palette asks every host. */
export const SEARCH_DEBOUNCE_MS = 150;

/** Dialogs the palette's own commands open (the views that own them keep theirs in local state). */
export type PaletteDialog =
  | { kind: 'pull-image'; hostId: string }
  | { kind: 'prune-images'; hostId: string }
  | { kind: 'prune-containers'; hostId: string }
  /** A row action of an image, network or volume, asked for in the palette: the row's own dialog. */
  | { kind: 'image-action'; hostId: string; action: ImageActionId; imageId: string }
  | { kind: 'network-remove'; hostId: string; networkId: string }
  | { kind: 'volume-remove'; hostId: string; volume: string };

export interface ObjectSearch {
  /** The query these results answer. */
  query: string;
  hits: SearchHit[];
  hosts: SearchHostOutcome[];
  loading: boolean;
  error: AppErrorShape | undefined;
}

interface PaletteState {
  open: boolean;
  /** A second step asked for by a command (e.g. which container to open a terminal in). */
  picker: CommandPicker | undefined;
  helpOpen: boolean;
  dialog: PaletteDialog | undefined;
  search: ObjectSearch;

  openPalette(): void;
  closePalette(): void;
  setPicker(picker: CommandPicker | undefined): void;
  setHelpOpen(open: boolean): void;
  openDialog(dialog: PaletteDialog): void;
  closeDialog(): void;
  /** Debounced search of every host's objects; an empty query clears the results. */
  searchObjects(query: string): void;
}

const EMPTY_SEARCH: ObjectSearch = { query: '', hits: [], hosts: [], loading: false, error: undefined };

let timer: ReturnType<typeof setTimeout> | undefined;
let inflight: AbortController | undefined;

function cancelSearch() {
  clearTimeout(timer);
  timer = undefined;
  inflight?.abort();
  inflight = undefined;
}

export const usePaletteStore = create<PaletteState>()((set, get) => ({
  open: false,
  picker: undefined,
  helpOpen: false,
  dialog: undefined,
  search: EMPTY_SEARCH,

  openPalette: () => set({ open: true, picker: undefined, helpOpen: false }),
  closePalette() {
    cancelSearch();
    set({ open: false, picker: undefined, search: EMPTY_SEARCH });
  },
  setPicker: (picker) => set({ picker }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: undefined }),

  searchObjects(raw) {
    const query = raw.trim();
    cancelSearch();
    if (!query) {
      set({ search: EMPTY_SEARCH });
      return;
    }
    // Earlier hits stay on screen while the next answer is on its way: no flicker while typing.
    set({ search: { ...get().search, loading: true, error: undefined } });
    timer = setTimeout(() => {
      const controller = new AbortController();
      inflight = controller;
      api.search
        .objects({ query, limit: 30 }, { signal: controller.signal })
        .then((res) => {
          if (inflight !== controller) return;
          inflight = undefined;
          set({ search: { query, hits: res.hits, hosts: res.hosts, loading: false, error: undefined } });
        })
        .catch((e: unknown) => {
          if (inflight !== controller) return;
          inflight = undefined;
          set({ search: { query, hits: [], hosts: [], loading: false, error: toErrorShape(e) } });
        });
    }, SEARCH_DEBOUNCE_MS);
  },
}));
