// Saves a merchant account's flow storyboard (issue 14, the 1.1 attachment 交互流程图) as a PNG and, with --pdf, as a PDF:
// signs in to a running API, opens GET /v1/merchant-accounts/<id>/flow-storyboard in Chromium (Playwright's, from
// node_modules via the declared @playwright/test, driving the system's chromium as the browser tests do) and captures the whole sheet.
//
//   node tools/flow-storyboard-png.mjs --account <merchant account id> [--device <device id>] [--out flow.png] [--pdf flow.pdf]
//        [--api http://127.0.0.1:3000] [--login ops@powerbank.demo]      (password: ZIZHU_PASSWORD, default the demo's)
import { execSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';

const { values: args } = parseArgs({
  options: {
    account: { type: 'string' },
    device: { type: 'string' },
    out: { type: 'string', default: 'flow-storyboard.png' },
    pdf: { type: 'string' },
    api: { type: 'string', default: 'http://127.0.0.1:3000' },
    login: { type: 'string', default: 'ops@powerbank.demo' },
  },
});
if (!args.account) {
  console.error('--account <merchant account id> is required');
  process.exit(2);
}

function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync('command -v chromium || command -v chromium-browser', { encoding: 'utf8', shell: '/bin/sh' }).trim().split('\n')[0];
  } catch {
    console.error('Chromium is not installed: bash tools/ci/install-browser.sh');
    process.exit(2);
  }
}

const login = await fetch(`${args.api}/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ login: args.login, password: process.env.ZIZHU_PASSWORD ?? 'zizhu-demo' }),
});
if (!login.ok) {
  console.error(`sign-in of ${args.login} failed: HTTP ${login.status} ${await login.text()}`);
  process.exit(1);
}
const { accessToken } = await login.json();
const url = new URL(`${args.api}/v1/merchant-accounts/${encodeURIComponent(args.account)}/flow-storyboard`);
if (args.device) url.searchParams.set('deviceId', args.device);

const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
try {
  // wide enough for the six 390 px frames side by side; the page's own CSP lets its script run (nonce)
  const page = await browser.newPage({ viewport: { width: 2500, height: 1000 }, locale: 'zh-CN', extraHTTPHeaders: { authorization: `Bearer ${accessToken}` } });
  const response = await page.goto(url.toString());
  if (!response || !response.ok()) {
    console.error(`the storyboard was refused: HTTP ${response?.status()} ${await response?.text()}`);
    process.exit(1);
  }
  await page.locator('[data-frame="finished"] #total').waitFor();
  await page.locator('.sheet').screenshot({ path: args.out });
  console.log(`wrote ${args.out}`);
  if (args.pdf) {
    await page.pdf({ path: args.pdf, format: 'A3', landscape: true, printBackground: true });
    console.log(`wrote ${args.pdf}`);
  }
} finally {
  await browser.close();
}
