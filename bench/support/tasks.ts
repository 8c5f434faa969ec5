import type { TasksEvent } from '@shared/contract/tasks';
import type { BenchApi } from './server';

/** How a task ended, and when by main's clock (this machine's): no polling delay is measured. */
export function taskEnded(
  api: BenchApi,
  taskId: string,
): Promise<{ state: string; at: number; error?: string }> {
  return new Promise((resolve) => {
    const sub = api.tasks.watch(
      {},
      {
        onEvent: (ev: TasksEvent) => {
          const tasks = ev.type === 'snapshot' ? ev.tasks : ev.type === 'upsert' ? [ev.task] : [];
          const t = tasks.find((x) => x.id === taskId);
          if (t && t.state !== 'running') {
            sub.close();
            resolve({
              state: t.state,
              at: t.endedAt ?? Date.now(),
              ...(t.error ? { error: t.error.message } : {}),
            });
          }
        },
        onEnd: () => undefined,
      },
    );
  });
}

/**
 * Runs `rounds` interleaved rounds of the reference and Berthmaster, alternating who goes first
 * (one transfer alone is too noisy on a shared machine); returns both series of times.
 */
export async function interleavedRounds(
  rounds: number,
  reference: () => Promise<number>,
  ours: () => Promise<number>,
): Promise<{ reference: number[]; ours: number[] }> {
  const out = { reference: [] as number[], ours: [] as number[] };
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      out.reference.push(await reference());
      out.ours.push(await ours());
    } else {
      out.ours.push(await ours());
      out.reference.push(await reference());
    }
  }
  return out;
}
