import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';

// Every error code the API can answer has a text in the `errors` namespace, in zh-CN and en, so <Problem>
// never falls back to the server's English detail. The codes are read from the API's own sources at test
// time (every `defineErrors({...})` table, the problem filter's HTTP fallbacks) and from apps/api/openapi.json
// (the codes `@ApiErrors` and the document builder list per response, and the global ones in its description).

const apiSrc = new URL('../../../api/src/', import.meta.url);
const openapiFile = new URL('../../../api/openapi.json', import.meta.url);

type Texts = Record<string, string>;
const zh = JSON.parse(readFileSync(new URL('zh-CN/errors.json', import.meta.url), 'utf8')) as Texts;
const en = JSON.parse(readFileSync(new URL('en/errors.json', import.meta.url), 'utf8')) as Texts;

/** The codes of every `defineErrors({ CODE: [status, 'message'], ... })` table in a source text. */
function codesOfDefineErrors(source: string): string[] {
  const codes: string[] = [];
  for (const table of source.matchAll(/defineErrors\(\{\s*\n([\s\S]*?)\n\}\)/g)) {
    for (const entry of table[1]!.matchAll(/^\s*([A-Z][A-Z0-9_]*)\s*:\s*\[\s*(\d{3})\b/gm)) codes.push(entry[1]!);
  }
  return codes;
}

function sourceFiles(dir: URL): URL[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return sourceFiles(new URL(`${entry.name}/`, dir));
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [new URL(entry.name, dir)] : [];
  });
}

function declaredCodes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(apiSrc)) {
    const where = file.pathname.slice(apiSrc.pathname.length);
    for (const code of codesOfDefineErrors(readFileSync(file, 'utf8'))) found.set(code, where);
  }
  // errors that are not DomainErrors (Nest's and Fastify's) get their code from the filter's table and fallbacks
  const filter = readFileSync(new URL('platform/errors/problem.filter.ts', apiSrc), 'utf8');
  const table = /const HTTP_CODES[^=]*=\s*\{([\s\S]*?)\};/.exec(filter);
  if (!table) throw new Error('HTTP_CODES not found in problem.filter.ts');
  for (const [, code] of table[1]!.matchAll(/\d{3}:\s*'([A-Z][A-Z0-9_]*)'/g)) found.set(code!, 'problem.filter.ts HTTP_CODES');
  for (const [, code] of filter.matchAll(/code:[^,\n]*?'([A-Z][A-Z0-9_]*)'/g)) found.set(code!, 'problem.filter.ts');
  return found;
}

interface OpenApi {
  info: { description?: string };
  paths: Record<string, Record<string, { description?: string; responses?: Record<string, { description?: string }> }>>;
}

/** The codes the OpenAPI document names: each error response's description is the list of its codes. */
function documentedCodes(): Map<string, string> {
  const document = JSON.parse(readFileSync(openapiFile, 'utf8')) as OpenApi;
  const found = new Map<string, string>();
  for (const [, code] of (document.info.description ?? '').matchAll(/\b\d{3} `([A-Z][A-Z0-9_]*)`/g)) found.set(code!, 'openapi.json info');
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (Number(status) < 400) continue;
        for (const [, code] of (response.description ?? '').matchAll(/`([A-Z][A-Z0-9_]*)`/g)) found.set(code!, `openapi.json ${method.toUpperCase()} ${path} ${status}`);
      }
      for (const [, code] of (operation.description ?? '').matchAll(/^- \d{3} `([A-Z][A-Z0-9_]*)`/gm)) found.set(code!, `openapi.json ${method.toUpperCase()} ${path}`);
    }
  }
  return found;
}

describe('the errors namespace', () => {
  it('reads the codes of a defineErrors table, one- and multi-line entries, and nothing outside it', () => {
    const source = [
      "/** `const errors = defineErrors({ X: [404, 'msg'] })` */",
      'export const fooErrors = defineErrors({',
      "  FOO_NOT_FOUND: [404, 'No such foo.'],",
      '  FOO_TAKEN: [',
      '    409,',
      "    'A foo with this name already exists.',",
      '  ],',
      '});',
      "const other = { BAR_NOT_AN_ERROR: [1, 'x'] };",
    ].join('\n');
    expect(codesOfDefineErrors(source)).toEqual(['FOO_NOT_FOUND', 'FOO_TAKEN']);
  });

  it('finds the API’s codes in its sources and its OpenAPI document', () => {
    const declared = declaredCodes();
    const documented = documentedCodes();
    for (const code of ['VALIDATION_FAILED', 'AUTH_REQUIRED', 'DEVICE_NOT_FOUND', 'IDEMPOTENCY_KEY_REUSED', 'PAYLOAD_TOO_LARGE', 'ROUTE_NOT_FOUND'])
      expect(declared.has(code)).toBe(true);
    expect(declared.size).toBeGreaterThan(50);
    expect(documented.size).toBeGreaterThan(30);
    // the document names only codes the sources declare (else the parsing above missed a table)
    expect([...documented].filter(([code]) => !declared.has(code)).map(([code, where]) => `${code} (${where})`)).toEqual([]);
  });

  it('has a zh-CN and an en text for every code the API can answer', () => {
    const codes = new Map([...documentedCodes(), ...declaredCodes()]);
    const missing = [...codes]
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([code, where]) => [
        ...(typeof zh[code] === 'string' && zh[code].trim() ? [] : [`zh-CN lacks ${code} (${where})`]),
        ...(typeof en[code] === 'string' && en[code].trim() ? [] : [`en lacks ${code} (${where})`]),
      ]);
    expect(missing).toEqual([]);
  });

  it('has the console’s own codes and keeps the keys sorted', () => {
    for (const texts of [zh, en]) {
      expect(texts).toHaveProperty('NETWORK_ERROR');
      expect(texts).toHaveProperty('UNKNOWN_ERROR');
      const keys = Object.keys(texts);
      expect(keys).toEqual([...keys].sort());
    }
  });
});
