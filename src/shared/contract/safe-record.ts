import { z } from 'zod';

/** Keys that would reach or replace an object's prototype when the record is copied. */
export const FORBIDDEN_RECORD_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const FORBIDDEN_KEY_MESSAGE = 'a key cannot be "__proto__", "constructor" or "prototype"';

function forbiddenKeyOf(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  return Object.keys(v).find((k) => FORBIDDEN_RECORD_KEYS.has(k));
}

/**
 * A record whose keys may not be `__proto__`, `constructor` or `prototype`. zod's record skips a
 * `__proto__` key silently and passes the rest on; this refuses the whole input instead, with an
 * error naming the key. The check runs on the raw input, before the record copies it.
 */
export function safeRecord<K extends z.ZodString, V extends z.ZodType>(key: K, value: V) {
  const record = z.record(
    key.refine((k) => !FORBIDDEN_RECORD_KEYS.has(k), { message: FORBIDDEN_KEY_MESSAGE }),
    value,
  );
  return z
    .custom<z.input<typeof record>>((v) => forbiddenKeyOf(v) === undefined, {
      error: (issue) => `"${forbiddenKeyOf(issue.input) ?? ''}" is not allowed: ${FORBIDDEN_KEY_MESSAGE}`,
    })
    .pipe(record);
}
