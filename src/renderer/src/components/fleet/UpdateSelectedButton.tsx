import { selectedOnHosts, type SelectedContainersProps } from '../../lib/selected-on-hosts';
import { hasUpdate, updateKey, useUpdatesStore } from '../../stores/updates';
import { useUpdateFlowStore } from '../../stores/update-flow';

/** In the bulk bar: updates the selected containers that have a newer image (preflight first). */
export function UpdateSelectedButton(props: SelectedContainersProps) {
  const byContainer = useUpdatesStore((s) => s.byContainer);
  const open = useUpdateFlowStore((s) => s.open);
  const items = selectedOnHosts(props)
    .filter(({ hostId, c }) => hasUpdate(byContainer[updateKey(hostId, c.id)]))
    .map(({ hostId, c }) => ({ hostId, id: c.id, name: c.name }));
  return (
    <button
      type="button"
      className="button button-small"
      aria-label="Update selected"
      disabled={items.length === 0}
      title={items.length === 0 ? 'None of the selected containers has an update' : undefined}
      onClick={() => open(items)}
    >
      Update{items.length > 0 ? ` ${items.length}` : ''}
    </button>
  );
}
