import type { ForwardView } from '@shared/contract';

/** The http link a forward is opened at (forwards listen on 127.0.0.1 only). */
export function forwardUrl(f: Pick<ForwardView, 'localPort'>): string {
  return `http://127.0.0.1:${f.localPort}`;
}
