import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { consumerSession, expect, operatorToken, baseUrl, test, waitForSessionState } from './support/fixtures';

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
  const device = (await (await request.get(`${baseUrl()}/v1/devices/by-code/FR-0001`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string };

  const routes: [string, string][] = [
    ['overview', '/'],
    ['devices', '/devices'],
    ['device', `/devices/${device.id}`],
    ['devices-import', '/devices/import'],
    ['sites', '/sites'],
    ['plans', '/plans'],
    ['sessions', '/sessions'],
    ['session', `/sessions/${session.sessionId}`],
    ['receivables', '/receivables'],
    ['settlement', '/settlement'],
    ['settlement-agreements', '/settlement?tab=agreements'],
    ['merchant-accounts', '/merchant-accounts'],
    ['organizations', '/organizations'],
    ['audit', '/audit'],
    ['alerts', '/alerts'],
    ['alert-rules', '/alerts?tab=rules'],
    ['alert-webhook', '/alerts?tab=webhook'],
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
