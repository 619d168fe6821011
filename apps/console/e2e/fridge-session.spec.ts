import { consumerSession, expect, test } from './support/fixtures';

test.describe('a fridge session seen from the console', () => {
  test('a user takes items from FR-0001: the franchisee watches it reach PAID on the open page, without reloading', async ({ as, request }) => {
    const session = await consumerSession(request, 'FR-0001');
    const page = await as('franchisee1', `/sessions/${session.sessionId}`);
    await expect(page.getByText(session.sessionId).first()).toBeVisible();
    // fleet-sim closes the door, the API prices and completes the order, the simulator debits and notifies:
    // the page re-reads an open session on its own until it is final
    // a wait, not a speed check: on a loaded two-core machine the debit's callback came later than 30 s three times in a row
    await expect(page.getByTestId('session-timeline')).toContainText('已支付', { timeout: 60_000 });
    await expect(page.locator('[data-state="PAID"]').first()).toBeVisible();
  });
});
