import { expect, simUrl, test } from './support/fixtures';

// Reconciliation against the real API and the Pay Score simulator: the fridge brand reconciles a day through the
// console. The simulator's control route adds a payment to that day's trade bill that the platform never saw, so the
// run finds a MISSING_LOCAL difference (re-checked by an order query), which the brand resolves with a note.

const HOUR = 3600_000;
const beijingDate = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);

test.describe('reconciliation', () => {
  test('the brand runs a day of the demo seed from the menu, opens the run and resolves its difference', async ({ as, request }) => {
    const clock = await request.get(`${simUrl()}/sim/clock`);
    expect(clock.status()).toBe(200);
    // two days back on the simulator's business clock: that day's bills exist whatever the hour
    const day = beijingDate(((await clock.json()) as { nowMs: number }).nowMs - 48 * HOUR);
    const unique = Date.now().toString().slice(-10);
    const foreign = { transactionId: `42000099992026${unique}`, outOrderNo: `E2EFOREIGN${unique}` };
    const altered = await request.post(`${simUrl()}/sim/bills/alterations`, { data: [{ billDate: day, bill: 'TRADE', action: 'add', amountFen: 500, ...foreign }] });
    expect(altered.status(), await altered.text()).toBe(200);

    const page = await as('fridgeBrand', '/');
    await page.getByRole('menu').getByText('对账', { exact: true }).click();
    await expect(page).toHaveURL(/\/reconciliation$/);
    await expect(page.getByTestId('reconciliation-list')).toContainText('对账');

    await page.getByTestId('run-now').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('run-consequences')).toBeVisible();
    await dialog.getByTestId('run-account').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await dialog.getByTestId('run-bill-date').fill(day);
    const posted = page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/reconciliations' && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: /开始对账/ }).click();
    expect([200, 201]).toContain((await posted).status());

    // the run opens and refreshes itself until the job is done
    await expect(page).toHaveURL(/\/reconciliation\/[0-9a-f-]{36}$/);
    const detail = page.getByTestId('reconciliation-detail');
    await expect(detail.getByRole('heading', { level: 3 })).toContainText(`${day} 对账`);
    await expect(detail.locator('[data-state="DONE"]')).toBeVisible({ timeout: 30_000 });
    await expect(detail.getByTestId('bills')).toContainText('交易账单');
    const difference = detail.locator('[data-kind="MISSING_LOCAL"]').filter({ hasText: foreign.outOrderNo });
    await expect(difference).toContainText('¥5.00');
    await expect(difference).toContainText('订单查询');

    await difference.getByRole('button', { name: /处\s*理/ }).click();
    await expect(page.getByTestId('resolve-consequences')).toContainText(foreign.outOrderNo);
    await page.getByLabel('处理说明').fill('他人订单，已向微信支付核实');
    const resolved = page.waitForResponse((r) => /\/differences\/[0-9a-f-]{36}\/resolve$/.test(new URL(r.url()).pathname));
    await page.getByRole('button', { name: /标记为已处理/ }).click();
    expect((await resolved).status()).toBe(200);
    await expect(difference).toHaveAttribute('data-resolved', 'true');
    await expect(difference).toContainText('他人订单，已向微信支付核实');

    // back on the list, the day's run is there
    await page.getByText('← 返回对账列表').click();
    await expect(page.getByTestId('reconciliation-list')).toContainText(day);
  });
});
