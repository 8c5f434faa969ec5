import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const alias = { '@shared': resolve(import.meta.dirname, 'src/shared') };

/** Component tests need a DOM (happy-dom, a devDependency): without it the project is left out, loudly. */
function hasDom(): boolean {
  try {
    createRequire(import.meta.url).resolve('happy-dom');
    return true;
  } catch {
    console.warn('vitest: happy-dom is not installed, the component project (test/component) does not run');
    return false;
  }
}

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // One lab, shared engines: files run one at a time.
          fileParallelism: false,
        },
      },
      ...(hasDom()
        ? [
            {
              plugins: [react()],
              resolve: { alias },
              test: {
                name: 'component',
                include: ['test/component/**/*.test.{ts,tsx}'],
                environment: 'happy-dom',
              },
            },
          ]
        : []),
    ],
  },
});
