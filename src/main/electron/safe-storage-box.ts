import { AppError } from '@shared/contract';
import type { SecretBox } from '../security/secret-box';

/** The part of Electron's safeStorage this needs: an interface, so it is testable without Electron. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no keychain, i.e. a hard-coded key. */
  getSelectedStorageBackend?(): string;
}

const PREFIX = 'safestorage:v1:';

/**
 * Secrets sealed by the OS keychain (Keychain, DPAPI, libsecret/kwallet). Refuses to store when
 * Linux has no keychain (basic_text), unless the user opted in, because that is plain text in
 * all but name.
 */
export function safeStorageSecretBox(storage: SafeStorageLike, allowBasicText: boolean): SecretBox {
  const check = () => {
    if (!storage.isEncryptionAvailable()) {
      throw new AppError({
        code: 'CONFIG_ERROR',
        message: 'The OS keychain is not available, so Berthmaster cannot store secrets.',
      });
    }
    if (!allowBasicText && storage.getSelectedStorageBackend?.() === 'basic_text') {
      throw new AppError({
        code: 'CONFIG_ERROR',
        message:
          'No OS keychain (gnome-keyring or kwallet) is running, so secrets would be stored with a fixed key. Start a keychain, or set BERTHMASTER_ALLOW_BASIC_TEXT_SECRETS=1 to accept that.',
      });
    }
  };
  return {
    async seal(plain, context) {
      check();
      return PREFIX + storage.encryptString(`${context}\n${plain}`).toString('base64');
    },
    async open(sealed, context) {
      if (!sealed.startsWith(PREFIX)) {
        throw new AppError({
          code: 'CONFIG_ERROR',
          message: 'A stored secret was sealed another way (e.g. by browser mode).',
        });
      }
      check();
      const text = storage.decryptString(Buffer.from(sealed.slice(PREFIX.length), 'base64'));
      const nl = text.indexOf('\n');
      if (nl < 0 || text.slice(0, nl) !== context) {
        throw new AppError({
          code: 'CONFIG_ERROR',
          message: 'A stored secret does not belong where it was found.',
        });
      }
      return text.slice(nl + 1);
    },
  };
}
