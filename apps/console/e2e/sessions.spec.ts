import { readFileSync } from 'node:fs';
import { consumerSession, expect, operatorToken, simUrl, test, waitForSessionState } from './support/fixtures';

// An operator's sessions and money screens against the real stack: a fridge session that fleet-sim plays to
// PAID is found through the list's filters, exported, opened and partly refunded; receivables on a phone.

test.describe('sessions in the console', () => {
  test('find a paid session by its out_order_no, export it, open it and refund part of it', async ({ as, request }) => {
    const session = await consumerSession(request, 'FR-0001');
    const token = await operatorToken(request, 'fridgeBrand');
    await waitForSessionState(request, token, session.sessionId, 'PAID');

    const page = await as('fridgeBrand', '/sessions?state=PAID');
    await page.getByLabel('订单号').fill(session.outOrderNo);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect(page).toHaveURL(new RegExp(`q=${session.outOrderNo}`));
    await expect(page.getByText(session.outOrderNo)).toBeVisible();
    await expect(page.getByText('共 1 条')).toBeVisible();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 CSV/ }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\n').filter((line) => line.includes(session.outOrderNo))).toHaveLength(1);

    await page.getByText(session.outOrderNo).click();
    await expect(page).toHaveURL(new RegExp(`/sessions/${session.sessionId}$`));
    await expect(page.getByTestId('session-timeline')).toContainText('已支付');

    await page.getByRole('button', { name: /^退\s*款$/ }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('款项原路退回');
    await dialog.getByLabel('退款金额（元）').fill('0.01');
    await dialog.getByLabel('原因').fill('e2e 部分退款');
    const [refund] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/v1/sessions/${session.sessionId}/refunds`) && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: '确认退款' }).click(),
    ]);
    expect(refund.status()).toBe(202);
    expect(refund.request().headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    await expect(dialog).toBeHidden();
    // the refund settles at the simulator; the page reads the session again while it is processing
    await expect(page.getByTestId('session-refunds').locator('[data-state="SUCCEEDED"]')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('session-refunds')).toContainText('¥0.01');

    await page.getByText('← 返回订单列表').click();
    await expect(page).toHaveURL(new RegExp(`q=${session.outOrderNo}`));
  });

  test('on a phone: receivables by age as cards, the sessions list with its filters folded', async ({ as, page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await as('fridgeBrand', '/receivables');
    await expect(page.getByTestId('bucket-all')).toBeVisible();
    for (const bucket of ['0-1d', '1-3d', '3-7d', '7-30d', '>30d']) await expect(page.getByTestId(`bucket-${bucket}`)).toBeVisible();
    await page.getByTestId('bucket-7-30d').click();
    await expect(page).toHaveURL(/bucket=7-30d/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.goto('/sessions?vertical=FRIDGE');
    await expect(page.getByLabel('开始日期')).toBeHidden();
    await page.getByRole('button', { name: '更多筛选（已选 1 项）' }).click();
    await expect(page.getByLabel('开始日期')).toBeVisible();
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect(page).toHaveURL(/vertical=FRIDGE/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test('an unpaid order: 催收 from the receivables, then lower its amount on its page', async ({ as, request }) => {
    const session = await consumerSession(request, 'FR-0001');
    // this order's user pays later: WeChat does not debit it on its own, so it waits in the receivables
    const debit = await request.post(`${simUrl()}/sim/debits`, { data: { outcome: 'user-pays-later', outOrderNo: session.outOrderNo } });
    expect(debit.status()).toBeLessThan(300);
    const token = await operatorToken(request, 'fridgeBrand');
    await waitForSessionState(request, token, session.sessionId, 'AWAITING_PAYMENT');

    const page = await as('fridgeBrand', '/receivables?bucket=0-1d');
    const row = page.getByRole('row').filter({ hasText: session.outOrderNo });
    await row.getByRole('button', { name: '立即催收' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('请微信立即再次尝试从用户账户扣款');
    const [collect] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/v1/sessions/${session.sessionId}/collect`)),
      dialog.getByRole('button', { name: '确认催收' }).click(),
    ]);
    expect(collect.status()).toBe(202);
    await expect(dialog).toBeHidden();

    await page.getByText(session.outOrderNo).click();
    await expect(page).toHaveURL(new RegExp(`/sessions/${session.sessionId}$`));
    await page.getByRole('button', { name: '修改金额' }).click();
    const modify = page.getByRole('dialog');
    await expect(modify).toContainText('只能调低');
    await modify.getByLabel('新金额（元）').fill('0.01');
    await modify.getByLabel('原因').fill('e2e 减免');
    const [lowered] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/v1/sessions/${session.sessionId}/modify`)),
      modify.getByRole('button', { name: '确认修改' }).click(),
    ]);
    expect(lowered.status()).toBe(202);
    // the page reads the session again: the action is listed with its reason, the total is the new one
    const actions = page.getByTestId('session-actions');
    await expect(actions).toContainText('修改金额');
    await expect(actions).toContainText('e2e 减免');
    await expect(actions).toContainText('¥0.01');
  });
});
