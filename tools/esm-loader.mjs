// Node ESM loader hooks that run the TypeScript sources directly: `@zizhu/*` aliases resolve through
// tsconfig.base.json paths, `./x.js` imports resolve to `./x.ts`, and .ts files are compiled by swc with
// decorator metadata (which Nest's dependency injection needs and esbuild-based runners do not emit).
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, resolve as resolvePath } from 'node:path';
import { transformSync } from '@swc/core';
import { swcJsc, swcModule } from './swc-options.mjs';

const root = resolvePath(dirname(fileURLToPath(import.meta.url)), '..');
const base = JSON.parse(readFileSync(resolvePath(root, 'tsconfig.base.json'), 'utf8'));
const aliases = new Map(
  Object.entries(base.compilerOptions.paths).map(([name, [target]]) => [name, pathToFileURL(resolvePath(root, target)).href]),
);

export async function resolve(specifier, context, nextResolve) {
  const alias = aliases.get(specifier);
  if (alias) return { url: alias, shortCircuit: true, format: 'module' };
  if (context.parentURL?.endsWith('.ts') && /^\.{1,2}\//.test(specifier) && specifier.endsWith('.js')) {
    const candidate = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(fileURLToPath(candidate))) return { url: candidate.href, shortCircuit: true, format: 'module' };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const filename = fileURLToPath(url);
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: swcJsc,
    module: swcModule,
  });
  return { format: 'module', source: code, shortCircuit: true };
}
