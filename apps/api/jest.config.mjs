import { serverJestConfig } from '../../jest.preset.mjs';

// Most API tests start one or more whole apps (migrations and the demo seed on a fresh database). Alone that takes
// 5–15 s here; under CI's parallel run on two cores a start has passed 30 s (auth-cookie, merchants-keyring,
// seed-restart). A timeout is not a speed assertion (speed is measured in `npm run bench`), so hooks and tests get
// 120 s; a test that hangs still fails.
//
// ZIZHU_TEST_WORKERS=N runs N test files at a time (jest's default on two cores is one). An API test spends about half
// its time waiting (jobs, polls, the simulator's answers), so a second file fills the gaps when nothing else runs
// (.ci/run's PostgreSQL pass). Every file has its own database (a new embedded one in memory, or one created on the
// server with ZIZHU_TEST_DB_PREFIX) and listens on ports it is given, so files never share state. Not by default:
// `npm test` runs the console's suite beside this one, and a third busy process on two cores stretched the
// tests' short timeouts (a 4 s confirmation window) past their limits.
//
// A test file's apps leave memory behind that nothing gives back (each embedded database is a WebAssembly instance
// of its own): in one process the suite grew by about 80 MB a file (0.7 to 1.7 GB over 12 files here), and in stop
// 21's CI later files ran 4 to 15 times slower than alone. workerIdleMemoryLimit gives every test file that used more than this much heap a new worker process (jest
// then never runs a suite in band), so each file starts as it does alone.
const workers = process.env.ZIZHU_TEST_WORKERS;
export default serverJestConfig(import.meta.dirname, 'api', {
  testTimeout: 120_000,
  workerIdleMemoryLimit: '200MB',
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  ...(workers && /^\d+$/.test(workers) ? { maxWorkers: Number(workers) } : {}),
});
