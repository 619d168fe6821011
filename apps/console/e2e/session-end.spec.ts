import { baseUrl, expect, LOGINS, operatorToken, test } from './support/fixtures';

// When the API stops honouring the session (here: the brand disables the login), the next request's 401 and
// the failed refresh send the user to /login, which remembers the page they were opening.
test('a login disabled while signed in is sent back to /login with the page it wanted remembered', async ({ as, request }) => {
  const brand = await operatorToken(request, 'fridgeBrand');
  const headers = { authorization: `Bearer ${brand}` };
  const users = (await (await request.get(`${baseUrl()}/v1/users`, { headers })).json()) as { id: string; email: string | null }[];
  const f2 = users.find((u) => u.email === LOGINS.franchisee2);
  expect(f2, 'the brand lists its franchisee’s login').toBeDefined();

  const page = await as('franchisee2', '/devices');
  try {
    expect((await request.post(`${baseUrl()}/v1/users/${f2!.id}/disable`, { headers })).status()).toBe(200);
    await page.getByRole('menu').getByText('订单').click();
    await expect(page).toHaveURL(/\/login\?redirect=%2Fsessions/);
    await expect(page.getByText('登录已过期，请重新登录')).toBeVisible();
  } finally {
    expect((await request.post(`${baseUrl()}/v1/users/${f2!.id}/enable`, { headers })).status()).toBe(200);
  }
});
