import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { baseUrl, consumerSession, expect, FRIDGE_MCHID, operatorToken, test, waitForSessionState } from './support/fixtures';

// The Pay Score onboarding against the real API: the fridge brand opens /onboarding from the menu, sees the next action
// above the tracker, opens the application pack (refused for too few paid sessions or shown, whichever the API answers
// for the seed; then shown for a window the one paid session made here satisfies) and the compliance page. Screenshots
// of the three pages on a desktop and at 390 px go to docs/screenshots/ like screenshots.spec.ts's.
const target = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

async function shoot(page: Page, name: string): Promise<void> {
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton-active')).toHaveCount(0);
  await page.screenshot({ path: `${target}${name}.png`, fullPage: false });
}

const packResponse = (page: Page) => page.waitForResponse((r) => /\/v1\/merchant-accounts\/[0-9a-f-]{36}\/application-pack$/.test(new URL(r.url()).pathname) && r.request().method() === 'GET');

test.describe('onboarding', () => {
  test('the brand opens its tracker, the application pack and the compliance page', async ({ as, request }) => {
    test.setTimeout(180_000);
    mkdirSync(target, { recursive: true });
    const token = await operatorToken(request, 'fridgeBrand');
    const accounts = (await (await request.get(`${baseUrl()}/v1/merchant-accounts`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string; mchid: string }[];
    const account = accounts.find((a) => a.mchid === FRIDGE_MCHID)!;

    const page = await as('fridgeBrand', '/');
    await page.getByRole('menu').getByText('支付分接入', { exact: true }).click();
    // the brand administers one merchant account: the picker opens it at once
    await expect(page).toHaveURL(new RegExp(`/onboarding/${account.id}$`));
    const next = page.getByTestId('next-action');
    await expect(next).toContainText('下一步');
    await expect(page.getByTestId('step-1.1')).toContainText('1.1 发送申请表和附件');
    await expect(page.getByTestId('step-2.3')).toContainText('2.3 验收');
    await expect(page.getByTestId('expected-2.3')).toContainText('微信只在周二、周四验收');
    // 1.2 is checked by the platform itself (the demo account's credentials validated)
    await expect(page.getByTestId('step-1.2')).toContainText('平台已核对');
    await expect(page.getByTestId('tab-acceptance')).toHaveAttribute('href', `/onboarding/${account.id}/acceptance`);

    // the pack over the default window (30 days, at least 5 paid sessions): whatever the seed has, the page says it
    const first = packResponse(page);
    await page.getByTestId('tab-pack').click();
    const answered = await first;
    if (answered.status() === 422) {
      expect(((await answered.json()) as { code: string }).code).toBe('APPLICATION_PACK_TOO_FEW_SESSIONS');
      await expect(page.getByTestId('pack-refused')).toContainText('订单太少，不能生成申请表');
    } else {
      expect(answered.status()).toBe(200);
      await expect(page.getByTestId('pack-table')).toBeVisible();
    }
    // one paid session of the brand's fridge, and a window that asks for one: the table from real figures
    const session = await consumerSession(request, 'FR-0001');
    await waitForSessionState(request, token, session.sessionId, 'PAID');
    await page.getByTestId('pack-min-sessions').fill('1');
    const second = packResponse(page);
    await page.getByTestId('pack-apply').click();
    expect((await second).status()).toBe(200);
    await expect(page).toHaveURL(/minSessions=1/);
    const table = page.getByTestId('pack-table');
    await expect(table).toContainText('主体名称');
    await expect(page.getByTestId('row-mchid')).toContainText(FRIDGE_MCHID);
    await expect(page.getByTestId('row-operatingModel')).toContainText('加盟');
    await expect(page.getByTestId('row-amountDistribution')).toContainText('0–10 元');
    await expect(page.getByTestId('attachment-business-licence')).toContainText('营业执照');
    // printed: the table alone (no menu, tabs, toolbar or settings)
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.ant-layout-sider')).toBeHidden();
    await expect(page.getByTestId('pack-copy')).toBeHidden();
    await expect(page.getByTestId('pack-settings')).toBeHidden();
    await expect(page.getByTestId('tab-tracker')).toBeHidden();
    await expect(table).toBeVisible();
    await page.emulateMedia({ media: 'screen' });

    await page.getByTestId('tab-compliance').click();
    await expect(page).toHaveURL(new RegExp(`/onboarding/${account.id}/compliance$`));
    const service = page.getByTestId('service-2002000000000000000000000000020');
    await expect(service).toContainText('自助售货（冰柜）');
    await expect(service).toContainText('FR-0001');
    await expect(page.getByTestId('complaint-rate')).toBeVisible();

    for (const viewport of [
      { suffix: 'desktop', width: 1440, height: 900 },
      { suffix: '390', width: 390, height: 844 },
    ]) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      for (const [name, path, ready] of [
        ['onboarding', `/onboarding/${account.id}`, 'next-action'],
        ['onboarding-pack', `/onboarding/${account.id}/pack?minSessions=1`, 'pack-table'],
        ['onboarding-compliance', `/onboarding/${account.id}/compliance`, 'complaint-rate'],
      ] as const) {
        await page.goto(path);
        await expect(page.getByTestId(ready)).toBeVisible();
        await shoot(page, `${name}-${viewport.suffix}`);
      }
    }
  });
});
