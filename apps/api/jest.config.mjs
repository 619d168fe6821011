import { serverJestConfig } from '../../jest.preset.mjs';

// Most API tests start one or more whole apps (migrations and the demo seed on a fresh database). Alone that takes
// 5–15 s here; under CI's parallel run on two cores a start has passed 30 s (auth-cookie, merchants-keyring,
// seed-restart). A timeout is not a speed assertion (speed is measured in `npm run bench`), so hooks and tests get
// 120 s; a test that hangs still fails.
//
// Two test files at a time (jest's default on two cores is one): an API test spends about half its time waiting
// (jobs, polls, the simulator's answers), so a second file fills the gaps. Every file has its own database (a new
// embedded one in memory, or one created on the server with ZIZHU_TEST_DB_PREFIX) and listens on ports it is given,
// so files never share state. ZIZHU_TEST_WORKERS overrides (1: one file at a time, as before).
const workers = process.env.ZIZHU_TEST_WORKERS ?? '2';
export default serverJestConfig(import.meta.dirname, 'api', { testTimeout: 120_000, maxWorkers: /^\d+$/.test(workers) ? Number(workers) : workers });
