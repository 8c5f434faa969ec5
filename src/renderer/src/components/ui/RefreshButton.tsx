import { RefreshIcon } from './RefreshIcon';

export interface RefreshButtonProps {
  loading: boolean;
  onRefresh(): void;
  /** The circular arrow alone, named "Refresh" (a crowded toolbar), instead of arrow and word. */
  compact?: boolean;
  /** The compact button's accessible name when "Refresh" alone is ambiguous ("Refresh images"). */
  label?: string;
}

/** The one Refresh button of lists and pages: it spins, and waits, while they load. */
export function RefreshButton({ loading, onRefresh, compact, label = 'Refresh' }: RefreshButtonProps) {
  return (
    <button
      type="button"
      className={compact ? 'icon-button toolbar-icon' : 'button'}
      onClick={onRefresh}
      disabled={loading}
      aria-busy={loading || undefined}
      aria-label={compact ? label : undefined}
      title={compact ? 'Refresh' : undefined}
    >
      {loading ? <span className="spinner" aria-hidden="true" /> : <RefreshIcon size={compact ? 14 : 13} />}
      {!compact && 'Refresh'}
    </button>
  );
}
