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
