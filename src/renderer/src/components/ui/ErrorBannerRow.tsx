import type { AppErrorShape } from '@shared/contract';
import { ErrorBanner } from './ErrorBanner';

/** A page's failure, when there is one, as a banner in the row above its content. */
export function ErrorBannerRow({ error, title }: { error: AppErrorShape | undefined; title: string }) {
  if (!error) return null;
  return (
    <div className="banners">
      <ErrorBanner error={error} title={title} />
    </div>
  );
}
