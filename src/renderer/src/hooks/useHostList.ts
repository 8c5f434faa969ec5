import { useState } from 'react';
import type { StoreApi, UseBoundStore } from 'zustand';
import type { HostView } from '@shared/contract';
import type { HostLoad, HostResourceState } from '../stores/resource-store';
import { useHostResource } from './useHostResource';
import { usePolicy, type HostPolicyView } from './usePolicy';

/** One per-host list (networks, volumes, stacks): its store, and what it is called on screen. */
export interface HostListConfig<H extends HostLoad, S extends HostResourceState<H> = HostResourceState<H>> {
  store: UseBoundStore<StoreApi<S>>;
  /** The slice before the first answer. */
  empty: H;
  /**
   * The plural it lists, capitalized ("Networks"): the toolbar's title, the section's name
   * ("Networks on engine-a"), and in lower case "Search networks", "Couldn't load networks".
   */
  title: string;
  /** The first load's spinner text; "Loading networks…" when absent. */
  loadingText?: string;
  searchPlaceholder: string;
}

/** A list's config, its store's types inferred. */
export function defineHostList<H extends HostLoad, S extends HostResourceState<H>>(
  config: HostListConfig<H, S>,
): HostListConfig<H, S> {
  return config;
}

/** A per-host list's state: its host and policy, its slice of the store, the search over it. */
export interface HostList<H extends HostLoad> {
  config: Omit<HostListConfig<H>, 'store'>;
  host: HostView;
  can: HostPolicyView;
  data: H;
  refetch(): void;
  search: string;
  setSearch(text: string): void;
}

/** The state behind components/HostResourceList for one host: fetched on open, searched here. */
export function useHostList<H extends HostLoad, S extends HostResourceState<H>>(
  config: HostListConfig<H, S>,
  host: HostView,
): HostList<H> {
  const can = usePolicy(host.id);
  const { data, refetch } = useHostResource(config.store, host.id, config.empty);
  const [search, setSearch] = useState('');
  return { config, host, can, data, refetch, search, setSearch };
}
