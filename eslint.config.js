import js from '@eslint/js'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import jest from 'eslint-plugin-jest'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    // No import cycles (type-only imports count: a shared type lives where both sides can import it).
    files: ['**/*.ts'],
    plugins: { import: importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver()]
    },
    rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] }
  },
  {
    // Stages get the engine client (src/engine/client.ts), never dockerode; file calls come from src/fs-async.ts.
    files: ['src/**/*.ts'],
    ignores: ['src/engine/client.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'dockerode',
              message:
                'Use the EngineClient (src/engine/client.ts): it is the one module that imports dockerode.',
              allowTypeImports: true
            },
            ...['node:fs/promises', 'fs/promises'].map(name => ({
              name,
              message:
                'Use src/fs-async.ts: on Node 24 node:fs/promises loads readline and the fs watchers with it (~0.8 MB of the peak of the default run).'
            }))
          ]
        }
      ]
    }
  },
  {
    // A test that asserts nothing cannot fail. Helpers that assert for a test are named check*/expect*.
    files: ['__tests__/**/*.ts'],
    plugins: { jest },
    rules: {
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', 'check*', 'assert*'] }]
    }
  }
)
