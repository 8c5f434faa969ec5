import type { AppError } from '@shared/contract';
import type { StreamHandlers, Subscription } from '@shared/rpc/client';

interface PageWatch<E> {
  /** Opens the stream (one of `api.<ns>.watch` with its params). */
  open(handlers: StreamHandlers<E>): Subscription;
  onEvent(event: E): void;
  /** The stream ended (`error` set when it failed); return a delay in ms to open it again. */
  onEnd(error: AppError | undefined): number | undefined;
}

/**
 * A stream the page follows for its whole life: the returned start function opens it once, however
 * often it is called, and again after the delay `onEnd` asks for.
 */
export function pageWatch<E>(watch: PageWatch<E>): () => void {
  let subscription: Subscription | undefined;
  const start = (): void => {
    if (subscription) return;
    subscription = watch.open({
      onEvent: (event) => watch.onEvent(event),
      onEnd(error) {
        subscription = undefined;
        const retryIn = watch.onEnd(error);
        if (retryIn !== undefined) setTimeout(start, retryIn);
      },
    });
  };
  return start;
}
