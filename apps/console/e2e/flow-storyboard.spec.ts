import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { baseUrl, expect, FRIDGE_MCHID, operatorToken, test } from './support/fixtures';

// The interaction flow image of a branded operator (issue 14, the 1.1 attachment): the power-bank brand sets its user-pages
// branding, opens its onboarding pack, follows the link to 交互流程图 and sees its own device drawn in every state of the
// flow with its brand name, colour and phone and the engine's figures. Screenshots: the console page and the whole
// storyboard (docs/screenshots/user-flow/storyboard.png, the image for the application's attachment).
const target = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
/** The seed's self-run power-bank brand (fixed ids, contracts.md §2) and its merchant account's mchid. */
const POWERBANK_ORG = '00000000-0000-4000-8000-000000000010';
const POWERBANK_MCHID = '1900000010';
const BRAND = { brandName: '小电快充', color: '#FF6A00', servicePhone: '400-820-1234' };
const storyboardResponse = (url: string) => /\/v1\/merchant-accounts\/[0-9a-f-]{36}\/flow-storyboard$/.test(new URL(url).pathname);

test.describe('flow storyboard', () => {
  test('the power-bank brand opens its flow image from the pack and saves it', async ({ as, request, browser }) => {
    test.setTimeout(120_000);
    mkdirSync(`${target}user-flow`, { recursive: true });
    const token = await operatorToken(request, 'powerbank');
    const headers = { authorization: `Bearer ${token}` };
    const orgId = POWERBANK_ORG;
    const before = (await (await request.get(`${baseUrl()}/v1/organizations/${orgId}/branding`, { headers })).json()) as { own: Record<string, string | null> };
    expect((await request.put(`${baseUrl()}/v1/organizations/${orgId}/branding`, { headers, data: BRAND })).status()).toBe(200);
    try {
      const accounts = (await (await request.get(`${baseUrl()}/v1/merchant-accounts`, { headers })).json()) as { id: string; mchid: string }[];
      const account = accounts.find((a) => a.mchid === POWERBANK_MCHID)!;
      const page = await as('powerbank', `/onboarding/${account.id}/pack`);
      const answered = page.waitForResponse((r) => storyboardResponse(r.url()) && r.request().method() === 'GET');
      await page.getByTestId('pack-flow').click();
      await expect(page).toHaveURL(new RegExp(`/onboarding/${account.id}/flow`));
      const response = await answered;
      expect(response.status()).toBe(200);
      const html = await response.text();
      await expect(page.getByTestId('tab-flow')).toBeVisible();
      const board = page.frameLocator('[data-testid="flow-storyboard"]');
      await expect(board.locator('h1').first()).toContainText(`${BRAND.brandName} · 用户侧交互流程图`);
      await expect(board.locator('[data-frame="scan"] .bar')).toHaveText(BRAND.brandName);
      await expect(board.locator('[data-frame="scan"] .bar')).toHaveCSS('background-color', 'rgb(255, 106, 0)');
      await expect(board.locator('[data-frame="cancelled"] #service')).toContainText(BRAND.servicePhone);
      await expect(board.locator('[data-frame="scan"] #rule')).not.toBeEmpty();
      await expect(board.locator('[data-frame="scan"] [data-standin="payscore-logo"]')).toBeVisible();
      // frames 2–6 drawn in the browser by the live pages' script
      await expect(board.locator('[data-frame="hand-off"] #open-confirm')).toHaveText('前往微信支付分确认');
      await expect(board.locator('[data-frame="in-use"] #return')).toContainText('如何归还');
      await expect(board.locator('[data-frame="finished"] #total')).toHaveText(/^¥\d+\.\d\d$/);
      await expect(board.locator('[data-frame="finished"] #lines .row').first()).toBeVisible();
      await expect(board.locator('[data-frame="assessment-failed"] #assessment-failed')).toContainText('暂时无法使用微信支付分');
      await expect(board.locator('[data-frame="cancelled"] #cancelled')).toContainText('订单已取消');
      await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
      await page.screenshot({ path: `${target}onboarding-flow-desktop.png` });
      // the frame is sandboxed to an opaque origin: its script runs (the frames above), but not as the console — no
      // storage, no token — and the console prints it by asking: the frame's script calls its own print()
      await expect(page.getByTestId('flow-storyboard')).toHaveAttribute('sandbox', 'allow-scripts allow-modals');
      const inner = page.frames().find((f) => f !== page.mainFrame() && f.parentFrame() === page.mainFrame())!;
      expect(await inner.evaluate(() => window.origin)).toBe('null');
      expect(await inner.evaluate(() => { try { return typeof window.localStorage; } catch { return 'denied'; } })).toBe('denied');
      await inner.evaluate(() => { window.print = () => { document.body.dataset['printed'] = 'yes'; }; });
      await page.getByTestId('flow-print').click();
      await expect(board.locator('body')).toHaveAttribute('data-printed', 'yes');

      // the whole storyboard as one image: the page the console received, at full width
      const sheet = await browser.newPage({ viewport: { width: 2500, height: 1000 }, locale: 'zh-CN' });
      await sheet.setContent(html);
      await expect(sheet.locator('[data-frame="finished"] #total')).toHaveText(/^¥/);
      await sheet.locator('.sheet').screenshot({ path: `${target}user-flow/storyboard.png` });
      // the saved file keeps its policy without the header: a script without the nonce does not run, the page's own does
      // (each sheet in a fresh document: setContent writes into the current one, whose earlier policy would stay)
      await sheet.goto('about:blank');
      await sheet.setContent(html.replace('</body>', '<script>document.body.dataset.injected = "yes";</script></body>'));
      await expect(sheet.locator('[data-frame="hand-off"] #open-confirm')).toHaveText('前往微信支付分确认');
      await expect(sheet.locator('body')).not.toHaveAttribute('data-injected', 'yes');
      // another vertical through the same renderers: the fridge brand's (no return card, in-use drawn without it)
      const fridgeToken = await operatorToken(request, 'fridgeBrand');
      const fridgeHeaders = { authorization: `Bearer ${fridgeToken}` };
      const fridgeAccounts = (await (await request.get(`${baseUrl()}/v1/merchant-accounts`, { headers: fridgeHeaders })).json()) as { id: string; mchid: string }[];
      const fridge = await request.get(`${baseUrl()}/v1/merchant-accounts/${fridgeAccounts.find((a) => a.mchid === FRIDGE_MCHID)!.id}/flow-storyboard`, { headers: fridgeHeaders });
      expect(fridge.status()).toBe(200);
      await sheet.goto('about:blank');
      await sheet.setContent(await fridge.text());
      await expect(sheet.locator('[data-frame="in-use"] #in-use')).toContainText('使用中');
      await expect(sheet.locator('[data-frame="in-use"] #return')).toHaveCount(0);
      await expect(sheet.locator('[data-frame="finished"] #lines .row')).not.toHaveCount(0);
      // and the power-bank brand may not draw the fridge brand's
      expect((await request.get(`${baseUrl()}/v1/merchant-accounts/${fridgeAccounts[0]!.id}/flow-storyboard`, { headers })).status()).toBe(404);
      await sheet.close();
    } finally {
      await request.put(`${baseUrl()}/v1/organizations/${orgId}/branding`, { headers, data: before.own });
    }
  });
});
