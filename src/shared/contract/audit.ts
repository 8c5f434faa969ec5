import { z } from 'zod';
import { call, stream } from './define';

export interface AuditEntry {
  at: number;
  /** The host acted on, if any (host id and its name at the time). */
  hostId?: string;
  hostName?: string;
  /** Further hosts the call named (images.copy's targetHostId), each judged and recorded. */
  otherHosts?: Array<{ field: string; hostId: string; hostName?: string }>;
  /** Contract method, e.g. containers.remove */
  action: string;
  /** Names and ids from the input; never secrets. */
  target: string;
  outcome: 'ok' | 'error';
  error?: string;
}

/** `reset`: the entries replace what the subscriber had (the first event); else they are appended. */
export interface AuditBatch {
  reset: boolean;
  entries: AuditEntry[];
}

export const auditContract = {
  /** The most recent mutating calls, oldest first. */
  list: call<AuditEntry[]>()(z.strictObject({ limit: z.number().int().min(1).max(5000).default(1000) })),
  /** The most recent entries first (reset), then each new entry as it is recorded. */
  watch: stream<AuditBatch>()(z.strictObject({ limit: z.number().int().min(1).max(5000).default(5000) })),
};
