import { z } from 'zod';
import { call } from './define';

export interface AuditEntry {
  at: number;
  /** The host acted on, if any (host id and its name at the time). */
  hostId?: string;
  hostName?: string;
  /** Contract method, e.g. containers.remove */
  action: string;
  /** Names and ids from the input; never secrets. */
  target: string;
  outcome: 'ok' | 'error';
  error?: string;
}

export const auditContract = {
  /** The most recent mutating calls, oldest first. */
  list: call<AuditEntry[]>()(z.strictObject({ limit: z.number().int().min(1).max(5000).default(1000) })),
};
