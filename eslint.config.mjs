import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.data/**', '**/.nx/**', '**/lint-canary/**', 'apps/console/vite.config.*'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommended],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          banTransitiveDependencies: false,
          depConstraints: [
            // apps never import apps; libs never import apps
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib'] },
            // who may import which lib
            { sourceTag: 'lib:kernel', onlyDependOnLibsWithTags: ['lib:kernel'] },
            { sourceTag: 'lib:pricing', onlyDependOnLibsWithTags: ['lib:kernel'] },
            { sourceTag: 'lib:payscore', onlyDependOnLibsWithTags: ['lib:kernel'] },
            { sourceTag: 'lib:device-sdk', onlyDependOnLibsWithTags: ['lib:kernel'] },
            { sourceTag: 'scope:browser', onlyDependOnLibsWithTags: ['scope:shared', 'scope:browser'] },
            // pure libraries: no framework, no database
            {
              sourceTag: 'type:lib',
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'pg-boss', 'react', 'react-dom', '@tanstack/*', 'nestjs-cls', 'fastify'],
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'process.env is read only in apps/*/src/config.' },
        { object: 'it', property: 'only', message: 'Focused tests must not be committed.' },
        { object: 'describe', property: 'only', message: 'Focused tests must not be committed.' },
        { object: 'test', property: 'only', message: 'Focused tests must not be committed.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // no consistent-type-imports: with emitDecoratorMetadata, Nest needs constructor parameter types as values
    },
  },
  {
    // end-to-end tests drive the API with the real Pay Score simulator and the fleet simulator: test-only
    // dependencies of an app on another app and a tool, by alias, nowhere else
    files: ['apps/*/test/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: ['@zizhu/payscore-sim', '@zizhu/fleet-sim'],
          banTransitiveDependencies: false,
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
          ],
        },
      ],
    },
  },
  {
    // config readers and tools are where the environment is read
    files: ['apps/*/src/config/**/*.ts', 'tools/**/*.ts', '**/*.e2e-spec.ts', '**/*.int-spec.ts', '**/test/support/**/*.ts'],
    rules: { 'no-restricted-properties': ['error', { object: 'it', property: 'only' }, { object: 'describe', property: 'only' }, { object: 'test', property: 'only' }] },
  },
);
