import { create } from 'zustand';
import type { AppErrorShape, AuditBatch } from '@shared/contract';
import type { Subscription } from '@shared/rpc/client';
import { api } from '../rpc/api';
import { toErrorShape } from '../lib/errors';
import type { AuditRow } from '../lib/audit';

/** As many as main keeps in memory. */
const KEEP = 5000;
const RETRY_MS = 2000;

interface AuditState {
  rows: AuditRow[];
  loaded: boolean;
  error: AppErrorShape | undefined;
}

export const useAuditStore = create<AuditState>()(() => ({ rows: [], loaded: false, error: undefined }));

let seq = 0;
let subscription: Subscription | undefined;
let retry: ReturnType<typeof setTimeout> | undefined;
let watchers = 0;

function apply(batch: AuditBatch): void {
  const fresh = batch.entries.map((e) => ({ ...e, seq: ++seq }));
  const rows = batch.reset ? fresh : [...useAuditStore.getState().rows, ...fresh];
  useAuditStore.setState({
    rows: rows.length > KEEP ? rows.slice(rows.length - KEEP) : rows,
    loaded: true,
    error: undefined,
  });
}

function start(): void {
  subscription = api.audit.watch(
    {},
    {
      onEvent: apply,
      onEnd(error) {
        subscription = undefined;
        if (error) useAuditStore.setState({ error: toErrorShape(error) });
        // Still watched: ask again (the first event resets the list, so nothing is doubled).
        if (watchers > 0) retry = setTimeout(start, RETRY_MS);
      },
    },
  );
}

/** The audit page watches while it is shown; the last one to leave closes the stream. */
export function watchAudit(): () => void {
  watchers++;
  if (watchers === 1) start();
  return () => {
    watchers--;
    if (watchers > 0) return;
    if (retry) clearTimeout(retry);
    retry = undefined;
    const sub = subscription;
    subscription = undefined;
    sub?.close();
  };
}
