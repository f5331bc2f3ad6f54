// ESLint for the whole tree, as Astro's own projects set it up: JavaScript's recommended rules, typescript-eslint's
// for .ts, and eslint-plugin-astro's for .astro components. Formatting is Prettier's job (npm run format).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layers from './scripts/lib/eslint-layers.mjs';

export default defineConfig(
  {
    ignores: [
      'dist/',
      '.astro/',
      '.test-build/',
      '.bench/',
      '.scratch/',
      'bench-results/',
      'test-artifacts/',
      'tests/fixtures/',
      '.gongshi-staging-*/',
      '.tmp-*/',
    ],
  },
  js.configs.recommended,
  {
    // src/ in layers: no folder imports a folder above it, so none two import each other.
    files: ['src/**/*.{ts,mjs,astro}'],
    plugins: { layers },
    rules: { 'layers/no-upward-import': 'error' },
  },
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_`-prefixed names are deliberately unused (a parameter kept for its position).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Finding and removing control characters is part of reading what webmasters paste and upload.
      'no-control-regex': 'off',
      // Chinese text is indented and spaced with the ideographic space (U+3000): in strings, templates, patterns and
      // the text of components it is content, not a typo.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true, skipJSXText: true }],
    },
  },
  {
    // Code that runs in the reader's browser: each feature's client/ folder, the components' scripts, public/.
    files: ['src/**/client/**', 'src/components/**', 'public/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Browser modules ship to readers: nothing from Node, and nothing that only the build may load.
    files: ['src/**/client/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'Browser code cannot use Node modules.' },
            {
              regex: '^(hast-util-|mdast-util-|unified|remark-|pagefind$|mammoth|pdfjs-dist|yaml$)',
              message: 'A build-side library: keep it out of the browser bundle.',
            },
          ],
        },
      ],
    },
  },
);
