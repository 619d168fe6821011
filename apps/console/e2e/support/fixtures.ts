import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';

export const PASSWORD = 'zizhu-demo';

/** The demo logins of the seed (README, contracts.md §2). */
export const LOGINS = {
  platform: 'admin@zizhu.demo',
  powerbank: 'ops@powerbank.demo',
  fridgeBrand: 'ops@fridge.demo',
  franchisee1: 'f1@fridge.demo',
  franchisee2: 'f2@fridge.demo',
  reseller: 'ops@vendor.demo',
  customer1: 'c1@vendor.demo',
  customer2: 'c2@vendor.demo',
  technician: 'tech@fridge.demo',
} as const;
export type Who = keyof typeof LOGINS;

export function baseUrl(): string {
  const url = process.env['E2E_BASE_URL'];
  if (!url) throw new Error('E2E_BASE_URL is not set: run through `npm run test:e2e` (global-setup starts the stack)');
  return url;
}

export function simUrl(): string {
  return process.env['E2E_SIM_URL'] ?? '';
}

/**
 * Signs the page's browser context in the way the console keeps a session across reloads: the API's login
 * sets the HttpOnly refresh cookie in this context's jar, and the console restores itself from it on load.
 * (Each test signs in afresh: refresh tokens rotate, so a saved state would be a reused token.)
 */
export async function signIn(page: Page, who: Who): Promise<void> {
  const response = await page.request.post('/v1/auth/login', { data: { login: LOGINS[who], password: PASSWORD } });
  expect(response.status(), `login of ${LOGINS[who]}`).toBe(200);
}

/** An operator's bearer token, for preparing data through the API in a test. */
export async function operatorToken(request: APIRequestContext, who: Who): Promise<string> {
  const response = await request.post(`${baseUrl()}/v1/auth/login`, { data: { login: LOGINS[who], password: PASSWORD } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

export const test = base.extend<{ as: (who: Who, path?: string) => Promise<Page> }>({
  as: async ({ page }, use) => {
    await use(async (who, path = '/') => {
      await signIn(page, who);
      await page.goto(path);
      await expect(page.getByTestId('organization-name')).not.toBeEmpty();
      return page;
    });
  },
});

export { expect };

interface ConsumerSession {
  readonly sessionId: string;
  readonly outOrderNo: string;
}

/**
 * A user scans a demo device with the mini-program and confirms the Pay Score order on the simulator;
 * fleet-sim (started by global-setup) plays the device: it opens, the user takes items or uses it, it ends.
 */
export async function consumerSession(request: APIRequestContext, deviceCode: string, openid = `e2e-${Date.now().toString(36)}`): Promise<ConsumerSession> {
  const login = await request.post(`${baseUrl()}/v1/consumer/login`, { data: { appid: 'wxd0000000000demo', code: `test:${openid}` } });
  expect(login.status(), 'consumer login').toBe(200);
  const { consumerToken } = (await login.json()) as { consumerToken: string };
  const scan = await request.post(`${baseUrl()}/v1/consumer/sessions`, {
    headers: { authorization: `Bearer ${consumerToken}` },
    data: { deviceCode },
  });
  expect(scan.status(), `scan of ${deviceCode}: ${await scan.text()}`).toBeLessThan(300);
  const session = (await scan.json()) as { sessionId: string; outOrderNo: string };
  const confirm = await request.post(`${simUrl()}/sim/orders/${session.outOrderNo}/confirm`, { data: { openid, outcome: 'confirm' } });
  expect(confirm.status(), `confirmation: ${await confirm.text()}`).toBeLessThan(300);
  return { sessionId: session.sessionId, outOrderNo: session.outOrderNo };
}

/** Waits (polling the operator API, never sleeping blindly) until a session reaches a state. */
export async function waitForSessionState(request: APIRequestContext, token: string, sessionId: string, state: string, timeoutMs = 30_000): Promise<void> {
  await expect
    .poll(
      async () => {
        const response = await request.get(`${baseUrl()}/v1/sessions/${sessionId}`, { headers: { authorization: `Bearer ${token}` } });
        return ((await response.json()) as { state?: string }).state;
      },
      { timeout: timeoutMs, intervals: [250, 500, 1000] },
    )
    .toBe(state);
}

/** The fridge brand's merchant account (the demo seed's mchid, contracts.md §2): the merchant of record of FR-0001. */
export const FRIDGE_MCHID = '1900000020';

/**
 * The user of a paid order complains at the simulator (after the brand registered its complaint notification URL);
 * waits until the API has stored the complaint from the verified callback, and answers its id.
 */
export async function raiseComplaint(request: APIRequestContext, outOrderNo: string, text: string, amountFen?: number): Promise<{ id: string }> {
  const token = await operatorToken(request, 'fridgeBrand');
  const headers = { authorization: `Bearer ${token}` };
  const accounts = (await (await request.get(`${baseUrl()}/v1/merchant-accounts`, { headers })).json()) as { id: string; mchid: string }[];
  const account = accounts.find((a) => a.mchid === FRIDGE_MCHID);
  expect(account, 'the fridge brand’s merchant account').toBeDefined();
  const registered = await request.put(`${baseUrl()}/v1/merchant-accounts/${account!.id}/complaint-notification-url`, { headers });
  expect(registered.status(), `notification URL: ${await registered.text()}`).toBe(200);
  const raised = await request.post(`${simUrl()}/sim/complaints`, { data: { mchid: FRIDGE_MCHID, outOrderNo, text, ...(amountFen ? { amountFen } : {}) } });
  expect(raised.status(), `complaint: ${await raised.text()}`).toBeLessThan(300);
  let id: string | undefined;
  await expect
    .poll(
      async () => {
        const list = (await (await request.get(`${baseUrl()}/v1/complaints?limit=200`, { headers })).json()) as { items: { id: string; outOrderNo: string | null }[] };
        id = list.items.find((c) => c.outOrderNo === outOrderNo)?.id;
        return id;
      },
      { timeout: 30_000, intervals: [250, 500, 1000] },
    )
    .toBeDefined();
  return { id: id! };
}

/**
 * Picks an option of an open-able antd Select (its visible dropdown, not the hidden accessibility list), then waits
 * until that dropdown has closed: a dropdown still closing (its leave animation) is visible, so the next pick could
 * otherwise take the option of the previous select's dropdown just as it hides (the stock spec's second SKU once did).
 */
export async function pickOption(page: Page, select: ReturnType<Page['getByLabel']>, option: string | RegExp): Promise<void> {
  const open = page.locator('.ant-select-dropdown:visible');
  await expect(open).toHaveCount(0);
  await select.click();
  await open.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  await expect(open).toHaveCount(0);
}
