// Shared jest settings for the server-side projects (native ESM, swc with decorator metadata).
// Run jest as `node --experimental-vm-modules node_modules/jest/bin/jest.js -c <project>/jest.config.mjs`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { swcJsc, swcModule } from './tools/swc-options.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const paths = JSON.parse(readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8')).compilerOptions.paths;

export function serverJestConfig(projectDir, displayName, overrides = {}) {
  return {
    displayName,
    rootDir: projectDir,
    testEnvironment: 'node',
    testTimeout: 30_000,
    extensionsToTreatAsEsm: ['.ts'],
    testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.int-spec.ts', '<rootDir>/**/*.e2e-spec.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    transform: {
      '^.+\\.tsx?$': [
        '@swc/jest',
        {
          jsc: swcJsc,
          module: swcModule,
        },
      ],
    },
    moduleNameMapper: {
      ...Object.fromEntries(Object.entries(paths).map(([name, [target]]) => [`^${name}$`, resolve(root, target)])),
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
    ...overrides,
  };
}
