import { contract, type AnyDef } from '@shared/contract';
import { accessOf, type Access } from '@shared/policy/method-access';

const defs = new Map<string, AnyDef>();
for (const [ns, members] of Object.entries(contract)) {
  for (const [name, def] of Object.entries(members as Record<string, AnyDef>)) defs.set(`${ns}.${name}`, def);
}

/** Fields that name a host through a session rather than directly. */
export const SESSION_FIELDS: ReadonlySet<string> = new Set(['sessionId', 'uploadId']);

/**
 * The input fields of `method` that name a host, and the access each needs: what the contract
 * declares, else `hostId` with the method's own access.
 */
export function hostFieldsOf(method: string, input: unknown): Readonly<Record<string, Access | undefined>> {
  // An unknown method still names its host: its undefined access fails closed in the guard.
  return defs.get(method)?.hostFields ?? { hostId: accessOf(method, input) };
}

export interface NamedHost {
  field: string;
  hostId: string;
  access: Access | undefined;
}

/**
 * The values at a declared path: "hostId", or nested as "target.items.[].hostId" ("[]" is every
 * element of an array), so a call naming many hosts has each of them judged.
 */
function valuesAt(input: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return [input];
  const [head, ...rest] = path as [string, ...string[]];
  if (head === '[]') return Array.isArray(input) ? input.flatMap((v) => valuesAt(v, rest)) : [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [];
  return Object.hasOwn(input, head) ? valuesAt((input as Record<string, unknown>)[head], rest) : [];
}

/** The hosts an input names, resolved: sessions through `sessionHostOf`. */
export function hostsNamed(
  method: string,
  input: unknown,
  sessionHostOf: (id: string) => string | undefined = () => undefined,
): NamedHost[] {
  if (typeof input !== 'object' || input === null) return [];
  const out: NamedHost[] = [];
  for (const [field, access] of Object.entries(hostFieldsOf(method, input))) {
    for (const value of valuesAt(input, field.split('.'))) {
      if (typeof value !== 'string') continue;
      const hostId = SESSION_FIELDS.has(field) ? sessionHostOf(value) : value;
      if (hostId !== undefined) out.push({ field, hostId, access });
    }
  }
  return out;
}
