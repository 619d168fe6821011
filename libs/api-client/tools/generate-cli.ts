import { readFileSync, writeFileSync } from 'node:fs';
import { generateApiTypes } from './generate.js';

/** Second half of `npm run openapi`: apps/api/openapi.json → libs/api-client/src/schema.ts. */
const document = JSON.parse(readFileSync(new URL('../../../apps/api/openapi.json', import.meta.url), 'utf8'));
const target = new URL('../src/schema.ts', import.meta.url);
writeFileSync(target, await generateApiTypes(document));
console.log(`wrote ${target.pathname}`);
