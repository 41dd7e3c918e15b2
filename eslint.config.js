// ESLint flat config: JavaScript and typescript-eslint recommended rules, eslint-plugin-svelte for components,
// eslint-config-prettier last so that formatting is Prettier's alone (`npm run format`).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
  {
    ignores: [
      'build/',
      'dist/',
      '.svelte-kit/',
      '.data/',
      'node_modules/',
      'src/lib/paraglide/',
      'drizzle/',
      'bench/results/',
      'tests/screenshots/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Unused names are mistakes, except the conventional `_` prefix and rest siblings that drop a key.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Links go through href() of $lib/i18n, which adds the locale prefix (/en/…, /es/…); resolve() does not know it.
      'svelte/no-navigation-without-resolve': 'off',
      // Validators match control characters on purpose: to refuse them (web addresses, mail headers, catalogue text).
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig },
    },
  },
);
