import { consumerSession, expect, operatorToken, raiseComplaint, test, waitForSessionState } from './support/fixtures';

// Consumer complaints in a real browser against the real API and the simulator: a user complains about a paid
// fridge order, the brand (the merchant of record) answers and closes it, the franchisee sees it among its own.
test.describe('complaints', () => {
  test('the brand sees a new complaint linked to its session, replies and marks it handled; the franchisee sees it among its own', async ({ as, request }) => {
    test.setTimeout(120_000);
    const session = await consumerSession(request, 'FR-0001');
    await waitForSessionState(request, await operatorToken(request, 'franchisee1'), session.sessionId, 'PAID');
    const text = `饮料是温的 ${Date.now().toString(36)}`;
    const complaint = await raiseComplaint(request, session.outOrderNo, text);

    const page = await as('fridgeBrand', '/complaints');
    await expect(page.getByRole('link', { name: '投诉' })).toBeVisible();
    const inbox = page.getByTestId('complaints-inbox');
    const row = inbox.locator('tr', { hasText: session.outOrderNo });
    await expect(row).toContainText(text);
    await expect(row.getByRole('link', { name: session.outOrderNo })).toHaveAttribute('href', `/sessions/${session.sessionId}`);
    await row.getByTestId('complaint-link').click();

    await expect(page.getByTestId('complaint-text')).toHaveText(text);
    await expect(page.getByTestId('negotiation-history')).toContainText('用户提交投诉');
    await page.getByRole('button', { name: '回复用户' }).click();
    const reply = page.getByRole('dialog');
    await reply.getByLabel('回复内容').fill('非常抱歉，已为您安排处理');
    const replied = page.waitForResponse((r) => r.url().endsWith(`/v1/complaints/${complaint.id}/reply`) && r.request().method() === 'POST');
    await reply.getByRole('button', { name: '发送回复' }).click();
    expect((await replied).status()).toBe(202);
    // the job sends it to WeChat; the page reads the complaint again until the job is done and the history shows it
    const actions = page.getByTestId('complaint-actions');
    await expect(actions.locator('[data-state="SUCCEEDED"]')).toHaveCount(1, { timeout: 30_000 });
    await expect(page.getByTestId('negotiation-history')).toContainText('非常抱歉，已为您安排处理', { timeout: 30_000 });

    await page.getByRole('button', { name: '处理完成', exact: true }).click();
    const completed = page.waitForResponse((r) => r.url().endsWith(`/v1/complaints/${complaint.id}/complete`) && r.request().method() === 'POST');
    await page.getByRole('dialog').getByRole('button', { name: '标记处理完成' }).click();
    expect((await completed).status()).toBe(202);
    await expect(page.locator('h3 [data-state="PROCESSED"]')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('button', { name: '回复用户' })).toHaveCount(0);

    // the franchisee whose fridge it was: the complaint in its own inbox, linked to its session, read only
    const franchisee = await as('franchisee1', '/complaints');
    const own = franchisee.getByTestId('complaints-inbox').locator('tr', { hasText: session.outOrderNo });
    await expect(own).toContainText(text);
    await expect(own.getByRole('link', { name: session.outOrderNo })).toHaveAttribute('href', `/sessions/${session.sessionId}`);
    await own.getByTestId('complaint-link').click();
    await expect(franchisee.getByTestId('complaint-text')).toHaveText(text);
    await expect(franchisee.locator('h3 [data-state="PROCESSED"]')).toBeVisible();
    await expect(franchisee.getByRole('button', { name: '回复用户' })).toHaveCount(0);
    await expect(franchisee.getByTestId('complaint-actions')).toHaveCount(0);

    // and on the session's own page, among its complaints
    await franchisee.goto(`/sessions/${session.sessionId}`);
    await expect(franchisee.getByTestId('session-complaints')).toContainText(text);
  });
});
