// `npm start`: the whole platform on embedded defaults — the merchant console built (through Nx's cache) and the
// server compiled (tools/server-build.mjs: kept per state of the sources, a fraction of a second when they changed),
// then the Pay Score simulator and the API (which migrates and seeds its embedded PostgreSQL under DATA_DIR and
// serves the console at /). Two plain processes running compiled JavaScript, as the Docker image does (no compiler
// in memory: about 100 MiB less per process than the sources through tools/register.mjs); Ctrl-C stops both.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverBuild } from './server-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const register = ['--import', './tools/register.mjs'];
/** Where the compiled server is (null: run the sources through the development loader). */
let compiled = null;
const children = [];
let stopping = false;

function run(name, entry) {
  // the banner and warnings on the console; set LOG_LEVEL=info for a JSON line per request
  // the compiled API finds the console through CONSOLE_DIR (its default is relative to the sources)
  const env = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', CONSOLE_DIR: process.env.CONSOLE_DIR ?? join(root, 'apps/console/dist') };
  const args = compiled ? ['--enable-source-maps', join(compiled, entry.replace(/\.ts$/, '.js'))] : [...register, entry];
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping the rest`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

function stop(code = 0) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  const wait = setInterval(() => {
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) {
      clearInterval(wait);
      process.exit(code);
    }
  }, 100);
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// the console: rebuilt only when its sources changed (Nx restores apps/console/dist from its cache otherwise)
if (existsSync(join(root, 'apps/console'))) {
  const started = Date.now();
  process.stdout.write('building the merchant console (nx run console:build, cached) … ');
  const build = spawnSync(process.execPath, [join(root, 'node_modules/.bin/nx'), 'run', 'console:build', '--outputStyle=static'], {
    cwd: root,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    process.stdout.write('failed\n');
    process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`);
    console.error('the console did not build; the API starts anyway (GET / shows the landing page if there is no earlier build)');
  } else {
    const cached = /from the cache|existing outputs match the cache|local cache/i.test(build.stdout ?? '');
    process.stdout.write(`${cached ? 'up to date' : 'built'} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
}

// the server: compiled unless its sources are unchanged since the last start
try {
  const started = Date.now();
  const build = serverBuild();
  compiled = build.dir;
  if (build.compiled) process.stdout.write(`compiled the server in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
} catch (error) {
  console.error(`the server did not compile (${error instanceof Error ? error.message : String(error)}); running the sources through the development loader`);
}

const simulator = 'apps/payscore-sim/src/main.ts';
if (existsSync(join(root, simulator))) run('Pay Score simulator', simulator);
run('API', 'apps/api/src/main.ts');
