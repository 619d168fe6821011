import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { baseUrl, consumerSession, expect, operatorToken, test, waitForSessionState } from './support/fixtures';

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** The receiver's check of `Zizhu-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + body)>` (integrations README). */
function signedWith(secret: string, received: Received): boolean {
  const header = String(received.headers['zizhu-signature'] ?? '');
  const t = /(?:^|,)t=(\d+)/.exec(header)?.[1];
  const v1 = [...header.matchAll(/(?:^|,)v1=([0-9a-f]{64})/g)].map((m) => m[1]);
  return Boolean(t) && v1.includes(createHmac('sha256', secret).update(`${t}.${received.body}`).digest('hex'));
}

/** An integrator's receiver on a free local port: answers 200 and keeps what it was sent. */
async function receiver(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/zizhu/events`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

// Integrators (issue 16): the brand's admin creates and revokes an API key, and subscribes a webhook endpoint.
test.describe('integrations', () => {
  test('an API key is shown once, works on the operator API, and stops working once revoked', async ({ as, request }) => {
    const page = await as('fridgeBrand', '/');
    await page.getByRole('menu').getByText('开放集成').click();
    const keys = page.getByTestId('api-keys');
    const name = `ERP 同步 ${Date.now().toString(36)}`;
    await keys.getByLabel('名称').fill(name);
    await keys.getByRole('checkbox', { name: 'devices.read', exact: true }).check();
    await keys.getByRole('button', { name: '创建密钥' }).click();
    const secret = page.getByTestId('api-key-secret');
    await expect(secret).toContainText('只显示这一次');
    const key = (await secret.locator('code').innerText()).trim();
    expect(key).toMatch(/^zk_live_[0-9a-f]{32}_/);
    const row = keys.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('有效');
    await expect(row).toContainText('devices.read');
    // the list keeps only its prefix and last characters
    await expect(row).not.toContainText(key);

    const withKey = { headers: { authorization: `Bearer ${key}` } };
    expect((await request.get(`${baseUrl()}/v1/devices`, withKey)).status()).toBe(200);

    await row.getByRole('button', { name: '吊 销' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect(row).toContainText('已吊销');
    await expect(row.getByRole('button', { name: '吊 销' })).toHaveCount(0);
    expect((await request.get(`${baseUrl()}/v1/devices`, withKey)).status()).toBe(401);
    // shown once: a reload does not show it again
    await page.reload();
    await expect(page.getByTestId('api-keys').getByRole('row').filter({ hasText: name })).toContainText('已吊销');
    await expect(page.getByTestId('api-key-secret')).toHaveCount(0);
  });

  test('a webhook endpoint to a local receiver: test event, a paid session’s delivery in the log, replayed', async ({ as, request }) => {
    const hook = await receiver();
    try {
      const page = await as('fridgeBrand', '/integrations?tab=webhooks');
      const webhooks = page.getByTestId('webhook-endpoints');
      await webhooks.getByRole('button', { name: '添加地址' }).click();
      const dialog = page.getByRole('dialog', { name: '添加 Webhook 地址' });
      await dialog.getByLabel('URL').fill(hook.url);
      await dialog.getByLabel('备注').fill('e2e receiver');
      await dialog.getByRole('checkbox', { name: /^session\.paid/ }).check();
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      const secretBox = page.getByTestId('endpoint-secret');
      const secret = (await secretBox.locator('code').innerText()).trim();
      expect(secret).toMatch(/^whsec_/);
      const endpoint = webhooks.getByRole('row').filter({ hasText: hook.url });
      await expect(endpoint).toContainText('session.paid');

      // the test event reaches the receiver, signed with the secret shown
      await endpoint.getByRole('button', { name: '发送测试事件' }).click();
      await expect(page.getByTestId('endpoint-test-result')).toHaveText('测试事件已送达（HTTP 200）');
      const probe = hook.received.find((r) => r.headers['zizhu-event-type'] === 'test');
      expect(probe).toBeDefined();
      expect(signedWith(secret, probe!)).toBe(true);

      // a user pays at a franchisee's fridge: the brand's endpoint hears session.paid
      const session = await consumerSession(request, 'FR-0001');
      await waitForSessionState(request, await operatorToken(request, 'fridgeBrand'), session.sessionId, 'PAID');
      let eventId = '';
      await expect
        .poll(
          () => {
            const paid = hook.received.find((r) => r.headers['zizhu-event-type'] === 'session.paid' && r.body.includes(session.sessionId));
            eventId = String(paid?.headers['zizhu-event-id'] ?? '');
            return eventId;
          },
          { timeout: 30_000, intervals: [250, 500, 1000] },
        )
        .not.toBe('');
      const paid = hook.received.find((r) => r.headers['zizhu-event-id'] === eventId)!;
      expect(signedWith(secret, paid)).toBe(true);

      await page.reload();
      const delivery = page.getByTestId('webhook-deliveries').getByRole('row').filter({ hasText: eventId });
      await expect(delivery).toContainText('session.paid');
      await expect(delivery).toContainText('已送达');

      // replayed: sent again under the same event id, the log says so
      const before = hook.received.filter((r) => r.headers['zizhu-event-id'] === eventId).length;
      await delivery.getByRole('button', { name: '重新投递' }).click();
      await expect.poll(() => hook.received.filter((r) => r.headers['zizhu-event-id'] === eventId).length, { timeout: 30_000 }).toBe(before + 1);
      await expect(delivery).toContainText('已送达');
      await delivery.getByRole('button', { name: /展开行|Expand row/ }).click();
      const attempts = page.getByTestId('webhook-deliveries').locator('.ant-table-expanded-row').first();
      await expect(attempts.getByText('重新投递')).toBeVisible();
      await expect(attempts.getByRole('row')).toHaveCount(1 + before + 1);

      // removed, it hears nothing more
      await endpoint.getByRole('button', { name: '删 除' }).click();
      await page.getByRole('tooltip').getByRole('button', { name: /确\s*定|OK/ }).click();
      await expect(endpoint).toHaveCount(0);
    } finally {
      await hook.close();
    }
  });
});
