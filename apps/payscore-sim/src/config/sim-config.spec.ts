import { describe, expect, it } from '@jest/globals';
import { loadSimConfig } from './sim-config.js';

describe('loadSimConfig', () => {
  it('is strict unless PAYSCORE_SIM_LENIENT says true (or 1); anything else is refused', () => {
    expect(loadSimConfig({}).lenient).toBe(false);
    expect(loadSimConfig({ PAYSCORE_SIM_LENIENT: 'false' }).lenient).toBe(false);
    expect(loadSimConfig({ PAYSCORE_SIM_LENIENT: 'true' }).lenient).toBe(true);
    expect(loadSimConfig({ PAYSCORE_SIM_LENIENT: '1' }).lenient).toBe(true);
    expect(() => loadSimConfig({ PAYSCORE_SIM_LENIENT: 'yes' })).toThrow(/PAYSCORE_SIM_LENIENT/);
  });
});
