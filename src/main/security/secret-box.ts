import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '@shared/contract';

/**
 * Encrypts secrets before they touch the config file. Small on purpose: the security work will
 * swap the key file for the OS keychain (Electron safeStorage) behind this same interface.
 * `context` is authenticated with the secret, so a ciphertext copied onto another record fails.
 */
export interface SecretBox {
  seal(plain: string, context: string): Promise<string>;
  open(sealed: string, context: string): Promise<string>;
}

const PREFIX = 'aes256gcm:v1:';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_FILE_NAME = 'secrets.key';

async function loadOrCreateKey(file: string): Promise<Buffer> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // 'wx': only one writer can create it; a concurrent creator reads the winner's key.
    const handle = await fs.open(file, 'wx', 0o600);
    const key = randomBytes(KEY_BYTES);
    try {
      await handle.writeFile(key);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const key = await fs.readFile(file);
  if (key.length !== KEY_BYTES) {
    throw new AppError({
      code: 'CONFIG_ERROR',
      message: `The key file ${file} is damaged (${key.length} bytes instead of ${KEY_BYTES}); stored secrets cannot be read.`,
    });
  }
  // Someone loosened it: tighten again, the key is as secret as the passwords.
  const mode = (await fs.stat(file)).mode & 0o777;
  if (mode !== 0o600) await fs.chmod(file, 0o600);
  return key;
}

/** AES-256-GCM under a random key kept in `<configDir>/secrets.key` (mode 0600). */
export function fileKeySecretBox(configDir: string): SecretBox {
  const file = path.join(configDir, KEY_FILE_NAME);
  let key: Promise<Buffer> | undefined;
  const getKey = () => {
    key ??= loadOrCreateKey(file).catch((e: unknown) => {
      key = undefined;
      throw e;
    });
    return key;
  };
  return {
    async seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', await getKey(), iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    async open(sealed, context) {
      const raw = sealed.startsWith(PREFIX) ? Buffer.from(sealed.slice(PREFIX.length), 'base64') : undefined;
      if (!raw || raw.length < IV_BYTES + TAG_BYTES) {
        throw new AppError({
          code: 'CONFIG_ERROR',
          message: 'A stored secret is not in a known format.',
        });
      }
      const decipher = createDecipheriv('aes-256-gcm', await getKey(), raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      try {
        return Buffer.concat([
          decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw new AppError({
          code: 'CONFIG_ERROR',
          message: `A stored secret could not be decrypted: was ${KEY_FILE_NAME} replaced? Enter the password again.`,
        });
      }
    },
  };
}
