// Device QR links (contracts.md §4, issue 16): every device of a site answers `qrUrl` = <PUBLIC_BASE_URL>/d/<code>, the
// link its printed sheet encodes, and that link opens the reference scan page in any browser (outside WeChat).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseConfig } from '../src/config/app-config.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const PUBLIC = 'https://zizhu.example.com';
const PHONE_BROWSER = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';

describe('device QR links', () => {
  let t: TestApp;
  beforeAll(async () => {
    const base = parseConfig({ NODE_ENV: 'test' });
    t = await createTestApp({ payscore: { ...base.payscore, publicBaseUrl: PUBLIC } });
  });
  afterAll(() => t?.close());

  it('gives every device of each site the link <PUBLIC_BASE_URL>/d/<code>, which opens its scan page in a plain browser', async () => {
    let checked = 0;
    for (const login of ['ops@powerbank.demo', 'ops@fridge.demo', 'c1@vendor.demo', 'c2@vendor.demo']) {
      const token = await t.login(login);
      const sites = (await t.http('GET', '/v1/sites?limit=200', { token })).json() as { items: { id: string }[] };
      for (const site of sites.items) {
        const list = (await t.http('GET', `/v1/devices?siteId=${site.id}&limit=1000`, { token })).json() as { items: { code: string; siteId: string; qrUrl: string }[]; total: number };
        expect(list.items).toHaveLength(list.total);
        for (const device of list.items) {
          expect(device.siteId).toBe(site.id);
          expect(device.qrUrl).toBe(`${PUBLIC}/d/${device.code}`);
          const link = new URL(device.qrUrl);
          const page = await t.http('GET', link.pathname, { headers: { 'user-agent': PHONE_BROWSER } });
          expect({ code: device.code, status: page.statusCode }).toEqual({ code: device.code, status: 200 });
          expect(page.headers['content-type']).toContain('text/html');
          expect(page.body).toContain(device.code);
          expect(page.body).toContain(`action="/d/${device.code}/signin"`);
          checked += 1;
        }
      }
    }
    // the demo's five devices at least (one of each kind)
    expect(checked).toBeGreaterThanOrEqual(5);
  });

  it('answers a link to an unknown device with a page that says so (404), in any browser', async () => {
    const page = await t.http('GET', '/d/ZZ-NOPE-0000', { headers: { 'user-agent': PHONE_BROWSER } });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('找不到这台设备');
    expect(page.body).toContain('ZZ-NOPE-0000');
  });
});
