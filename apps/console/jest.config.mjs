// Console component and hook tests: jsdom, swc (TSX, automatic runtime), the same aliases as Vite.
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default {
  displayName: 'console',
  rootDir: here('.'),
  testEnvironment: here('./jest.env.mjs'),
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  setupFilesAfterEnv: [here('./src/test/setup.ts')],
  transform: {
    '^.+\\.tsx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022', experimental: { keepImportAttributes: true } },
        module: { type: 'es6' },
      },
    ],
  },
  moduleNameMapper: {
    '^@/(.*)$': here('./src/$1'),
    '^@zizhu/kernel$': here('../../libs/kernel/src/index.ts'),
    '^@zizhu/pricing$': here('../../libs/pricing/src/index.ts'),
    '^@zizhu/api-client$': here('../../libs/api-client/src/index.ts'),
    '\\.css$': here('./src/test/style-stub.ts'),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  // a timeout is not a speed assertion: on two loaded cores (the API's suite beside this one) one jsdom test of the
  // settlement page passed 60 s; a test that hangs still fails
  testTimeout: 120_000,
  // every test file that left more than this much heap gets a new worker (jsdom documents and antd's style caches
  // add up: one process running the whole suite reached 2.1 GB and slowed down)
  workerIdleMemoryLimit: '300MB',
};
