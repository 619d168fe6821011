import { expect, test } from './support/fixtures';

// The alerts screens in a real browser against the real API: a brand's rule reaches its franchisee.
test.describe('alerts', () => {
  test('a brand changes a rule, its franchisee follows it; the header has the unread badge', async ({ as }) => {
    const page = await as('fridgeBrand', '/alerts?tab=rules');
    await expect(page.getByTestId('alerts-badge')).toBeVisible();
    const threshold = page.getByRole('spinbutton', { name: '设备离线 阈值' });
    await expect(threshold).toHaveValue('30');
    await threshold.fill('20');
    const saved = page.waitForResponse((r) => r.url().endsWith('/v1/alert-rules') && r.request().method() === 'PUT');
    await page.getByRole('button', { name: '保存规则' }).click();
    expect((await saved).status()).toBe(200);
    await expect(page.getByTestId('rule-DEVICE_OFFLINE').getByText('本组织设置')).toBeVisible();

    const franchisee = await as('franchisee1', '/alerts?tab=rules');
    await expect(franchisee.getByRole('spinbutton', { name: '设备离线 阈值' })).toHaveValue('20');
    await expect(franchisee.getByTestId('rule-DEVICE_OFFLINE').getByText('沿用品牌')).toBeVisible();
    await franchisee.getByRole('tab', { name: '收件箱' }).click();
    await expect(franchisee.getByTestId('alerts-inbox')).toBeVisible();
  });
});
