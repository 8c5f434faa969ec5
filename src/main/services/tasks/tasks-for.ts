import type { AppContext } from '../../app/app-context';
import { toAppError } from '../../errors/to-app-error';
import { TaskRegistry } from './task-registry';

const registries = new WeakMap<AppContext, TaskRegistry>();

/** The one task registry of a backend: images start tasks, the tasks namespace shows them. */
export function tasksFor(ctx: AppContext): TaskRegistry {
  let registry = registries.get(ctx);
  if (!registry) {
    const created = new TaskRegistry({ mapError: (e) => toAppError(e) });
    ctx.onDispose(() => created.dispose());
    registries.set(ctx, created);
    registry = created;
  }
  return registry;
}
