import { describe, expect, it } from 'vitest';
import { userAliases } from '../../src/main/services/stacks/adopt';

describe('aliases an adopted compose file keeps', () => {
  const id = 'db0f3a9c41e2' + '7'.repeat(52);

  it('drops what compose and the engine add: the service, the container name and the short id', () => {
    expect(userAliases(['web', 'shop-web-1', id.slice(0, 12), 'api'], 'web', '/shop-web-1', id)).toEqual([
      'api',
    ]);
  });

  it('keeps an alias the user chose even when the container id happens to start with it', () => {
    // "db" is hex: one container in 256 has an id that begins with it.
    expect(userAliases(['web', id.slice(0, 12), 'db'], 'web', '/shop-web-1', id)).toEqual(['db']);
  });
});
