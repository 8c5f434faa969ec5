import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The renderer's layers as import rules, one block per folder (see docs/architecture.md):
 *   lib/, actions/   pure: import only shared and lib (and actions may read lib)
 *   stores/          server data and app state: no views, components or hooks
 *   hooks/           may read stores and call rpc: no views or components
 *   components/      no views; components/ui/ (the kit) also no stores or rpc (hooks such as
 *                    useRowHeight are fine: they read settings, not server data)
 *   views/<a>/       nothing from views/<b>/ nor from the composition files in views/;
 *                    never rpc/api (mutations go through hooks/useMutation and stores)
 * Matching is on the import text; every renderer import is relative, so a folder name is a segment.
 */
const R = 'src/renderer/src';
const FILES = (dir) => [`${R}/${dir}/**/*.ts`, `${R}/${dir}/**/*.tsx`];
/** A relative import that climbs into one of these top-level folders (shared's own rpc/ is fine). */
const segment = (...names) => `^\\.{1,2}/(\\.\\./)*(${names.join('|')})(/|$)`;

function rule(...patterns) {
  return { 'no-restricted-imports': ['error', { patterns }] };
}
const layer = (regex, message) => ({ regex, message });

const rpcInViews = layer(
  segment('rpc'),
  'Views reach the engine through stores and hooks (useMutation), not rpc/api.',
);

function viewFolderBlocks() {
  const root = resolve(import.meta.dirname, '..', R, 'views');
  const folders = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory());
  const blocks = [];
  for (const f of folders) {
    // A file d folders below views/ leaves its own view folder with d "../": forbid that.
    for (let depth = 1; depth <= 4; depth += 1) {
      const glob = `${R}/views/${f.name}/${'*/'.repeat(depth - 1)}*.{ts,tsx}`;
      blocks.push({
        files: [glob],
        rules: rule(
          layer(
            `^(\\.\\./){${depth}}(?!\\.\\./)`,
            `views/${f.name} may not import another view folder or views/*: move shared pieces to components/, hooks/ or lib/.`,
          ),
          rpcInViews,
        ),
      });
    }
  }
  return blocks;
}

export const rendererLayers = [
  {
    files: [...FILES('lib'), ...FILES('actions')],
    rules: rule(
      layer(
        segment('stores', 'hooks', 'components', 'views', 'rpc'),
        'lib/ and actions/ are pure: they import only shared and lib.',
      ),
    ),
  },
  {
    files: FILES('stores'),
    rules: rule(
      layer(segment('views', 'components', 'hooks'), 'stores/ import no views, components or hooks.'),
    ),
  },
  {
    files: FILES('hooks'),
    rules: rule(layer(segment('views', 'components'), 'hooks/ import no views or components.')),
  },
  {
    files: FILES('components'),
    ignores: FILES('components/ui'),
    rules: rule(layer(segment('views'), 'components/ import no views.')),
  },
  {
    files: FILES('components/ui'),
    rules: rule(
      layer(
        segment('views', 'stores', 'rpc'),
        'The UI kit (components/ui) is presentational: props in, events out.',
      ),
    ),
  },
  ...viewFolderBlocks(),
];
