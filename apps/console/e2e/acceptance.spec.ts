import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { baseUrl, consumerSession, expect, operatorToken, simUrl, test, waitForSessionState } from './support/fixtures';

// The acceptance kit (issue 14, 2.3) against the real API, the Pay Score simulator and fleet-sim: the water customer
// starts a run on WV-0001 in the console, one session is played to PAID and one to CANCELLED on that device, the page
// shows both order numbers, and a file is uploaded for a checklist item. Screenshots on a desktop and at 390 px.
const target = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

test('the water customer runs the acceptance kit on WV-0001 and sees both orders arrive', async ({ as, request }) => {
  test.setTimeout(180_000);
  mkdirSync(target, { recursive: true });
  const token = await operatorToken(request, 'customer2');
  const headers = { authorization: `Bearer ${token}` };
  const accounts = (await (await request.get(`${baseUrl()}/v1/merchant-accounts`, { headers })).json()) as { id: string }[];
  const account = accounts[0]!.id;

  const page = await as('customer2', `/onboarding/${account}/acceptance`);
  const start = page.getByTestId('start-run');
  await start.getByLabel('服务 ID').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await start.getByLabel('设备').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'WV-0001' }).click();
  const created = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/acceptance-runs') && r.request().method() === 'POST');
  await start.getByRole('button', { name: /开始验收/ }).click();
  expect((await created).status()).toBe(201);
  const run = page.getByTestId('acceptance-run');
  await expect(page.getByTestId('offline-notice')).toContainText('真实微信 App');

  // one order completed, one cancelled, on the device (fleet-sim plays it)
  const paid = await consumerSession(request, 'WV-0001', `e2e-acc-pay-${Date.now().toString(36)}`);
  await waitForSessionState(request, token, paid.sessionId, 'PAID');
  const refuser = `e2e-acc-refuse-${Date.now().toString(36)}`;
  const login = await request.post(`${baseUrl()}/v1/consumer/login`, { data: { appid: 'wxd0000000000demo', code: `test:${refuser}` } });
  const { consumerToken } = (await login.json()) as { consumerToken: string };
  const scan = await request.post(`${baseUrl()}/v1/consumer/sessions`, { headers: { authorization: `Bearer ${consumerToken}` }, data: { deviceCode: 'WV-0001' } });
  expect(scan.status(), await scan.text()).toBeLessThan(300);
  const cancelled = (await scan.json()) as { sessionId: string; outOrderNo: string };
  expect((await request.post(`${simUrl()}/sim/orders/${cancelled.outOrderNo}/confirm`, { data: { openid: refuser, outcome: 'refuse' } })).status()).toBeLessThan(300);
  expect((await request.post(`${baseUrl()}/v1/consumer/sessions/${cancelled.sessionId}/cancel`, { headers: { authorization: `Bearer ${consumerToken}` } })).status()).toBeLessThan(300);
  await waitForSessionState(request, token, cancelled.sessionId, 'CANCELLED');

  // the page polls the run: both order numbers appear
  await expect(run.getByTestId('session-completed')).toContainText(paid.outOrderNo, { timeout: 20_000 });
  await expect(run.getByTestId('session-cancelled')).toContainText(cancelled.outOrderNo, { timeout: 20_000 });
  await expect(run.getByTestId('item-PLATFORM_RECORDS')).toContainText('两笔订单已记录');

  const uploaded = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/evidence') && r.request().method() === 'POST');
  await run.getByTestId('upload-COMPLETED_ORDER_DETAIL').setInputFiles({ name: '完成订单详情.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]) });
  expect((await uploaded).status()).toBe(201);
  await expect(run.getByTestId('item-COMPLETED_ORDER_DETAIL')).toContainText('完成订单详情.png');
  await expect(run.getByRole('button', { name: /完成验收/ })).toBeDisabled();

  await expect(page.locator('.ant-spin-spinning, .ant-skeleton-active')).toHaveCount(0);
  await page.screenshot({ path: `${target}acceptance-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(run.getByTestId('session-completed')).toBeVisible();
  // nothing scrolls sideways on a phone
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${target}acceptance-390.png`, fullPage: true });
});
