import { expect, LOGINS, PASSWORD, test } from './support/fixtures';

test.describe('signing in', () => {
  test('a wrong password is refused in Chinese; the right one lands on the page that was asked for, and a reload keeps the session', async ({ page }) => {
    await page.goto('/devices');
    await expect(page).toHaveURL(/\/login\?redirect=%2Fdevices/);
    await page.getByLabel('账号').fill(LOGINS.fridgeBrand);
    await page.getByLabel('密码').fill('not-the-password');
    const refused = page.waitForResponse((r) => r.url().endsWith('/v1/auth/login') && r.status() === 401);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await refused;
    await expect(page.getByRole('alert')).toContainText('账号或密码错误');

    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).press('Enter');
    await expect(page).toHaveURL(/\/devices$/);
    await expect(page.getByTestId('organization-name')).toHaveText(/.+/);

    // the refresh token is an HttpOnly cookie scoped to /v1/auth: invisible to scripts, and it survives a reload
    const cookies = await page.context().cookies();
    const refresh = cookies.find((c) => c.path === '/v1/auth');
    expect(refresh?.httpOnly).toBe(true);
    expect(refresh?.sameSite).toBe('Strict');
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await page.reload();
    await expect(page).toHaveURL(/\/devices$/);
    await expect(page.getByTestId('organization-name')).toHaveText(/.+/);
  });

  test('the login form works by keyboard alone', async ({ page }) => {
    await page.goto('/login');
    await page.keyboard.type(LOGINS.powerbank);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId('organization-name')).toHaveText(/.+/);
  });

  test('signing out revokes the session: a reload goes back to the login page', async ({ as }) => {
    const page = await as('franchisee1', '/');
    await page.getByRole('button', { name: /退出登录/ }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/login\?redirect=/);
  });
});
