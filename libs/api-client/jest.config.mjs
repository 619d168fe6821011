import { serverJestConfig } from '../../jest.preset.mjs';

export default serverJestConfig(import.meta.dirname, 'api-client');
