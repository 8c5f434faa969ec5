import type { Endpoint } from '@shared/contract';
import type { SecretBox } from '../../security/secret-box';

/** The endpoint fields that are secrets: sealed on disk, never sent to the renderer. */
const SECRET_FIELDS = ['key', 'privateKey', 'passphrase'] as const;
type SecretField = (typeof SECRET_FIELDS)[number];

const context = (hostId: string, field: SecretField) => `host:${hostId}:${field}`;

/** Was this value written by a SecretBox (as opposed to plain text from an older file)? */
export function isSealed(value: string): boolean {
  return /^[a-z0-9]+:v\d+:/.test(value) && !value.startsWith('-----');
}

/** A copy of the endpoint with its secrets sealed for the config file. */
export async function sealEndpoint(
  hostId: string,
  endpoint: Endpoint,
  box: SecretBox,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { ...endpoint };
  for (const field of SECRET_FIELDS) {
    const v = out[field];
    if (typeof v === 'string' && v) out[field] = await box.seal(v, context(hostId, field));
  }
  return out;
}

/** The endpoint with its secrets opened; plain-text secrets (older files) pass through. */
export async function openEndpoint(
  hostId: string,
  endpoint: Record<string, unknown>,
  box: SecretBox,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { ...endpoint };
  for (const field of SECRET_FIELDS) {
    const v = out[field];
    if (typeof v === 'string' && isSealed(v)) out[field] = await box.open(v, context(hostId, field));
  }
  return out;
}
