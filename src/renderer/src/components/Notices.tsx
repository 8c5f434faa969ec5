import { CloseIcon } from './ui/Icons';
import { useHostsStore } from '../stores/hosts';
import { useUiStore } from '../stores/ui';
import { usePick } from '../hooks/usePick';

/** The backend's notice (e.g. a corrupt hosts file set aside) and short-lived toasts. */
export function Notices() {
  const { notice, dismissedNotice } = usePick(useHostsStore, 'notice', 'dismissedNotice');
  const { dismissNotice } = useHostsStore.getState();
  const { toasts, dismissToast } = usePick(useUiStore, 'toasts', 'dismissToast');
  const showNotice = notice !== undefined && notice !== dismissedNotice;

  return (
    <div className="toasts" aria-live="polite">
      {showNotice && (
        <div className="toast toast-warning" role="alert">
          <div className="toast-text">
            <strong>Notice</strong>
            <span>{notice}</span>
          </div>
          <button type="button" className="button button-small" onClick={dismissNotice}>
            Dismiss
          </button>
        </div>
      )}
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.tone}`} role={t.tone === 'error' ? 'alert' : 'status'}>
          <div className="toast-text">
            <span>{t.text}</span>
          </div>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss notification"
            onClick={() => dismissToast(t.id)}
          >
            <CloseIcon />
          </button>
        </div>
      ))}
    </div>
  );
}
