import type { Contract } from '@shared/contract';
import type { AppContext } from '../../app/app-context';
import type { Handlers } from '../../rpc/handlers';
import { followMerged } from './merged-follow';

/** Binds the mergedLogs namespace: many containers on many hosts as one time-ordered stream. */
export function mergedLogsHandlers({ hosts, events }: AppContext): Handlers<Contract>['mergedLogs'] {
  return {
    follow: (params, sink) => followMerged({ hosts, events }, params, sink),
  };
}
