import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { optionalDay, optionalPage, optionalPageSize, optionalText } from './search-params';

const schema = z.object({ q: optionalText, from: optionalDay, page: optionalPage, pageSize: optionalPageSize([20, 50]) });

describe('shared search params', () => {
  it('read what a shared link carries', () => {
    expect(schema.parse({ q: ' FR-0001 ', from: '2026-12-01', page: '3', pageSize: '50' })).toEqual({ q: 'FR-0001', from: '2026-12-01', page: 3, pageSize: 50 });
  });
  it('drop what they cannot read instead of failing the page', () => {
    expect(schema.parse({ q: '   ', from: '12/01/2026', page: '0', pageSize: '30' })).toEqual({});
    expect(schema.parse({ q: 'x'.repeat(201), page: 'two' })).toEqual({});
  });
});
