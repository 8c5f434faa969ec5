import type { AppErrorShape } from '@shared/contract';
import { ErrorBanner } from './ErrorBanner';

/** A failed read ("Couldn't load the network: …") with the one way out: Try again. */
export function RetryBanner({
  error,
  title,
  onRetry,
}: {
  error: AppErrorShape;
  title: string;
  onRetry(): void;
}) {
  return (
    <ErrorBanner
      error={error}
      title={title}
      actions={
        <button type="button" className="button button-small" onClick={onRetry}>
          Try again
        </button>
      }
    />
  );
}
