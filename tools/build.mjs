// `npm run build`: the server code compiled ahead of time to dist/, so production runs plain JavaScript with
// no compiler loaded (`node --enable-source-maps dist/apps/api/src/main.js`). The same transform as the
// development loader (tools/esm-loader.mjs: swc, legacy decorators with metadata, ES2022, ESM), applied to
// every source file of the API, the Pay Score simulator and the libraries they import; the `@zizhu/*`
// aliases of tsconfig.base.json become relative imports of the compiled files. Types are not checked here
// (`npm run typecheck` does that; the Docker image runs both). The merchant console is built by Vite
// (`nx run console:build`), separately.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformFileSync } from '@swc/core';
import { swcJsc, swcModule } from './swc-options.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
const sources = ['apps/api/src', 'apps/payscore-sim/src', 'libs/kernel/src', 'libs/pricing/src', 'libs/payscore/src', 'libs/device-sdk/src'];
const skip = /\.(spec|test|int-spec|e2e-spec)\.ts$|\.d\.ts$/;

const base = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
/** `@zizhu/x` → the compiled file of its target, relative to dist/. */
const aliases = new Map(Object.entries(base.compilerOptions.paths).map(([name, [target]]) => [name, target.replace(/\.ts$/, '.js')]));

function* walk(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (path.endsWith('.ts') && !skip.test(path)) yield path;
  }
}

const started = Date.now();
rmSync(out, { recursive: true, force: true });
let files = 0;
for (const dir of sources) {
  for (const file of walk(join(root, dir))) {
    const rel = relative(root, file);
    const target = join(out, rel.replace(/\.ts$/, '.js'));
    const { code, map } = transformFileSync(file, {
      sourceMaps: true,
      sourceFileName: relative(dirname(target), file).split(sep).join('/'),
      jsc: swcJsc,
      module: swcModule,
    });
    const fromDir = dirname(rel);
    const rewritten = code.replace(/(from\s*|import\s*\(\s*|import\s+)(['"])(@zizhu\/[a-z-]+)\2/g, (whole, lead, quote, name) => {
      const aliased = aliases.get(name);
      if (!aliased) throw new Error(`${rel}: unknown alias ${name}`);
      let path = relative(fromDir, aliased).split(sep).join('/');
      if (!path.startsWith('.')) path = `./${path}`;
      return `${lead}${quote}${path}${quote}`;
    });
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, `${rewritten}\n//# sourceMappingURL=${target.split(sep).pop()}.map\n`);
    writeFileSync(`${target}.map`, map);
    files += 1;
  }
}
// ESM for every file under dist/, whatever package.json sits above it in an image
writeFileSync(join(out, 'package.json'), `${JSON.stringify({ type: 'module', private: true }, null, 2)}\n`);
console.log(`compiled ${files} files to dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s (node --enable-source-maps dist/apps/api/src/main.js)`);
