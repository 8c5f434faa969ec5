import type { AppContext } from './app-context';

/**
 * One `T` per backend, made on first use: how a service shared by several namespaces (tasks,
 * updates, alerts...) is reached from each of their handlers without a second copy.
 */
export function perContext<T extends object>(make: (ctx: AppContext) => T): (ctx: AppContext) => T {
  const made = new WeakMap<AppContext, T>();
  return (ctx) => {
    let value = made.get(ctx);
    if (!value) {
      value = make(ctx);
      made.set(ctx, value);
    }
    return value;
  };
}
