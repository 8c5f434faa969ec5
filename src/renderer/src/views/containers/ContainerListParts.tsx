import type { ContainerSummary } from '@shared/contract';
import { withoutForbidden } from '../../actions/container-actions';
import type { ListBanner } from '../../components/ResourceListView';
import { EmptyState } from '../../components/ui/EmptyState';
import type { Verdict } from '../../lib/policy';
import { containerAction } from '../../actions/container-actions';
import { useContainersStore, type ActionError } from '../../stores/containers';
import type { ContainerFilterProps } from './ContainerFilters';
import { RowMenu } from './RowMenu';
import { moreActionItems, type ActionRequest, type ActionTarget } from './useContainerActions';

/** The pieces both containers pages (one host, all hosts) show the same way. */

/** The list is not empty, but nothing passes the search or the Show filter: says which, and clears it. */
export function FilteredOutState({
  filters,
  query,
  where,
}: {
  filters: ContainerFilterProps;
  /** The trimmed search text. */
  query: string;
  /** " on engine-a", or nothing on the page of every host. */
  where: string;
}) {
  const { filter, onSearch, onFilter } = filters;
  const shown = filter === 'exited' ? 'stopped' : 'running';
  return (
    <EmptyState
      title={query ? `No containers match “${query}”` : `No ${shown} containers${where}`}
      actions={[
        !!query && { label: 'Clear search', onClick: () => onSearch('') },
        filter !== 'all' && { label: 'Show all containers', onClick: () => onFilter('all') },
      ]}
    />
  );
}

/** A container's "More actions" menu: its menu actions that apply, less those the policy forbids. */
export function ContainerMenu({
  menu,
  request,
  onOpen,
  allowed,
  onClose,
}: {
  menu: { c: ContainerSummary; anchor: HTMLElement };
  request(kind: ActionRequest, c: ActionTarget): void;
  onOpen(c: ContainerSummary): void;
  allowed(method: string, input?: unknown): Verdict;
  onClose(): void;
}) {
  const { c, anchor } = menu;
  return (
    <RowMenu
      label={`Actions for ${c.name}`}
      anchor={anchor}
      items={withoutForbidden(
        moreActionItems(c, request, () => onOpen(c)),
        allowed,
      )}
      onClose={onClose}
    />
  );
}

/** One dismissable banner per failed action; `where` names the host on the page of every host. */
export function actionErrorBanners(errors: ActionError[], where: (e: ActionError) => string): ListBanner[] {
  return errors.map((e) => ({
    id: e.id,
    error: e.error,
    title: `Couldn't ${containerAction(e.action).failed} ${e.containerName}${where(e)}`,
    onDismiss: () => useContainersStore.getState().dismissActionError(e.id),
  }));
}

/** How bulk results name what they ran on: "3 selected containers". */
export const selectedScope = (n: number) => `${n} selected ${n === 1 ? 'container' : 'containers'}`;
