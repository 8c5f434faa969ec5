import type { EngineRequest, HttpMethod } from '@shared/apilog/engine-request';
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

/** One sent request in the history (kept in this browser, newest first). */
export interface HistoryItem extends ConsoleDraft {
  at: number;
  hostId: string;
  status?: number;
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

/** Adds a request on top; an identical earlier one moves up instead of repeating. */
export function addToHistory(list: HistoryItem[], item: HistoryItem): HistoryItem[] {
  const kept = { ...item, body: item.body.length > BODY_MAX ? '' : item.body };
  const same = (h: HistoryItem) =>
    h.hostId === kept.hostId &&
    h.method === kept.method &&
    h.path === kept.path &&
    h.body === kept.body &&
    JSON.stringify(h.query) === JSON.stringify(kept.query);
  const next = [kept, ...list.filter((h) => !same(h))].slice(0, HISTORY_MAX);
  writeStored(KEY, JSON.stringify(next));
  return next;
}

export function clearHistory(): HistoryItem[] {
  writeStored(KEY, null);
  return [];
}
