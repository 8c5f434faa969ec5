import { z } from 'zod';
import { call } from './define';
import { containerRefSchema, hostIdSchema } from './ids';

export interface PortBinding {
  ip?: string;
  privatePort: number;
  publicPort?: number;
  type: string;
}

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface ContainerSummary {
  id: string;
  name: string;
  image: string;
  state: ContainerState;
  status: string;
  ports: PortBinding[];
  created: number;
  labels: Record<string, string>;
}

const target = { hostId: hostIdSchema, id: containerRefSchema };

export const containersContract = {
  list: call<ContainerSummary[]>()(z.strictObject({ hostId: hostIdSchema, all: z.boolean().default(true) })),
  start: call<void>()(z.strictObject(target)),
  // Stop waits for the container's own stop timeout (10 s by default) before SIGKILL.
  stop: call<void>()(z.strictObject(target), { timeoutMs: 60_000 }),
  restart: call<void>()(z.strictObject(target), { timeoutMs: 60_000 }),
  remove: call<void>()(z.strictObject({ ...target, force: z.boolean().default(false) }), {
    timeoutMs: 60_000,
  }),
};
