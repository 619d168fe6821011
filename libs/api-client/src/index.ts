// The typed surface of the zizhu operator API for browsers: the generated `paths` and `components`
// plus a few names the console uses everywhere. Nothing here is written by hand except these aliases.
export type { paths, components, operations } from './schema.js';
// each enum of the document as a const array of its values (openapi-typescript `enumValues`), e.g. alertDtoKindValues
export * from './schema.js';
import type { components } from './schema.js';

export type Schemas = components['schemas'];
