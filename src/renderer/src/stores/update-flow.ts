import { create } from 'zustand';

/** A container to update, with its name for the dialog. */
export interface UpdateItem {
  hostId: string;
  id: string;
  name: string;
}

interface UpdateFlowState {
  /** The containers the update dialog is about (open while set). */
  items: UpdateItem[] | undefined;
  open(items: UpdateItem[]): void;
  close(): void;
}

/** Opens the update dialog from any list (a row's badge, a selection, the overview). */
export const useUpdateFlowStore = create<UpdateFlowState>()((set) => ({
  items: undefined,
  open: (items) => set({ items: items.length > 0 ? items : undefined }),
  close: () => set({ items: undefined }),
}));
