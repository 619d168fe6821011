// The merchant console in Debian's Chromium: the JavaScript a first visit to /login loads (gzip), and how
// long the overview takes to show its figures after signing in, with 5,000 devices and 100,000 sessions on
// the PostgreSQL server behind it.
//   node --import ./tools/register.mjs tools/bench/console.bench.ts
import { execSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { seedOverviewData } from './overview.bench.js';
import { root, serverDatabase, start, stop } from './support.js';

const ROUNDS = 5;

function chromiumPath(): string | null {
  try {
    return execSync('command -v chromium', { encoding: 'utf8', shell: '/bin/sh' }).trim() || null;
  } catch {
    return null;
  }
}

/** Every script a page load fetched, with its gzip size (what a browser would transfer from a compressing proxy). */
async function scriptsOf(page: Page, path: string): Promise<{ count: number; gzipBytes: number; rawBytes: number }> {
  const bodies: Promise<Buffer>[] = [];
  const collect = (response: import('@playwright/test').Response) => {
    if (response.request().resourceType() === 'script') bodies.push(response.body());
  };
  page.on('response', collect);
  await page.goto(path, { waitUntil: 'load' });
  await page.getByRole('button').first().waitFor();
  page.off('response', collect);
  const all = await Promise.all(bodies);
  return { count: all.length, rawBytes: all.reduce((n, b) => n + b.length, 0), gzipBytes: all.reduce((n, b) => n + gzipSync(b).length, 0) };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runConsoleBench(): Promise<string> {
  const executablePath = chromiumPath();
  if (!executablePath) return '## Console\n\nChromium is not installed (`apt-get install -y chromium`); not measured.\n';
  const build = spawnSync(process.execPath, [`${root}node_modules/.bin/nx`, 'run', 'console:build'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' }, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the console did not build:\n${build.stdout}${build.stderr}`);
  const server = await serverDatabase('zizhu_bench_console_');
  if (!server) return '## Console\n\nNo PostgreSQL server answered; not measured.\n';
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const { child, port } = await start(
      ['--import', './tools/register.mjs', 'apps/api/src/main.ts'],
      { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'true', DATABASE_URL: server.url, JWT_SECRET: randomBytes(32).toString('hex'), MASTER_KEY: randomBytes(32).toString('hex') },
      /ready on http:\/\/localhost:(\d+)/,
    );
    try {
      await seedOverviewData(server.url);
      const base = `http://127.0.0.1:${port}`;
      const context = await browser.newContext({ baseURL: base, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const login = await scriptsOf(page, '/login');

      // after signing in (the refresh cookie in the browser), from navigation to the revenue figure on screen
      const times: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        await context.clearCookies();
        const answer = await page.request.post('/v1/auth/login', { data: { login: 'ops@fridge.demo', password: 'zizhu-demo' } });
        if (answer.status() !== 200) throw new Error(`login answered ${answer.status()}`);
        const began = Date.now();
        await page.goto('/', { waitUntil: 'commit' });
        await page.getByTestId('revenue-today').waitFor();
        await page.getByTestId('devices-online').waitFor();
        times.push(Date.now() - began);
      }
      const overviewScripts = await scriptsOf(page, '/');
      return [
        '## Console (Chromium, PostgreSQL server)',
        '',
        `The built console served by the API, opened in Debian's Chromium on loopback. Data: the overview benchmark's ${'5,000'} devices and ${'100,000'} sessions of the demo franchise brand.`,
        '',
        '| what | figure | aim |',
        '|---|---:|---:|',
        `| JavaScript loaded for \`/login\` (${login.count} files) | ${kb(login.gzipBytes)} KB gzip (${kb(login.rawBytes)} KB raw) | ≤ 350 KB gzip |`,
        `| JavaScript loaded for \`/\` after sign-in, route chunks included (${overviewScripts.count} files) | ${kb(overviewScripts.gzipBytes)} KB gzip | loaded on demand |`,
        `| overview interactive after sign-in (navigation → revenue and device figures shown), median of ${ROUNDS} | ${median(times)} ms (slowest ${Math.max(...times)} ms) | ≤ 1,500 ms |`,
        '',
      ].join('\n');
    } finally {
      await stop(child);
    }
  } finally {
    await browser.close();
    await server.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(await runConsoleBench());
