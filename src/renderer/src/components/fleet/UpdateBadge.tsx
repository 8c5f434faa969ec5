import { updateBadge } from '../../lib/update-state';
import { updateKey, useUpdatesStore } from '../../stores/updates';
import { useUpdateFlowStore } from '../../stores/update-flow';

/**
 * A container's update state next to its image: "Update" (a button that opens the update dialog),
 * "Pinned", "Local", or a failed check with its reason in the tooltip. Nothing when up to date.
 */
export function UpdateBadge({
  hostId,
  containerId,
  name,
}: {
  hostId: string;
  containerId: string;
  name: string;
}) {
  const status = useUpdatesStore((s) => s.byContainer[updateKey(hostId, containerId)]);
  const open = useUpdateFlowStore((s) => s.open);
  const badge = status ? updateBadge(status) : undefined;
  if (!status || !badge) return null;
  if (badge.tone === 'update') {
    return (
      <button
        type="button"
        className="update-badge tone-update"
        title={`${badge.title}. Click to update.`}
        aria-label={`Update ${name}`}
        onClick={() => open([{ hostId, id: containerId, name }])}
      >
        {badge.text}
      </button>
    );
  }
  return (
    <span
      className={`update-badge tone-${badge.tone}`}
      title={badge.title}
      aria-label={`${name}: ${badge.title}`}
    >
      {badge.text}
    </span>
  );
}
