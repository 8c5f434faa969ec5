import { z } from 'zod';

/** Keys that would reach or replace an object's prototype when the record is copied. */
export const FORBIDDEN_RECORD_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A record whose keys may not be `__proto__`, `constructor` or `prototype`. A plain z.record drops a
 * `__proto__` key silently (it becomes the copy's prototype) and sends the rest on; this refuses the
 * whole input with an error that names the key.
 */
export function safeRecord<K extends z.ZodString, V extends z.ZodType>(key: K, value: V) {
  return z.record(
    key.refine((k) => !FORBIDDEN_RECORD_KEYS.has(k), {
      message: 'a key cannot be "__proto__", "constructor" or "prototype"',
    }),
    value,
  );
}
