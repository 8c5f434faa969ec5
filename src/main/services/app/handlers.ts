import { AppError, type Contract } from '@shared/contract';
import type { AppContext } from '../../app/app-context';
import type { Handlers } from '../../rpc/handlers';

/** Binds the app namespace: things Berthmaster does for itself, not on an engine. */
export function appHandlers(ctx: AppContext): Handlers<Contract>['app'] {
  return {
    openExternal: async ({ url }) => {
      if (!ctx.openExternal) {
        throw new AppError({
          code: 'INVALID_INPUT',
          message: 'Links open in the browser tab itself in browser mode, not through Berthmaster.',
        });
      }
      await ctx.openExternal(url);
    },
    menu: (_params, sink) => ctx.menu?.subscribe((cmd) => sink.emit(cmd)) ?? (() => undefined),
  };
}
