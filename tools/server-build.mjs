// The server code compiled ahead of time (swc, the same transform as the development loader tools/esm-loader.mjs:
// legacy decorators with metadata, ES2022, ESM): every source file of the API, the Pay Score simulator and the
// libraries they import; the `@zizhu/*` aliases of tsconfig.base.json become relative imports of the compiled files.
// Used by `npm run build` (dist/, what the Docker image runs) and by `npm start` (a build kept per state of the
// sources, so the laptop's processes run plain JavaScript with no compiler loaded).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformFileSync } from '@swc/core';
import { swcJsc, swcModule } from './swc-options.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sources = ['apps/api/src', 'apps/payscore-sim/src', 'libs/kernel/src', 'libs/pricing/src', 'libs/payscore/src', 'libs/device-sdk/src'];
const skip = /\.(spec|test|int-spec|e2e-spec)\.ts$|\.d\.ts$/;

function* walk(dir) {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (path.endsWith('.ts') && !skip.test(path)) yield path;
  }
}

/** Compiles the server's sources into `out` (emptied first); answers the number of files. */
export function compileServer(out) {
  const base = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
  /** `@zizhu/x` → the compiled file of its target, relative to the output's root. */
  const aliases = new Map(Object.entries(base.compilerOptions.paths).map(([name, [target]]) => [name, target.replace(/\.ts$/, '.js')]));
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
  // ESM for every file of the output, whatever package.json sits above it
  writeFileSync(join(out, 'package.json'), `${JSON.stringify({ type: 'module', private: true }, null, 2)}\n`);
  return files;
}

/** What the build depends on: every compiled source's path, size and modification time, the aliases and the transform. */
function fingerprint() {
  const hash = createHash('sha256');
  for (const file of ['tsconfig.base.json', 'tools/swc-options.mjs', 'tools/server-build.mjs']) hash.update(readFileSync(join(root, file)));
  for (const dir of sources) {
    for (const file of walk(join(root, dir))) {
      const { size, mtimeMs } = statSync(file);
      hash.update(`${relative(root, file)}\0${size}\0${mtimeMs}\n`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The compiled server for the sources as they are now, under node_modules/.cache/zizhu-server/<fingerprint>: reused
 * when the sources have not changed since, compiled otherwise (a fraction of a second) into a directory of its own
 * and moved into place whole, so a process already running from an earlier build, or a second `npm start` compiling
 * at the same moment, never sees a half-written one. Builds older than a day, other than this one, are removed.
 * Answers the directory and whether it was compiled now.
 */
export function serverBuild() {
  const cache = join(root, 'node_modules', '.cache', 'zizhu-server');
  const dir = join(cache, fingerprint());
  if (existsSync(join(dir, 'package.json'))) return { dir, compiled: false };
  mkdirSync(cache, { recursive: true });
  const staging = `${dir}.${process.pid}.tmp`;
  compileServer(staging);
  try {
    renameSync(staging, dir);
  } catch (error) {
    // another start moved the same build into place first: use it
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(dir, 'package.json'))) throw error;
  }
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const entry of readdirSync(cache)) {
    const path = join(cache, entry);
    if (path !== dir && statSync(path).mtimeMs < dayAgo) rmSync(path, { recursive: true, force: true });
  }
  return { dir, compiled: true };
}
