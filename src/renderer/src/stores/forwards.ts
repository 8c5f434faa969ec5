import { create } from 'zustand';
import type { AppErrorShape, ForwardView } from '@shared/contract';
import type { Subscription } from '@shared/rpc/client';
import { api } from '../rpc/api';
import { toErrorShape } from '../lib/errors';

interface ForwardsState {
  forwards: ForwardView[];
  loaded: boolean;
  streamError: AppErrorShape | undefined;
}

/** Every port forward main holds, as its `mobility.forwards` stream says. */
export const useForwardsStore = create<ForwardsState>()(() => ({
  forwards: [],
  loaded: false,
  streamError: undefined,
}));

let subscription: Subscription | undefined;
let watchers = 0;

/** Follows the forwards while at least one view wants them; returns the release. */
export function watchForwards(): () => void {
  watchers++;
  if (!subscription) {
    subscription = api.mobility.forwards(
      {},
      {
        onEvent: (forwards) => useForwardsStore.setState({ forwards, loaded: true, streamError: undefined }),
        onEnd(error) {
          subscription = undefined;
          if (error) useForwardsStore.setState({ streamError: toErrorShape(error) });
        },
      },
    );
  }
  return () => {
    watchers--;
    if (watchers === 0 && subscription) {
      subscription.close();
      subscription = undefined;
    }
  };
}
