import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileKeySecretBox } from '../../src/main/security/secret-box';
import { RegistryService } from '../../src/main/services/registries/registry-service';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'berthmaster-unit-consent-'));
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

describe('registry consents written before they named an endpoint', () => {
  it('are bound to the host as it is now, keep working, and still end when the address is edited', async () => {
    const box = fileKeySecretBox(dir);
    const secret = await box.seal('pw', 'r-000000000001');
    await fs.writeFile(
      path.join(dir, 'registries.json'),
      JSON.stringify({
        version: 1,
        registries: [
          {
            id: 'r-000000000001',
            address: 'reg.example:5000',
            username: 'u',
            secretKind: 'password',
            secret,
            allowedHosts: ['h-abc', 'h-gone'],
          },
        ],
      }),
    );
    let endpoint = 'tls:10.0.0.1:2376';
    const endpointOf = (id: string) => (id === 'h-abc' ? endpoint : undefined);
    const svc = new RegistryService(dir, box, endpointOf);
    expect((await svc.list())[0]?.allowedHosts).toEqual(['h-abc']);
    const saved = JSON.parse(await fs.readFile(path.join(dir, 'registries.json'), 'utf8'));
    expect(saved.registries[0].allowedHosts).toEqual([
      { hostId: 'h-abc', endpoint: 'tls:10.0.0.1:2376' },
      { hostId: 'h-gone', endpoint: '' },
    ]);
    endpoint = 'tls:10.0.0.9:2376';
    expect((await svc.list())[0]?.allowedHosts).toEqual([]);
  });
});
