import { baseUrl, expect, operatorToken, test } from './support/fixtures';

// Pricing plans in a real browser against the real API: a plan made for the test (never the demo's, which the
// demo devices use), found through the list's URL filters, published as version 2 through preview and confirm.
const RENTAL = { timezone: 'Asia/Shanghai', rental: { unitFen: 300, unitMinutes: 60, freeMinutes: 5, freeMode: 'grace', dailyCapFen: 3000, dayBoundary: 'rolling-24h' } };

async function newPlan(request: Parameters<typeof operatorToken>[0], name: string): Promise<string> {
  const token = await operatorToken(request, 'powerbank');
  const response = await request.post(`${baseUrl()}/v1/plans`, { headers: { authorization: `Bearer ${token}` }, data: { name, plan: RENTAL } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test.describe('pricing plans', () => {
  test('the operator finds a plan by name in the URL, publishes version 2 after the preview, and sees who published it', async ({ as, request }) => {
    const name = `e2e 计费 ${Date.now().toString(36)}`;
    const id = await newPlan(request, name);
    const page = await as('powerbank', `/plans?q=${encodeURIComponent(name)}`);
    await page.getByRole('link', { name }).click();
    await expect(page).toHaveURL(new RegExp(`/plans/${id}$`));
    await expect(page.getByTestId('current-rule-zh')).toContainText('3元/小时');
    await page.getByRole('button', { name: /发布新版本/ }).click();
    await page.getByLabel('每计费单元价格（元）').fill('4.5');
    await expect(page.getByTestId('rule-zh')).toContainText('4.50元/小时');
    const preview = page.waitForResponse((r) => r.url().endsWith(`/v1/plans/${id}/preview`));
    await page.getByRole('button', { name: /预览并发布/ }).click();
    expect((await preview).status()).toBe(200);
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('发布第 2 版');
    const put = page.waitForResponse((r) => r.url().endsWith(`/v1/plans/${id}`) && r.request().method() === 'PUT');
    await dialog.getByRole('button', { name: /发\s*布/ }).click();
    expect((await put).status()).toBe(200);
    await expect(page.getByText('已发布第 2 版')).toBeVisible();
    await expect(page.getByTestId('current-rule-zh')).toContainText('4.50元/小时');
    const v2 = page.locator('[data-version="2"]');
    await expect(v2).toContainText('当前');
    await expect(v2).not.toContainText('系统'); // an author was kept
  });

  test('on a 390 px phone the list is cards and nothing scrolls sideways', async ({ as, request }) => {
    const name = `e2e 手机 ${Date.now().toString(36)}`;
    await newPlan(request, name);
    const page = await as('powerbank', '/plans');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/plans?q=${encodeURIComponent(name)}&page=oops`);
    await expect(page).toHaveURL(/page=1/); // a malformed page falls back to the first
    const card = page.locator('.ant-card').filter({ has: page.getByRole('link', { name }) });
    await expect(card).toContainText('第 1 版');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });
});
