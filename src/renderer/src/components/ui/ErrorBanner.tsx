import { CloseIcon } from './Icons';
import type { ReactNode } from 'react';
import type { AppErrorShape } from '@shared/contract';
import { errorTitle } from '../../lib/errors';

export interface ErrorBannerProps {
  error: AppErrorShape;
  /** Replaces the title derived from the error code, e.g. "Couldn't stop web-1". */
  title?: string;
  onDismiss?(): void;
  dismissLabel?: string;
  /** Extra buttons, e.g. Retry. */
  actions?: ReactNode;
  tone?: 'error' | 'warning';
}

/** An error as a sentence: ERROR_TITLES[code] (or a given title), the message, and the detail on demand. */
export function ErrorBanner({
  error,
  title,
  onDismiss,
  dismissLabel,
  actions,
  tone = 'error',
}: ErrorBannerProps) {
  const heading = title ? `${title}: ${errorTitle(error)}` : errorTitle(error);
  return (
    <div className={`banner banner-${tone}`} role="alert">
      <svg className="banner-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <circle cx="8" cy="8" r="7" fill="currentColor" opacity="0.15" />
        <path d="M8 4.2v4.6" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" />
        <circle cx="8" cy="11.3" r="1" fill="currentColor" />
      </svg>
      <div className="banner-content">
        <div className="banner-title">{heading}</div>
        <div className="banner-message">{error.message}</div>
        {error.detail && (
          <details className="banner-detail">
            <summary>Details</summary>
            <pre>{error.detail}</pre>
          </details>
        )}
        {actions && <div className="banner-actions">{actions}</div>}
      </div>
      {onDismiss && (
        <button
          type="button"
          className="icon-button banner-dismiss"
          aria-label={dismissLabel ?? 'Dismiss'}
          onClick={onDismiss}
        >
          <CloseIcon />
        </button>
      )}
    </div>
  );
}
