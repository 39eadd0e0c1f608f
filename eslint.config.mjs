// One lint configuration for the whole workspace (flat config). Syntax-level TypeScript rules only:
// `tsc --noEmit` per package already does the type checking.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TYPESCRIPT_FILES = ['**/*.{ts,tsx,mts,cts}'];

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/data/',
    '**/coverage/',
    '**/.taro-cache/',
    '**/.swc/',
    'artifacts/',
  ]),
  js.configs.recommended,
  {
    files: TYPESCRIPT_FILES,
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Everything outside the mini-program and the site tracker runs on Node.
  {
    files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
    ignores: ['miniapp/src/**', 'server/tracker/**'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['server/tracker/**/*.ts'],
    languageOptions: { globals: globals.browser },
  },
  // Config files of Jest, Babel and Taro are CommonJS.
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  {
    files: ['miniapp/src/**/*.{ts,tsx,js,jsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: { ...globals.browser, wx: 'readonly' } },
  },
]);
