import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { consumerSession, expect, operatorToken, baseUrl, raiseComplaint, simUrl, test, waitForSessionState } from './support/fixtures';

// Every route of the console in zh-CN, on a desktop and at 390 px (a franchisee on a phone), saved under
// docs/screenshots/ so a reader sees the product without running it (linked from the README).
const target = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

async function shoot(page: Page, name: string): Promise<void> {
  // a page is ready when no antd skeleton or spinner is left
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton-active')).toHaveCount(0);
  await page.screenshot({ path: `${target}${name}.png`, fullPage: false });
}

test('screenshots of every route', async ({ as, page, request }) => {
  test.setTimeout(180_000);
  mkdirSync(target, { recursive: true });
  const session = await consumerSession(request, 'FR-0001');
  const token = await operatorToken(request, 'fridgeBrand');
  await waitForSessionState(request, token, session.sessionId, 'PAID');
  const complaint = await raiseComplaint(request, session.outOrderNo, '冰柜里的饮料是温的，要求退款', 500);
  const device = (await (await request.get(`${baseUrl()}/v1/devices/by-code/FR-0001`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string };
  // a reconciliation run of two days back on the simulator's clock (a new one, or the day's existing one)
  const accounts = (await (await request.get(`${baseUrl()}/v1/merchant-accounts`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string }[];
  const simNow = ((await (await request.get(`${simUrl()}/sim/clock`)).json()) as { nowMs: number }).nowMs;
  const billDate = new Date(simNow + 8 * 3600_000 - 48 * 3600_000).toISOString().slice(0, 10);
  const reconciliation = await request.post(`${baseUrl()}/v1/reconciliations`, { headers: { authorization: `Bearer ${token}` }, data: { merchantAccountId: accounts[0]!.id, billDate } });
  expect(reconciliation.status(), await reconciliation.text()).toBeLessThan(300);
  const run = (await reconciliation.json()) as { id: string };

  const routes: [string, string][] = [
    ['overview', '/'],
    ['devices', '/devices'],
    ['device', `/devices/${device.id}`],
    ['devices-import', '/devices/import'],
    ['sites', '/sites'],
    ['plans', '/plans'],
    ['sessions', '/sessions'],
    ['session', `/sessions/${session.sessionId}`],
    ['complaints', '/complaints'],
    ['complaint', `/complaints/${complaint.id}`],
    ['receivables', '/receivables'],
    ['settlement', '/settlement'],
    ['settlement-agreements', '/settlement?tab=agreements'],
    ['settlement-splits', '/settlement?tab=splits'],
    ['reconciliation', '/reconciliation'],
    ['reconciliation-run', `/reconciliation/${run.id}`],
    ['merchant-accounts', '/merchant-accounts'],
    ['organizations', '/organizations'],
    ['audit', '/audit'],
    ['alerts', '/alerts'],
    ['alert-rules', '/alerts?tab=rules'],
    ['alert-webhook', '/alerts?tab=webhook'],
    ['power-banks', '/power-banks'],
    ['stock', '/stock'],
    ['support', '/support'],
    ['maintenance', '/maintenance'],
    ['integrations', '/integrations'],
  ];
  await as('fridgeBrand', '/');
  for (const viewport of [
    { suffix: 'desktop', width: 1440, height: 900 },
    { suffix: '390', width: 390, height: 844 },
  ]) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    for (const [name, path] of routes) {
      await page.goto(path);
      await expect(page.getByTestId('organization-name')).not.toBeEmpty();
      await shoot(page, `${name}-${viewport.suffix}`);
    }
  }
  await page.context().clearCookies();
  await page.goto('/login');
  await page.setViewportSize({ width: 1440, height: 900 });
  await shoot(page, 'login-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  await shoot(page, 'login-390');
});
