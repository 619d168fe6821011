// Issue 10 item 18: `GET /` is a landing page for a newcomer, not a 404.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createApp, type ZizhuApp } from '../src/app.factory.js';
import { parseConfig } from '../src/config/app-config.js';
import { showsDemoLogins } from '../src/modules/home/landing-page.js';
import { createTestApp, type TestApp, testConfig } from './support/test-app.js';

const get = (app: ZizhuApp, url: string) => app.app.inject({ method: 'GET', url });

describe('the landing page at /', () => {
  /** As `npm start` runs: embedded database, demo seeded, the loopback simulator. */
  let laptop: ZizhuApp;
  /** The demo not seeded (SEED_DEMO=false): no logins, no password on the page. */
  let unseeded: TestApp;

  beforeAll(async () => {
    laptop = await createApp(testConfig({ kind: 'embedded', dataDir: null }));
    await laptop.app.getHttpAdapter().getInstance().ready();
    unseeded = await createTestApp({ seedDemo: false });
  });
  afterAll(async () => {
    await laptop?.close();
    await unseeded?.close();
  });

  it('answers 200 text/html with links to the docs and the simulator’s phone page, the demo logins and device codes', async () => {
    const response = await get(laptop, '/'); // was: 404 problem+json ROUTE_NOT_FOUND
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = response.body;
    expect(html).toContain('<a href="/docs">');
    expect(html).toContain('<a href="http://127.0.0.1:4010/sim/phone">');
    expect(html).toContain('A session by hand');
    expect(html).toContain('<code>zizhu-demo</code>');
    for (const login of ['admin@zizhu.demo', 'ops@powerbank.demo', 'ops@fridge.demo', 'f1@fridge.demo', 'ops@vendor.demo', 'c1@vendor.demo']) expect(html).toContain(`<code>${login}</code>`);
    for (const code of ['PB-0001', 'FR-0001', 'FR-0002', 'EV-0001', 'WV-0001']) expect(html).toContain(`<code>${code}</code>`);
    // and the links lead somewhere
    expect((await get(laptop, '/docs')).statusCode).toBe(200);
  });

  it('shows no login and no password when the demo is not seeded', async () => {
    const response = await unseeded.http('GET', '/');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<a href="/docs">');
    expect(response.body).not.toContain('zizhu-demo');
    expect(response.body).not.toContain('@zizhu.demo');
  });

  it('shows the demo logins only on the embedded database with the demo seeded and the loopback simulator', () => {
    const embedded = parseConfig({});
    expect(showsDemoLogins(embedded)).toBe(true);
    expect(showsDemoLogins(parseConfig({ SEED_DEMO: 'false' }))).toBe(false);
    const server = parseConfig({ DATABASE_URL: 'postgres://app@db/zizhu', JWT_SECRET: 'x'.repeat(32), MASTER_KEY: 'ab'.repeat(32) });
    expect(showsDemoLogins(server)).toBe(false);
    const wechat = parseConfig({ PAYSCORE_API_BASE_URL: 'https://api.mch.weixin.qq.com', PUBLIC_BASE_URL: 'https://pay.example.com' });
    expect(showsDemoLogins(wechat)).toBe(false);
  });
});
