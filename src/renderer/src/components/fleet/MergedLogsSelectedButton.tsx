import type { ContainerSummary } from '@shared/contract';
import { useMergedLogsStore } from '../../stores/merged-logs';
import { useViewStore } from '../../stores/view';

/** In the bulk bar: follows the selected containers' logs together on the Merged logs page. */
export function MergedLogsSelectedButton({
  selected,
  hostOf,
}: {
  selected: ContainerSummary[];
  hostOf(c: ContainerSummary): string | undefined;
}) {
  const items = selected.flatMap((c) => {
    const hostId = hostOf(c);
    return hostId ? [{ hostId, id: c.id }] : [];
  });
  return (
    <button
      type="button"
      className="button button-small"
      aria-label="Merged logs of selected"
      disabled={items.length === 0}
      onClick={() => {
        useMergedLogsStore.getState().follow({ kind: 'containers', items: items.slice(0, 100) });
        useViewStore.getState().showPage('merged-logs');
      }}
    >
      Merged logs
    </button>
  );
}
