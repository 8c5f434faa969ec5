import { useId } from 'react';
import { ErrorBanner } from '../ui/ErrorBanner';
import { hasUpdate, useUpdatesStore } from '../../stores/updates';
import { usePick } from '../../hooks/usePick';

/**
 * A containers toolbar's update controls: the "Updates available" filter (with how many) and
 * "Check now", which asks the registries again for these hosts (or every host).
 */
export function UpdatesControls({ hostIds }: { hostIds?: string[] }) {
  const id = useId();
  const { onlyUpdates, checking, error } = usePick(useUpdatesStore, 'onlyUpdates', 'checking', 'error');
  const { setOnlyUpdates, checkNow } = useUpdatesStore.getState();
  const count = useUpdatesStore(
    (s) =>
      s.snapshot?.containers.filter((c) => hasUpdate(c) && (!hostIds || hostIds.includes(c.hostId))).length ??
      0,
  );
  return (
    <>
      <div className="checkbox-row toolbar-check">
        <input
          id={id}
          type="checkbox"
          checked={onlyUpdates}
          onChange={(e) => setOnlyUpdates(e.target.checked)}
        />
        <label htmlFor={id}>
          Updates available{count > 0 && <span className="update-count">{count}</span>}
        </label>
      </div>
      <button
        type="button"
        className="button"
        onClick={() => void checkNow(hostIds)}
        disabled={checking}
        aria-busy={checking || undefined}
        title="Ask the registries whether these containers' images have newer versions"
      >
        {checking && <span className="spinner" aria-hidden="true" />}
        {checking ? 'Checking…' : 'Check now'}
      </button>
      {error && !checking && <ErrorBanner error={error} />}
    </>
  );
}
