import { consumerSession, expect, operatorToken, test, waitForSessionState } from './support/fixtures';

// What each operating model sees, in the browser, with the API's answers behind it.
test.describe('who sees what', () => {
  test('a franchisee sees its own fridge and sessions, never its sibling’s', async ({ as, request }) => {
    const sibling = await consumerSession(request, 'FR-0002');
    const own = await consumerSession(request, 'FR-0001');
    const brand = await operatorToken(request, 'fridgeBrand');
    await waitForSessionState(request, brand, sibling.sessionId, 'PAID');
    await waitForSessionState(request, brand, own.sessionId, 'PAID');

    const page = await as('franchisee1', '/devices');
    await expect(page.getByText('FR-0001').first()).toBeVisible();
    await expect(page.getByText('FR-0002')).toHaveCount(0);

    await page.goto('/sessions');
    await expect(page.getByText(own.sessionId).first()).toBeVisible();
    await expect(page.getByText(sibling.sessionId)).toHaveCount(0);

    // the sibling's session by its address: the API answers 404 and the page says so
    const answer = page.waitForResponse((r) => r.url().includes(`/v1/sessions/${sibling.sessionId}`));
    await page.goto(`/sessions/${sibling.sessionId}`);
    expect((await answer).status()).toBe(404);
    await expect(page.getByRole('alert')).toBeVisible();
  });

  test('the brand sees both franchisees’ fridges', async ({ as }) => {
    const page = await as('fridgeBrand', '/devices');
    await expect(page.getByText('FR-0001').first()).toBeVisible();
    await expect(page.getByText('FR-0002').first()).toBeVisible();
  });

  test('the hardware reseller sees its customers’ devices but no session and no money', async ({ as }) => {
    const page = await as('reseller', '/devices');
    await expect(page.getByText('EV-0001').first()).toBeVisible();
    await expect(page.getByText('WV-0001').first()).toBeVisible();
    const menu = page.getByRole('menu');
    await expect(menu.getByText('设备')).toBeVisible();
    await expect(menu.getByText('订单')).toHaveCount(0);
    await expect(menu.getByText('待收款')).toHaveCount(0);
    // typed by hand, the sessions page sends it back to the overview
    await page.goto('/sessions');
    await expect(page).toHaveURL(/\/\?denied=sessions\.read$/);
  });

  test('the platform admin has every menu entry', async ({ as }) => {
    const page = await as('platform', '/');
    const menu = page.getByRole('menu');
    for (const entry of ['概览', '订单', '待收款', '设备', '点位', '计费方案', '告警', '商户号', '组织与用户', '操作日志']) {
      await expect(menu.getByText(entry, { exact: true })).toBeVisible();
    }
  });
});
