import type { ReactNode } from 'react';
import type { AppErrorShape } from '@shared/contract';
import { ErrorBanner } from './ui/ErrorBanner';
import { LoadingState } from './ui/EmptyState';

/** A banner about one failed action, dismissable when it has onDismiss. */
export interface ListBanner {
  id: number | string;
  title: string;
  error: AppErrorShape;
  onDismiss?(): void;
}

export interface ResourceListViewProps {
  /** The section's accessible name ("Networks on engine-a"). */
  label: string;
  className?: string;
  /** The list's toolbar (components/ui/ResourceToolbar, or a list's own). */
  toolbar: ReactNode;
  /**
   * One host's load state. Before the first answer: a spinner (`loadingText`), or nothing but
   * the error banner when that first load failed. A failed load shows "Couldn't load <noun>"
   * with Try again. Absent for a list over many hosts (each host reports on its own).
   */
  load?: {
    fetchedAt: number | undefined;
    error: AppErrorShape | undefined;
    noun: string;
    loadingText: string;
    onRetry(): void;
  };
  /** Failed actions, one dismissable banner each. */
  banners?: ListBanner[];
  /** The bulk bar and bulk results, between the banners and the table. */
  bulk?: ReactNode;
  /** Shown instead of the table when the (loaded) list has nothing to show; falsy: the table. */
  empty?: ReactNode;
  /** The table. */
  children: ReactNode;
  /** Dialogs and menus the list opens. */
  overlays?: ReactNode;
}

/**
 * The one shape of a resource list (containers, all containers, images, networks, volumes):
 * toolbar, load and action error banners, bulk bar, then loading / empty / the table, then the
 * dialogs. The list supplies its toolbar, table and empty states; the shell orders and gates them.
 */
export function ResourceListView({
  label,
  className = 'resource-view',
  toolbar,
  load,
  banners = [],
  bulk,
  empty,
  children,
  overlays,
}: ResourceListViewProps) {
  let body: ReactNode;
  if (load && load.fetchedAt === undefined) {
    // A failed first load: the error banner says it all.
    body = load.error ? null : <LoadingState text={load.loadingText} />;
  } else body = empty || children;

  return (
    <section className={className} aria-label={label}>
      {toolbar}
      {(load?.error || banners.length > 0) && (
        <div className="banners">
          {load?.error && (
            <ErrorBanner
              error={load.error}
              title={`Couldn't load ${load.noun}`}
              actions={
                <button type="button" className="button button-small" onClick={load.onRetry}>
                  Try again
                </button>
              }
            />
          )}
          {banners.map((b) => (
            <ErrorBanner key={b.id} error={b.error} title={b.title} onDismiss={b.onDismiss} />
          ))}
        </div>
      )}
      {bulk}
      {body}
      {overlays}
    </section>
  );
}
