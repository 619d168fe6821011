// `npm start`: the whole platform on embedded defaults — the merchant console built (through Nx's cache), then
// the Pay Score simulator and the API (which migrates and seeds its embedded PostgreSQL under DATA_DIR and
// serves the console at /). Two plain processes; Ctrl-C stops both.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const register = ['--import', './tools/register.mjs'];
const children = [];
let stopping = false;

function run(name, entry) {
  // the banner and warnings on the console; set LOG_LEVEL=info for a JSON line per request
  const env = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
  const child = spawn(process.execPath, [...register, entry], { cwd: root, stdio: 'inherit', env });
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

const simulator = 'apps/payscore-sim/src/main.ts';
if (existsSync(join(root, simulator))) run('Pay Score simulator', simulator);
run('API', 'apps/api/src/main.ts');
