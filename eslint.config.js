import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'bin/',
      'scripts/*.mjs',
      'bench/*.mjs',
      'eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Side effects at the edges: only the CLI prints or exits.
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: {
      'no-console': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'exit', message: 'Only src/cli may exit.' },
        { object: 'process', property: 'stdout', message: 'Only src/cli may print.' },
      ],
    },
  },
  {
    // Start-up time: packages only some commands need load on first use (core/lazy-require.ts).
    files: ['src/**/*.ts'],
    ignores: ['src/core/lazy-require.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            'yaml',
            'ajv',
            'ajv/dist/2020.js',
            '@jmespath-community/jmespath',
            're2js',
            'packageurl-js',
            'tar-stream',
            'fzstd',
            '@marcbachmann/cel-js',
            'tinyglobby',
          ].map((name) => ({
            name,
            allowTypeImports: true,
            message:
              'Loads at start-up for every command: use the accessor in core/lazy-require.ts.',
          })),
        },
      ],
    },
  },
  {
    // Controls, the engine, model and report are pure: no filesystem or network.
    files: [
      'src/controls/**',
      'src/engine/**',
      'src/model/**',
      'src/report/**',
      'src/frameworks/**',
      'src/core/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:fs',
            'node:fs/*',
            'node:net',
            'node:http',
            'node:https',
            'node:child_process',
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tests assert on terminal escape sequences.
      'no-control-regex': 'off',
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] },
          ],
        },
      ],
    },
  },
);
