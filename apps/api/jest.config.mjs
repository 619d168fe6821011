import { serverJestConfig } from '../../jest.preset.mjs';

// Most API tests start one or more whole apps (migrations and the demo seed on a fresh database). Alone that takes
// 5–15 s here; under CI's parallel run on two cores a start has passed 30 s (auth-cookie, merchants-keyring,
// seed-restart). A timeout is not a speed assertion (speed is measured in `npm run bench`), so hooks and tests get
// 120 s; a test that hangs still fails.
export default serverJestConfig(import.meta.dirname, 'api', { testTimeout: 120_000 });
