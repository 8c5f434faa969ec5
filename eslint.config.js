import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { berthmasterPlugin } from './eslint/file-name-rule.js';
import { rendererLayers } from './eslint/renderer-layers.js';

export default tseslint.config(
  {
    ignores: ['out/**', 'out-*/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'dist/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/renderer/**/*.tsx', 'src/renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Services run under plain Node: Electron stays in the shell.
    files: ['src/main/services/**', 'src/main/rpc/**', 'src/main/app/**', 'src/main/web/**', 'src/shared/**'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'] }] },
  },
  {
    files: ['src/renderer/src/**/*.ts', 'src/renderer/src/**/*.tsx'],
    plugins: { berthmaster: berthmasterPlugin },
    rules: { 'berthmaster/file-name': 'error' },
  },
  ...rendererLayers,
);
