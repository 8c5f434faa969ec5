import { useState, type ComponentProps, type ReactNode } from 'react';
import type { HostList } from '../hooks/useHostList';
import type { HostLoad } from '../stores/resource-store';
import { ResourceListView, type ListBanner } from './ResourceListView';
import { ResourceToolbar } from './ui/ResourceToolbar';
import { ToolbarActions } from './ui/ToolbarActions';

/** What every toolbar dialog is given: the host, and how to close it. */
export interface ToolbarDialogBase {
  hostId: string;
  hostName: string;
  onClose(): void;
}

/** Toolbar commands (the list's 'toolbar' descriptors, policy-guarded), each opening its dialog. */
export interface ToolbarCommands {
  actions: ComponentProps<typeof ToolbarActions>['actions'];
  /** Off for now (nothing loaded to act on yet). */
  disabled?(id: string): boolean;
  /** The dialog of each command, by descriptor id. */
  dialogs: Record<string, (base: ToolbarDialogBase) => ReactNode>;
}

export interface HostResourceListProps {
  /** The host, its slice of the store, the search and the words (hooks/useHostList). */
  list: HostList<HostLoad>;
  /** "3 networks", read out when it changes. */
  count: ReactNode;
  /** Controls before the search box (a filter radio group). */
  filters?: ReactNode;
  commands?: ToolbarCommands;
  /** Toolbar buttons that are not descriptors (after the commands). */
  actions?: ReactNode;
  banners?: ListBanner[];
  empty?: ReactNode;
  /** The table. */
  children: ReactNode;
  /** Dialogs the rows open. */
  overlays?: ReactNode;
}

/**
 * One host's resource list (networks, volumes, stacks): ResourceListView with the toolbar every
 * such list has, and the toolbar's commands opening their dialogs. The list's state
 * (hooks/useHostList) drives the search, loading, errors and Try again; the view keeps its row
 * dialogs.
 */
export function HostResourceList({
  list,
  count,
  filters,
  commands,
  actions,
  banners,
  empty,
  children,
  overlays,
}: HostResourceListProps) {
  const { host, data, refetch, config } = list;
  const noun = config.title.toLowerCase();
  const [dialog, setDialog] = useState<string>();
  const base = { hostId: host.id, hostName: host.name, onClose: () => setDialog(undefined) };
  const toolbar = (
    <ResourceToolbar
      title={config.title}
      filters={filters}
      search={{
        label: `Search ${noun}`,
        placeholder: config.searchPlaceholder,
        value: list.search,
        onChange: list.setSearch,
      }}
      count={count}
      loading={data.loading}
      onRefresh={refetch}
    >
      {commands && (
        <ToolbarActions
          actions={commands.actions}
          allowed={list.can.allowed}
          onAction={setDialog}
          disabled={commands.disabled}
        />
      )}
      {actions}
    </ResourceToolbar>
  );
  return (
    <ResourceListView
      label={`${config.title} on ${host.name}`}
      load={{ ...data, noun, loadingText: config.loadingText ?? `Loading ${noun}…`, onRetry: refetch }}
      toolbar={toolbar}
      banners={banners}
      empty={empty}
      overlays={
        <>
          {dialog && commands?.dialogs[dialog]?.(base)}
          {overlays}
        </>
      }
    >
      {children}
    </ResourceListView>
  );
}
