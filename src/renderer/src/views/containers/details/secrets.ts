/** Words that mark an environment variable (or label) as holding a secret. */
const SECRET_WORDS = [
  'PASSWORD',
  'PASSWD',
  'PASS',
  'PWD',
  'SECRET',
  'TOKEN',
  'KEY',
  'CREDENTIAL',
  'CREDENTIALS',
  'AUTH',
  'PRIVATE',
  'CERT',
  'SALT',
  'DSN',
  'SESSION',
  'COOKIE',
];

/**
 * True for names like DB_PASSWORD, apiKey, GITHUB_TOKEN, AWS_SECRET_ACCESS_KEY: the name is split
 * into words (by _ - . and camelCase) and any word is one of SECRET_WORDS. "PATH", "KEYBOARD" or
 * "MONKEY" are not secrets.
 */
export function isSecretKey(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  return words.some((w) => SECRET_WORDS.includes(w));
}

export const MASK = '••••••••';
