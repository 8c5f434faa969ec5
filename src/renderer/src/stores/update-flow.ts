import { create } from 'zustand';

/** A container to update, with its name for the dialog. */
export interface UpdateItem {
  hostId: string;
  id: string;
  name: string;
}

/** What the update dialog is about: some containers, or a compose project on some hosts. */
export type UpdateRequest =
  { kind: 'containers'; items: UpdateItem[] } | { kind: 'project'; project: string; hostIds: string[] };

interface UpdateFlowState {
  /** Open while set. */
  request: UpdateRequest | undefined;
  open(items: UpdateItem[]): void;
  openProject(project: string, hostIds: string[]): void;
  close(): void;
}

/** Opens the update dialog from any list (a row's badge, a selection, a project header). */
export const useUpdateFlowStore = create<UpdateFlowState>()((set) => ({
  request: undefined,
  open: (items) => set({ request: items.length > 0 ? { kind: 'containers', items } : undefined }),
  openProject: (project, hostIds) => set({ request: { kind: 'project', project, hostIds } }),
  close: () => set({ request: undefined }),
}));
