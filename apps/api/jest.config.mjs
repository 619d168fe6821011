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
const workers = process.env.ZIZHU_TEST_WORKERS;
export default serverJestConfig(import.meta.dirname, 'api', { testTimeout: 120_000, ...(workers && /^\d+$/.test(workers) ? { maxWorkers: Number(workers) } : {}) });
