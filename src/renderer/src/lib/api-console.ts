import type { EngineRequest, HttpMethod } from '@shared/apilog/engine-request';
import { msText } from './api-log-format';
import { readStored, writeStored } from './storage';

/** What the console form holds: the request being composed (the body as typed). */
export interface ConsoleDraft {
  method: HttpMethod;
  path: string;
  query: Array<[string, string]>;
  body: string;
}

export const EMPTY_DRAFT: ConsoleDraft = { method: 'GET', path: '/containers/json', query: [], body: '' };

/** A logged or form request as a draft: the body pretty-printed for editing. */
export function draftOf(req: EngineRequest): ConsoleDraft {
  return {
    method: req.method,
    path: req.path,
    query: req.query ?? [],
    body: req.body === undefined ? '' : JSON.stringify(req.body, null, 2),
  };
}

/** The typed body: absent when empty, else parsed JSON or the parser's message. */
export function parseBody(text: string): { ok: true; body?: unknown } | { ok: false; message: string } {
  if (!text.trim()) return { ok: true };
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch (e) {
    return {
      ok: false,
      message: `The body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

/** Query rows with a name (empty rows are the form's blank line). */
export function queryOf(draft: ConsoleDraft): Array<[string, string]> {
  return draft.query.filter(([k]) => k.trim() !== '').map(([k, v]): [string, string] => [k.trim(), v]);
}

/** How a sent request ended: the engine's status and how long it took, or why it got no answer. */
export interface HistoryOutcome {
  status?: number;
  durationMs?: number;
  /** No response: the policy refused it, a timeout, a lost connection (the message). */
  error?: string;
}

/** One sent request in the history (kept in this browser, newest first). */
export interface HistoryItem extends ConsoleDraft, HistoryOutcome {
  at: number;
  hostId: string;
  /** Sent, not answered yet (a replay shows its last outcome meanwhile); never stored. */
  pending?: boolean;
}

const KEY = 'berthmaster.apiConsole.history';
/** Bodies are kept up to this size; the list to HISTORY_MAX items. */
const BODY_MAX = 16 * 1024;
export const HISTORY_MAX = 50;

function isItem(v: unknown): v is HistoryItem {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.at === 'number' &&
    typeof o.hostId === 'string' &&
    typeof o.method === 'string' &&
    typeof o.path === 'string' &&
    typeof o.body === 'string' &&
    Array.isArray(o.query)
  );
}

export function loadHistory(): HistoryItem[] {
  try {
    const raw: unknown = JSON.parse(readStored(KEY) ?? '[]');
    return Array.isArray(raw) ? raw.filter(isItem).slice(0, HISTORY_MAX) : [];
  } catch {
    return [];
  }
}

function store(list: HistoryItem[]): HistoryItem[] {
  writeStored(KEY, JSON.stringify(list.map(({ pending: _pending, ...h }) => h)));
  return list;
}

/**
 * Adds a request on top, pending its outcome; an identical earlier one moves up instead of
 * repeating, and shows its last status and duration until the new answer replaces them.
 */
export function addToHistory(list: HistoryItem[], item: HistoryItem): HistoryItem[] {
  const kept = { ...item, body: item.body.length > BODY_MAX ? '' : item.body };
  const same = (h: HistoryItem) =>
    h.hostId === kept.hostId &&
    h.method === kept.method &&
    h.path === kept.path &&
    h.body === kept.body &&
    JSON.stringify(h.query) === JSON.stringify(kept.query);
  const before = list.find(same);
  const last: HistoryOutcome = before
    ? {
        ...(before.status !== undefined ? { status: before.status } : {}),
        ...(before.durationMs !== undefined ? { durationMs: before.durationMs } : {}),
        ...(before.error !== undefined ? { error: before.error } : {}),
      }
    : {};
  return store([{ ...last, ...kept, pending: true }, ...list.filter((h) => !same(h))].slice(0, HISTORY_MAX));
}

/** The outcome of the request sent at `at` (replacing a replayed one's last outcome). */
export function recordOutcome(list: HistoryItem[], at: number, outcome: HistoryOutcome, final = true) {
  if (!list.some((h) => h.at === at)) return list;
  return store(
    list.map((h) => {
      if (h.at !== at) return h;
      const { status: _s, durationMs: _d, error: _e, ...rest } = h;
      return { ...rest, ...outcome, pending: !final };
    }),
  );
}

/** "200 · 12 ms", "failed", or "…" while a first send has no answer yet. */
export function outcomeText(h: HistoryItem): string {
  if (h.error !== undefined) return 'failed';
  if (h.status === undefined) return h.pending ? '…' : '—';
  return h.durationMs === undefined ? String(h.status) : `${h.status} · ${msText(h.durationMs)}`;
}

export function clearHistory(): HistoryItem[] {
  writeStored(KEY, null);
  return [];
}
