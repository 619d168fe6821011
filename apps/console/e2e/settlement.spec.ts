import { expect, test } from './support/fixtures';

// The settlement screens against the real API and the demo seed's agreements (fridge brand: f1 at 20 % with a
// fixed fee and a minimum, f2 at 15 % weekly; reseller: a platform fee per active device for each customer).
test.describe('settlement', () => {
  test('the brand opens /settlement from the menu: statements, then each franchisee’s agreement and its history', async ({ as }) => {
    const page = await as('fridgeBrand', '/');
    const statements = page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/statements' && r.request().method() === 'GET');
    await page.getByRole('menu').getByText('结算', { exact: true }).click();
    await expect(page).toHaveURL(/\/settlement$/);
    expect((await statements).status()).toBe(200);
    await expect(page.getByTestId('statements-list')).toContainText('加盟商结算单');

    await page.getByRole('tab', { name: '协议' }).click();
    await expect(page).toHaveURL(/tab=agreements/);
    const agreements = page.getByTestId('agreements-list');
    await expect(agreements).toContainText('佣金 20.00%（2000 基点）');
    await expect(agreements).toContainText('佣金 15.00%（1500 基点）');
    await agreements.getByRole('button').first().click();
    const history = page.getByTestId('agreement-history');
    await expect(history).toContainText('（生效中）');
    await expect(history.getByRole('button', { name: /设定新协议/ })).toBeVisible();
  });

  test('a franchisee sees only its own earnings and statements', async ({ as }) => {
    const page = await as('franchisee1', '/settlement');
    await expect(page.getByRole('heading', { name: '我的收益' })).toBeVisible();
    await expect(page.getByTestId('mine-today')).toContainText('¥');
    await expect(page.getByTestId('mine-period')).toContainText('月结');
    await expect(page.getByRole('tab')).toHaveCount(0);
  });

  test('the hardware reseller sees fee statements and its customers’ platform fees, never earnings', async ({ as }) => {
    const page = await as('reseller', '/settlement');
    await expect(page.getByTestId('statements-list')).toContainText('客户服务费账单');
    await expect(page.getByRole('tab')).toHaveText(['结算单', '协议']);
    await page.getByRole('tab', { name: '协议' }).click();
    await expect(page.getByTestId('agreements-list')).toContainText('每台活跃设备每月 ¥10.00');
    await expect(page.getByTestId('agreements-list')).toContainText('每台活跃设备每月 ¥8.00');
  });
});
