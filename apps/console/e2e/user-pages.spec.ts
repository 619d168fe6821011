import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { baseUrl, expect, operatorToken, test } from './support/fixtures';

// The reference user pages at the device QR link (contracts.md §4) in a 390 px phone browser: scan → web sign-in
// (snsapi_base, answered by the simulator) → confirm on the simulator's phone page → in use → finished; and a failed
// Pay Score assessment. Writes the numbered screenshots of the flow and one flow image to docs/screenshots/user-flow/.
const OUT = fileURLToPath(new URL('../../../docs/screenshots/user-flow/', import.meta.url));
const PB_0001 = '00000000-0000-4000-8000-000000000201';
test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });

/** A device's signed request (contracts.md §4: HMAC-SHA256 over method, path, timestamp, nonce and body). */
async function deviceRequest<T>(deviceId: string, secret: string, method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const text = body === undefined ? '' : JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(12).toString('hex');
  const signature = createHmac('sha256', secret).update(`${method}\n${path}\n${timestamp}\n${nonce}\n${text}\n`).digest('hex');
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { 'x-device-id': deviceId, 'x-timestamp': timestamp, 'x-nonce': nonce, 'x-signature': signature, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: text }),
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * A power-bank cabinet this test plays itself (fleet-sim returns a bank at once): it acknowledges the session's EJECT
 * and returns the bank when told to.
 */
class Cabinet {
  private readonly stop = new AbortController();
  private loop: Promise<void> | null = null;
  readonly started = new Set<string>();

  constructor(
    private readonly deviceId: string,
    private readonly secret: string,
  ) {}

  private call<T>(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    return deviceRequest<T>(this.deviceId, this.secret, method, path, body, signal);
  }

  async run(): Promise<void> {
    await this.call('POST', '/device/v1/heartbeat', { firmware: 'e2e-1.0.0' });
    this.loop = (async () => {
      while (!this.stop.signal.aborted) {
        const { commands } = await this.call<{ commands: { id: string; type: string; sessionId: string | null }[] }>('GET', '/device/v1/commands?waitSeconds=5', undefined, this.stop.signal).catch(() => ({
          commands: [],
        }));
        for (const command of commands) {
          if (command.type === 'EJECT' && command.sessionId) this.started.add(command.sessionId);
          await this.call('POST', `/device/v1/commands/${command.id}/ack`, { result: 'SUCCEEDED', occurredAt: new Date().toISOString() });
        }
      }
    })();
  }

  async returnBank(sessionId: string): Promise<void> {
    await this.call('POST', '/device/v1/events', { eventId: randomUUID(), type: 'powerbank.returned', sessionId, occurredAt: new Date().toISOString(), slot: 2 });
    await this.call('POST', '/device/v1/events', { eventId: randomUUID(), type: 'session.ended', sessionId, occurredAt: new Date().toISOString() });
  }

  async close(): Promise<void> {
    this.stop.abort();
    await this.loop?.catch(() => undefined);
  }
}

const shots: { file: string; caption: string }[] = [];
async function shot(page: Page, n: number, name: string, caption: string): Promise<void> {
  const file = `${String(n).padStart(2, '0')}-${name}.png`;
  await page.screenshot({ path: join(OUT, file), fullPage: true });
  shots.push({ file, caption });
}

/** Scans the device's QR link, signs in as `openid` on the simulator's web authorisation, lands on the session page. */
async function scanAndSignIn(page: Page, code: string, openid: string, first: number | null): Promise<void> {
  await page.goto(`/d/${code}`);
  await expect(page.locator('#payscore')).toContainText('微信支付分 | 550分及以上');
  await expect(page.locator('[data-standin="payscore-logo"]')).toBeVisible();
  if (first !== null) await shot(page, first, 'scan', '扫码页：设备、收费规则、微信支付分 550分及以上');
  await page.locator('#start').click();
  await expect(page.getByLabel('模拟用户 openid')).toBeVisible();
  if (first !== null) await shot(page, first + 1, 'sign-in', '网页授权（snsapi_base；微信内静默，模拟器询问 openid）');
  await page.getByLabel('模拟用户 openid').fill(openid);
  await page.getByRole('button', { name: '授权并返回' }).click();
  await expect(page).toHaveURL(new RegExp(`/d/${code}/s/[0-9a-f-]{36}$`));
  await expect(page.locator('#hand-off')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('#open-confirm')).toBeVisible({ timeout: 20_000 });
}

/** Opens the simulator's phone page (where WeChat runs openBusinessView) and acts on it. */
async function onPhonePage(page: Page, button: string, shotAs: { n: number; name: string; caption: string } | null): Promise<void> {
  const [phone] = await Promise.all([page.waitForEvent('popup'), page.locator('#open-confirm').click()]);
  await phone.setViewportSize({ width: 390, height: 844 });
  await expect(phone.getByRole('button', { name: '确认订单' })).toBeEnabled();
  if (shotAs) await shot(phone, shotAs.n, shotAs.name, shotAs.caption);
  await phone.getByRole('button', { name: button }).click();
  await expect(phone.locator('#result')).not.toBeEmpty();
  await phone.close();
}

