import openapiTS, { astToString } from 'openapi-typescript';

const HEADER = '// Generated from apps/api/openapi.json by `npm run openapi` (openapi-typescript). Never edit by hand.\n\n';

/**
 * The console's request and response types, generated from the API's OpenAPI document, and each enum's values as a
 * const array (`enumValues`: e.g. `alertDtoKindValues`), so the console lists what the API accepts without copying it.
 */
export async function generateApiTypes(document: object): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: true, exportType: true, enumValues: true });
  return HEADER + astToString(ast);
}
