import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';

/** UI text comes from i18n keys: a letter in JSX text or in a text attribute is a literal that escaped translation. */
const noLiteralUiText = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const TEXT_ATTRIBUTES = new Set(['title', 'placeholder', 'label', 'aria-label', 'alt', 'okText', 'cancelText', 'description', 'tooltip', 'extra', 'help']);
    const hasWords = (text) => /\p{L}{2,}|\p{Script=Han}/u.test(text);
    return {
      JSXText(node) {
        if (hasWords(node.value)) context.report({ node, message: 'UI text must come from an i18n key (t(...)), not a literal.' });
      },
      JSXAttribute(node) {
        const name = typeof node.name.name === 'string' ? node.name.name : '';
        const value = node.value;
        if (!TEXT_ATTRIBUTES.has(name) || !value) return;
        const literal = value.type === 'Literal' ? value.value : value.type === 'JSXExpressionContainer' && value.expression.type === 'Literal' ? value.expression.value : null;
        if (typeof literal === 'string' && hasWords(literal)) context.report({ node, message: `The ${name} text must come from an i18n key (t(...)), not a literal.` });
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.data/**', '**/.nx/**', '**/lint-canary/**', 'apps/console/vite.config.*', 'apps/console/src/app/routeTree.gen.ts', 'apps/console/jest.*.mjs'] },
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
    // the console: features never import each other or the app; UI text comes from i18n keys
    files: ['apps/console/src/**/*.ts', 'apps/console/src/**/*.tsx'],
    plugins: { zizhu: { rules: { 'no-literal-ui-text': noLiteralUiText } } },
    rules: {
      'zizhu/no-literal-ui-text': 'error',
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/app/routeTree.gen*'], message: 'Only the router imports the generated route tree.' }] }],
    },
  },
  {
    files: ['apps/console/src/features/**/*.ts', 'apps/console/src/features/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/features/*', '@/features/**', '../../*', '../../**'], message: 'A feature never imports another feature: share through @/components or @/lib.' },
            { group: ['@/app/*', '@/app/**'], message: 'Features do not import the app shell; routes import features.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/console/src/components/**/*.{ts,tsx}', 'apps/console/src/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/features/*', '@/features/**', '@/app/*', '@/app/**'], message: 'Shared components and lib never import features or the app.' }] }],
    },
  },
  {
    // tests and e2e may use literal text (they assert it)
    files: ['apps/console/src/**/*.spec.{ts,tsx}', 'apps/console/e2e/**/*.ts', 'apps/console/src/test/**/*.ts'],
    rules: { 'zizhu/no-literal-ui-text': 'off' },
  },
  {
    // config readers and tools are where the environment is read
    files: ['apps/*/src/config/**/*.ts', 'tools/**/*.ts', 'apps/console/e2e/**/*.ts', 'apps/console/playwright.config.ts', '**/*.e2e-spec.ts', '**/*.int-spec.ts', '**/test/support/**/*.ts'],
    rules: { 'no-restricted-properties': ['error', { object: 'it', property: 'only' }, { object: 'describe', property: 'only' }, { object: 'test', property: 'only' }] },
  },
);
