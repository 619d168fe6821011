import { describe, expect, it } from '@jest/globals';
import type { Schemas } from '@zizhu/api-client';
import { subjectOf } from './alert-inbox';

const alert = (overrides: Partial<Schemas['AlertDto']>) => ({ subjectType: 'device', subjectId: '00000000-0000-4000-8000-00000000b001', facts: {}, ...overrides }) as Schemas['AlertDto'];

describe('subjectOf', () => {
  it('names a flagged power bank by its bank id, not by the cabinet it sits in', () => {
    expect(subjectOf(alert({ kind: 'POWERBANK_FLAGGED', subjectType: 'power-bank', facts: { bankId: 'B4', deviceCode: 'PB-0001' } }))).toBe('B4');
  });

  it('names a device by its code, else the subject id', () => {
    expect(subjectOf(alert({ facts: { deviceCode: 'PB-0001' } }))).toBe('PB-0001');
    expect(subjectOf(alert({ subjectType: 'organization' }))).toBe('00000000-0000-4000-8000-00000000b001');
  });
});
