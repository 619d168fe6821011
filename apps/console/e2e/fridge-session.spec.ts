import { consumerSession, expect, operatorToken, test, waitForSessionState } from './support/fixtures';

test.describe('a fridge session seen from the console', () => {
  test('a user takes items from FR-0001: the franchisee sees it reach PAID in the console', async ({ as, request }) => {
    const session = await consumerSession(request, 'FR-0001');
    const page = await as('franchisee1', `/sessions/${session.sessionId}`);
    await expect(page.getByText(session.sessionId).first()).toBeVisible();
    const token = await operatorToken(request, 'franchisee1');
    await waitForSessionState(request, token, session.sessionId, 'PAID');
    await page.reload();
    await expect(page.locator('[data-state="PAID"]').first()).toBeVisible();
  });
});
