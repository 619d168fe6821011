import { consumerSession, expect, operatorToken, test, waitForSessionState } from './support/fixtures';

// Customer service (issue 16): a user quotes the order number WeChat showed them; support finds the session.
test.describe('customer-service lookup', () => {
  test('a paid fridge session found by its out_order_no, then by its WeChat transaction id, opens its session page', async ({ as, request }) => {
    const session = await consumerSession(request, 'FR-0001');
    await waitForSessionState(request, await operatorToken(request, 'fridgeBrand'), session.sessionId, 'PAID');

    const page = await as('fridgeBrand', '/');
    await page.getByRole('menu').getByText('客服查询').click();
    await expect(page).toHaveURL(/\/support/);
    const query = page.getByRole('textbox', { name: '查询内容' });
    await query.fill(session.outOrderNo);
    await expect(page.getByText('识别为：商户订单号。')).toBeVisible();
    await page.getByRole('button', { name: /查\s*询/ }).click();

    await expect(page.getByTestId('found-count')).toHaveText('找到 1 笔订单');
    const card = page.getByTestId('support-session');
    await expect(card.getByRole('link', { name: session.outOrderNo })).toBeVisible();
    await expect(card).toContainText(session.sessionId);
    await expect(card).toContainText('FR-0001');
    await expect(card).toContainText('已支付');
    await expect(card.getByText('计费明细')).toBeVisible();

    // the WeChat transaction id on the card finds the same session (a search by a user's identifier: audited)
    const transactionId = (await card.locator('.ant-descriptions-item').filter({ hasText: '微信支付订单号' }).locator('.ant-descriptions-item-content').innerText()).trim();
    expect(transactionId).toMatch(/^\d{20,}$/);
    await query.fill(transactionId);
    await expect(page.getByText('识别为：微信支付订单号。')).toBeVisible();
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect(page).toHaveURL(/kind=transactionId/);
    await expect(page.getByTestId('support-session')).toHaveCount(1);
    await expect(page.getByTestId('support-session')).toContainText(session.sessionId);

    await page.getByTestId('support-session').getByRole('link', { name: '订单详情' }).click();
    await expect(page).toHaveURL(new RegExp(`/sessions/${session.sessionId}$`));
    await expect(page.getByText(session.sessionId).first()).toBeVisible();
  });
});
