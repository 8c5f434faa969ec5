import { create } from 'zustand';
import type { AppErrorShape, DockerConfigImport, LoginResult, RegistryView } from '@shared/contract';
import { api } from '../rpc/api';
import { toErrorShape } from '../lib/errors';
import { withHostAllowed } from '../lib/allowed-hosts';

export type RegistryAddInput = Parameters<typeof api.registries.add>[0];
export type RegistryUpdateInput = Parameters<typeof api.registries.update>[0];
export type LoginTestInput = Parameters<typeof api.registries.testLogin>[0];

export interface RegistriesState {
  items: RegistryView[];
  loaded: boolean;
  error: AppErrorShape | undefined;
  dialogOpen: boolean;

  fetch(): Promise<void>;
  add(input: RegistryAddInput): Promise<RegistryView>;
  update(input: RegistryUpdateInput): Promise<RegistryView>;
  remove(id: string): Promise<void>;
  testLogin(input: LoginTestInput): Promise<LoginResult>;
  /** Lets (or stops) a host's engine receive a stored login. */
  allowHost(id: string, hostId: string, allowed: boolean): Promise<RegistryView>;
  importDockerConfig(): Promise<DockerConfigImport>;
  setDialogOpen(open: boolean): void;
}

/** Stored registry logins as main shows them: address and user, never the secret. */
export const useRegistriesStore = create<RegistriesState>()((set, get) => ({
  items: [],
  loaded: false,
  error: undefined,
  dialogOpen: false,

  async fetch() {
    try {
      set({ items: await api.registries.list({}), loaded: true, error: undefined });
    } catch (e) {
      set({ loaded: true, error: toErrorShape(e) });
    }
  },
  async add(input) {
    const view = await api.registries.add(input);
    await get().fetch();
    return view;
  },
  async update(input) {
    const view = await api.registries.update(input);
    await get().fetch();
    return view;
  },
  async remove(id) {
    await api.registries.remove({ id });
    await get().fetch();
  },
  testLogin: (input) => api.registries.testLogin(input),
  // Optimistic: the checkbox follows the click at once and goes back if main refuses.
  async allowHost(id, hostId, allowed) {
    set({ items: withHostAllowed(get().items, id, hostId, allowed) });
    try {
      const view = await api.registries.allowHost({ id, hostId, allowed });
      await get().fetch();
      return view;
    } catch (e) {
      set({ items: withHostAllowed(get().items, id, hostId, !allowed) });
      throw e;
    }
  },
  async importDockerConfig() {
    const result = await api.registries.importDockerConfig({});
    await get().fetch();
    return result;
  },
  setDialogOpen: (dialogOpen) => set({ dialogOpen }),
}));
