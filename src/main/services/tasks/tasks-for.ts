import { toAppError } from '../../errors/to-app-error';
import { TaskRegistry } from './task-registry';
import { perContext } from '../../app/per-context';

/** The one task registry of a backend: images start tasks, the tasks namespace shows them. */
export const tasksFor = perContext((ctx) => {
  const registry = new TaskRegistry({ mapError: (e) => toAppError(e) });
  ctx.onDispose(() => registry.dispose());
  return registry;
});
