import type { Contract } from '@shared/contract';
import type { AppContext } from '../../app/app-context';
import type { Handlers } from '../../rpc/handlers';
import { streamTaskOutput, watchTasks } from './task-streams';
import { tasksFor } from './tasks-for';

/** Binds the tasks namespace: watch every long operation, read its output, cancel it. */
export function tasksHandlers(ctx: AppContext): Handlers<Contract>['tasks'] {
  return {
    watch: (_params, sink) => watchTasks(tasksFor(ctx), sink),
    output: ({ taskId }, sink) => streamTaskOutput(tasksFor(ctx), taskId, sink),
    cancel: ({ taskId }) => tasksFor(ctx).cancel(taskId),
    clear: ({ taskId }) => tasksFor(ctx).clear(taskId),
  };
}
