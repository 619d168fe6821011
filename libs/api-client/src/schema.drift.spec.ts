import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { generateApiTypes } from '../tools/generate.js';

describe('the generated API client types', () => {
  it('match apps/api/openapi.json (run `npm run openapi` after changing the API)', async () => {
    const document = JSON.parse(readFileSync(new URL('../../../apps/api/openapi.json', import.meta.url), 'utf8'));
    const committed = readFileSync(new URL('./schema.ts', import.meta.url), 'utf8');
    expect(committed).toBe(await generateApiTypes(document));
  });
});
