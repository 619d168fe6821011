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
    // the WeChat fee passed on per statement, and the brand's own month from its ledger (it has no statement of its own)
    await expect(page.getByTestId('statements-list')).toContainText('微信手续费（转由加盟商承担）');
    await expect(page.getByTestId('brand-figures')).toContainText('佣金收入');
    await expect(page.getByTestId('brand-channel-fee')).toContainText('承担的微信支付手续费');

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

  test('a franchisee sees only its own earnings, statements and splits', async ({ as }) => {
    const page = await as('franchisee1', '/settlement');
    await expect(page.getByRole('heading', { name: '我的收益' })).toBeVisible();
    await expect(page.getByTestId('mine-today')).toContainText('¥');
    await expect(page.getByTestId('mine-period')).toContainText('月结');
    await expect(page.getByRole('tab')).toHaveText(['结算单', '分账']);
    await expect(page.getByTestId('payee-panel')).toBeVisible();
  });

  test('the brand’s splits tab reads the profit-sharing orders (the demo brand collects itself: none), and it sets a franchisee’s payout payee', async ({ as }) => {
    const page = await as('fridgeBrand', '/settlement');
    const splits = page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/profit-sharing-orders' && r.request().method() === 'GET');
    await page.getByRole('tab', { name: '分账' }).click();
    await expect(page).toHaveURL(/tab=splits/);
    expect((await splits).status()).toBe(200);
    await expect(page.getByTestId('splits-list')).toContainText('30 天内重试');

    // the payee of a franchisee, from its agreements: the openid shown masked, the real name never shown back
    await page.getByRole('tab', { name: '协议' }).click();
    await page.getByTestId('agreements-list').getByRole('button').first().click();
    const panel = page.getByTestId('payee-panel');
    await expect(panel).toContainText('2,000 元');
    await panel.getByTestId('payee-edit').click();
    const dialog = page.getByRole('dialog', { name: /的收款人/ });
    const openid = `oE2E${Date.now().toString(36)}payee`;
    await dialog.getByLabel('openid').fill(openid);
    await dialog.getByLabel('真实姓名').fill('张三');
    const saved = page.waitForResponse((r) => /\/v1\/organizations\/[0-9a-f-]{36}\/payout-payee$/.test(new URL(r.url()).pathname) && r.request().method() === 'PUT');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    expect((await saved).status()).toBe(200);
    await expect(panel.getByTestId('payee-openid')).toHaveText(`${openid.slice(0, 4)}…${openid.slice(-4)}`);
    await expect(panel.getByTestId('payee-name-set')).toBeVisible();
    await expect(panel).not.toContainText('张三');
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
