import { promises as fs } from 'node:fs';
import type { SecretKind } from '@shared/contract';

export interface DockerLogin {
  address: string;
  username: string;
  secret: string;
  secretKind: SecretKind;
}

export interface DockerConfigLogins {
  found: boolean;
  logins: DockerLogin[];
  skipped: Array<{ address: string; reason: string }>;
  credsStore?: string;
  credHelpers: Array<{ address: string; helper: string }>;
}

interface AuthEntry {
  auth?: unknown;
  username?: unknown;
  password?: unknown;
  identitytoken?: unknown;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** `auth` is base64("user:password"); the password may itself contain colons. */
function decodeAuth(auth: string): { username: string; password: string } | undefined {
  const text = Buffer.from(auth, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  return { username: text.slice(0, colon), password: text.slice(colon + 1) };
}

/**
 * The logins in a docker CLI config file. Only inline `auths` are read; a configured credential
 * store or helper is reported by name and left alone (running helpers is not Berthmaster's call).
 */
export async function readDockerConfig(file: string): Promise<DockerConfigLogins> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      return { found: false, logins: [], skipped: [], credHelpers: [] };
    throw e;
  }
  let json: { auths?: unknown; credsStore?: unknown; credHelpers?: unknown };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    return {
      found: true,
      logins: [],
      skipped: [{ address: file, reason: 'the file is not valid JSON' }],
      credHelpers: [],
    };
  }
  const out: DockerConfigLogins = { found: true, logins: [], skipped: [], credHelpers: [] };
  const credsStore = str(json.credsStore);
  if (credsStore) out.credsStore = credsStore;
  if (json.credHelpers && typeof json.credHelpers === 'object') {
    for (const [address, helper] of Object.entries(json.credHelpers as Record<string, unknown>)) {
      if (typeof helper === 'string') out.credHelpers.push({ address, helper });
    }
  }
  const auths = json.auths && typeof json.auths === 'object' ? (json.auths as Record<string, AuthEntry>) : {};
  for (const [address, entry] of Object.entries(auths)) {
    const decoded = str(entry?.auth) ? decodeAuth(str(entry.auth)) : undefined;
    const username = decoded?.username ?? str(entry?.username);
    const token = str(entry?.identitytoken);
    const password = decoded?.password ?? str(entry?.password);
    if (token) {
      out.logins.push({ address, username, secret: token, secretKind: 'identity-token' });
    } else if (password) {
      out.logins.push({ address, username, secret: password, secretKind: 'password' });
    } else {
      const helper = out.credHelpers.find((h) => h.address === address)?.helper ?? credsStore;
      out.skipped.push({
        address,
        reason: helper
          ? `its secret is kept by the credential helper "docker-credential-${helper}", which Berthmaster does not read`
          : 'no username and password in the file',
      });
    }
  }
  return out;
}