test.describe.serial('reference user pages at the device QR link', () => {
  test.beforeAll(() => mkdirSync(OUT, { recursive: true }));

  test('a power bank: scan → sign in → confirm on the phone page → in use with the return instructions → finished', async ({ page, request }) => {
    // a cabinet of the demo power-bank network that this test plays itself (fleet-sim would return the bank at once)
    const token = await operatorToken(request, 'powerbank');
    const headers = { authorization: `Bearer ${token}` };
    const template = (await (await request.get(`${baseUrl()}/v1/devices/${PB_0001}`, { headers })).json()) as { siteId: string; planId: string; payscoreServiceId: string };
    const code = `PB-E2E-${Date.now().toString(36)}`;
    const created = await request.post(`${baseUrl()}/v1/devices`, {
      headers,
      data: { code, type: 'POWERBANK_CABINET', siteId: template.siteId, name: '东站 8 口机柜', slots: 8, planId: template.planId, payscoreServiceId: template.payscoreServiceId },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { device, secret } = (await created.json()) as { device: { id: string }; secret: string };
    // its own plan without the demo's 5 free minutes: a bank returned within seconds is charged one started unit
    const detail = (await (await request.get(`${baseUrl()}/v1/devices/${device.id}`, { headers })).json()) as { plan: { plan: { rental: Record<string, unknown> } } };
    const plan = detail.plan.plan;
    const own = await request.put(`${baseUrl()}/v1/devices/${device.id}/plan`, { headers, data: { plan: { ...plan, rental: { ...plan.rental, freeMinutes: 0 } } } });
    expect(own.status(), await own.text()).toBe(200);
    const cabinet = new Cabinet(device.id, secret);
    await cabinet.run();
    try {
      await scanAndSignIn(page, code, 'flow-alice', 1);
      await shot(page, 3, 'confirm-hand-off', '确认交接：微信内调用 openBusinessView，浏览器中打开模拟器的确认页');
      await onPhonePage(page, '确认订单', { n: 4, name: 'payscore-confirm', caption: '微信支付分确认页（模拟器）' });
      await page.locator('#confirmed').click();
      await expect(page.locator('#in-use')).toBeVisible({ timeout: 20_000 });
      await expect(page.locator('#return')).toContainText('插回');
      await expect(page.locator('#running')).toContainText('¥');
      await shot(page, 5, 'in-use', '使用中：当前费用自动刷新，充电宝归还说明');

      const sessionId = page.url().split('/').pop()!;
      expect(cabinet.started.has(sessionId)).toBe(true);
      await cabinet.returnBank(sessionId);
      await expect(page.locator('#finished')).toBeVisible({ timeout: 30_000 });
      await expect(page.locator('#finished h1')).toHaveText('已完成，已支付', { timeout: 30_000 });
      await expect(page.locator('#lines .row').first()).toBeVisible();
      await expect(page.locator('#order-detail')).toHaveAttribute('href', /\/sim\/phone\?out_order_no=/);
      await shot(page, 6, 'finished', '已完成：扣款金额与明细，订单详情（wxpayScoreDetail）');
    } finally {
      await cabinet.close();
    }
  });

  test('a fridge whose user fails the Pay Score assessment: another way or a clear stop, then cancelled', async ({ page }) => {
    await scanAndSignIn(page, 'FR-0002', `flow-bob-${Date.now().toString(36)}`, null);
    await onPhonePage(page, '模拟：支付分评估未通过', null);
    await page.locator('#confirmed').click();
    await expect(page.locator('#assessment-failed')).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('#assessment-failed')).toContainText('本次不会扣款');
    await shot(page, 7, 'assessment-failed', '支付分评估未通过：其他支付方式或明确终止');
    await page.locator('#stop').click();
    await expect(page.locator('#cancelled')).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('#cancelled')).toContainText('没有扣款');
    await shot(page, 8, 'cancelled', '已取消：未扣款');
  });

  test('the flow image: the numbered screenshots side by side', async ({ page }) => {
    expect(shots.map((s) => s.file)).toHaveLength(8);
    const cells = shots
      .map((s, i) => `<figure><img src="data:image/png;base64,${readFileSync(join(OUT, s.file)).toString('base64')}"><figcaption>${i + 1}. ${s.caption}</figcaption></figure>`)
      .join('');
    await page.setViewportSize({ width: 8 * 410 + 40, height: 900 });
    await page.setContent(
      `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>body{margin:0;padding:20px;background:#fff;font:14px/1.4 sans-serif;display:flex;gap:20px;align-items:flex-start}
figure{margin:0;width:390px}img{width:390px;border:1px solid #ccc;border-radius:8px}figcaption{margin-top:6px}</style><body>${cells}</body></html>`,
    );
    await page.screenshot({ path: join(OUT, 'flow.png'), fullPage: true });
  });
});
