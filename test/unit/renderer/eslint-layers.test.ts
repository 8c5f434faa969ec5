import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Runs the repo's real ESLint config on deliberate violations: the layer rules must fail them.
const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });
const R = 'src/renderer/src';

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

// The first lint loads the whole config and the TypeScript parser: seconds on a busy machine.
describe('renderer layer rules (eslint.config.js)', { timeout: 60_000 }, () => {
  it('lib/ may not import a store', async () => {
    const found = await problems(
      `${R}/lib/probe-layer.ts`,
      "export { useHostsStore } from '../stores/hosts';\n",
    );
    expect(found.join('\n')).toMatch(/no-restricted-imports: .*lib\/ and actions\/ are pure/);
  });

  it('a view folder may not import another view folder', async () => {
    const found = await problems(
      `${R}/views/images/ProbeLayer.tsx`,
      "export { NetworksView } from '../networks/NetworksView';\n",
    );
    expect(found.join('\n')).toMatch(/views\/images may not import another view folder/);
  });

  it('a view may not import rpc/api', async () => {
    const found = await problems(
      `${R}/views/networks/ProbeLayer.tsx`,
      "export { api } from '../../rpc/api';\n",
    );
    expect(found.join('\n')).toMatch(/not rpc\/api/);
  });

  it('the UI kit may not read a store', async () => {
    const found = await problems(
      `${R}/components/ui/ProbeLayer.tsx`,
      "export { useHostsStore } from '../../stores/hosts';\n",
    );
    expect(found.join('\n')).toMatch(/UI kit/);
  });

  it('stores may not import views or components', async () => {
    const found = await problems(
      `${R}/stores/probe-layer.ts`,
      "export { Dialog } from '../components/ui/Dialog';\n",
    );
    expect(found.join('\n')).toMatch(/stores\/ import no views, components or hooks/);
  });

  it('renderer file names follow one rule', async () => {
    const found = await problems(`${R}/lib/probeLayer.ts`, 'export const x = 1;\n');
    expect(found.join('\n')).toMatch(/berthmaster\/file-name/);
  });

  it('the allowed directions pass', async () => {
    const view = await problems(
      `${R}/views/images/ProbeLayer.tsx`,
      "export { SearchBox } from '../../components/ui/SearchBox';\nexport { formatBytes } from '../../lib/format';\nexport { useUiStore } from '../../stores/ui';\n",
    );
    const lib = await problems(`${R}/lib/probe-layer.ts`, "export { contract } from '@shared/contract';\n");
    expect([...view, ...lib]).toEqual([]);
  });
});
