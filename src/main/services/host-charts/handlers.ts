import type { Contract } from '@shared/contract';
import type { AppContext } from '../../app/app-context';
import type { Handlers } from '../../rpc/handlers';
import { hostChartsFor } from './host-charts-service';

/** Binds the hostCharts namespace. Points are periodic: a subscriber that falls behind misses some. */
export function hostChartsHandlers(ctx: AppContext): Handlers<Contract>['hostCharts'] {
  return {
    watch: ({ hostIds }, sink) => {
      let blocked = false;
      return hostChartsFor(ctx).watch(hostIds, (e) => {
        if (blocked && e.type === 'point') return;
        if (!sink.emit(e)) {
          blocked = true;
          void sink.writable().then(() => (blocked = false));
        }
      });
    },
  };
}
