import { selectedOnHosts, type SelectedContainersProps } from '../../lib/selected-on-hosts';
import { useMergedLogsStore } from '../../stores/merged-logs';
import { useViewStore } from '../../stores/view';

/** In the bulk bar: follows the selected containers' logs together on the Merged logs page. */
export function MergedLogsSelectedButton(props: SelectedContainersProps) {
  const items = selectedOnHosts(props).map(({ hostId, c }) => ({ hostId, id: c.id }));
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
