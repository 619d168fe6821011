// The complaint notification URL registers itself (issue 13): an account created through the API is registered with
// WeChat (the simulator) by a job, without anyone calling PUT …/complaint-notification-url; a registration WeChat
// refuses is shown failed with its error, retried with back-off and then succeeds; the catch-up then lists that
// account's complaints; existing accounts that were never registered (the demo's) are picked up by the sweep.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ComplaintRegistration } from '../src/modules/complaints/complaint-registration.service.js';
import { ComplaintSync } from '../src/modules/complaints/complaint-sync.service.js';
import { DEMO_MERCHANTS } from '../src/modules/demo/demo-data.js';
import { MerchantGateway } from '../src/modules/merchants/merchant-gateway.service.js';
import { Transactions } from '../src/platform/database/transactions.js';
import { systemQuery } from './fleet-support.js';
import { LoopHarness } from './support/loop-harness.js';

type Registration = { state: string; url: string | null; registeredAt: string | null; lastError: string | null; lastAttemptAt: string | null; unavailableReason: string | null };
type Account = { id: string; mchid: string; complaintNotification: Registration };

let loop: LoopHarness;
let ops: string;

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const account = async (id: string, token = ops) => (await loop.request<Account>('GET', `/v1/merchant-accounts/${id}`, { token })).body;
const simUrls = async () => (await loop.simRequest<{ notificationUrls: Record<string, string> }>('GET', '/sim/complaints')).body.notificationUrls;
const faults = async (rules: unknown[]) => expect((await loop.simRequest('POST', '/sim/faults', { rules })).status).toBe(200);

beforeAll(async () => {
  loop = await LoopHarness.start();
  ops = await loop.operator('ops@powerbank.demo');
});

afterAll(async () => {
  await loop?.close();
});

describe('complaint notification URL registration (issue 13)', () => {
  it('an account created through the API ends up registered with WeChat and switched on, with no manual call', async () => {
    const merchant = await loop.newSimMerchant();
    const created = await loop.request<Account>('POST', '/v1/merchant-accounts', { token: ops, body: merchant.body });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(['PENDING', 'REGISTERED']).toContain(created.body.complaintNotification.state);
    const url = `${loop.apiUrl}/v1/payscore/notify/${id}/complaints`;
    const registered = await until(
      () => account(id),
      (a) => a.complaintNotification.state === 'REGISTERED',
    );
    expect(registered.complaintNotification).toMatchObject({ state: 'REGISTERED', url, registeredAt: expect.any(String), lastError: null, unavailableReason: null });
    // WeChat (the simulator) has it, and the catch-up now lists the account's complaints
    expect((await simUrls())[merchant.mchid]).toBe(url);
    const [row] = await systemQuery<{ enabled: boolean }>(loop.zizhu, `SELECT complaints_enabled_at IS NOT NULL AS enabled FROM merchant_accounts WHERE id = $1`, [id]);
    expect(row!.enabled).toBe(true);
    // nobody called the PUT route (whose calls are audited)
    const audited = await systemQuery<{ n: number }>(loop.zizhu, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'complaint.notification_url.set' AND resource_id = $1`, [id]);
    expect(audited[0]!.n).toBe(0);
    // the manual route still works on a registered account (same URL: nothing changes at WeChat) and is audited
    expect((await loop.request('PUT', `/v1/merchant-accounts/${id}/complaint-notification-url`, { token: ops })).body).toMatchObject({ mchid: merchant.mchid, url });
    const auditedAfter = await systemQuery<{ n: number }>(loop.zizhu, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'complaint.notification_url.set' AND resource_id = $1`, [id]);
    expect(auditedAfter[0]!.n).toBe(1);

    // a disabled account says why it is not (re)registered, and the sweep leaves it alone
    expect((await loop.request('POST', `/v1/merchant-accounts/${id}/disable`, { token: ops })).status).toBe(200);
    expect((await account(id)).complaintNotification).toMatchObject({ state: 'UNAVAILABLE', unavailableReason: 'ACCOUNT_DISABLED' });
  });

  it('another system’s URL at WeChat is never replaced by the automatic registration, only by an operator’s call, which keeps the old URL in the audit row', async () => {
    const merchant = await loop.newSimMerchant();
    const created = await loop.request<Account>('POST', '/v1/merchant-accounts', { token: ops, body: merchant.body });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const ours = `${loop.apiUrl}/v1/payscore/notify/${id}/complaints`;
    await until(() => account(id), (a) => a.complaintNotification.state === 'REGISTERED');
    // the merchant's own customer-service system takes the URL over at WeChat (WeChat keeps one per merchant)
    const crm = 'https://crm.example.com/wechat/complaints';
    const handle = await loop.zizhu.app.get(Transactions).asSystem((m) => loop.zizhu.app.get(MerchantGateway).forAccount(m, id));
    await handle.client.updateComplaintNotificationUrl(crm);
    // the next automatic attempt reads it and leaves it alone, saying why (and does not retry it)
    await loop.zizhu.app.get(ComplaintRegistration).run(id);
    expect((await simUrls())[merchant.mchid]).toBe(crm);
    const refused = await account(id);
    expect(refused.complaintNotification.lastError).toContain(crm);
    // an operator decides: the button replaces it, and the audit row keeps the URL it replaced
    expect((await loop.request('PUT', `/v1/merchant-accounts/${id}/complaint-notification-url`, { token: ops })).body).toMatchObject({ url: ours });
    expect((await simUrls())[merchant.mchid]).toBe(ours);
    const [audit] = await systemQuery<{ before: { url: string } | null; after: { url: string } }>(
      loop.zizhu,
      `SELECT before, after FROM audit_log WHERE action = 'complaint.notification_url.set' AND resource_id = $1 ORDER BY occurred_at DESC LIMIT 1`,
      [id],
    );
    expect(audit).toMatchObject({ before: { url: crm }, after: { url: ours } });
    expect((await account(id)).complaintNotification).toMatchObject({ state: 'REGISTERED', url: ours, lastError: null });
  });

  it('a registration WeChat fails is shown failed, retried with back-off until it succeeds, and the catch-up then covers the account', async () => {
    await faults([{ path: '/v3/merchant-service/complaint-notifications', status: 500 }]);
    const merchant = await loop.newSimMerchant();
    const created = await loop.request<Account>('POST', '/v1/merchant-accounts', { token: ops, body: merchant.body });
    expect(created.status).toBe(201);
    const id = created.body.id;
    let failed: Account;
    try {
      failed = await until(
        () => account(id),
        (a) => a.complaintNotification.state === 'FAILED',
      );
    } finally {
      await faults([]);
    }
    expect(failed.complaintNotification).toMatchObject({ state: 'FAILED', registeredAt: null, lastError: expect.stringContaining('SYSTEM_ERROR'), lastAttemptAt: expect.any(String) });
    expect((await simUrls())[merchant.mchid]).toBeUndefined();
    const [before] = await systemQuery<{ enabled: boolean }>(loop.zizhu, `SELECT complaints_enabled_at IS NOT NULL AS enabled FROM merchant_accounts WHERE id = $1`, [id]);
    expect(before!.enabled).toBe(false);

    // the job's next attempt (back-off) succeeds: registered, the error cleared
    const url = `${loop.apiUrl}/v1/payscore/notify/${id}/complaints`;
    const registered = await until(
      () => account(id),
      (a) => a.complaintNotification.state === 'REGISTERED',
      60_000,
    );
    expect(registered.complaintNotification).toMatchObject({ state: 'REGISTERED', url, lastError: null });
    expect((await simUrls())[merchant.mchid]).toBe(url);

    // the catch-up lists this account's complaints at WeChat: its listing, made to fail, is counted as a failed account
    const sync = loop.zizhu.app.get(ComplaintSync);
    await faults([{ path: `complaints-v2\\?.*complainted_mchid=${merchant.mchid}`, status: 500 }]);
    try {
      expect(await sync.catchUp()).toMatchObject({ failed: 1 });
    } finally {
      await faults([]);
    }
    expect(await sync.catchUp()).toMatchObject({ failed: 0, listed: 0, queued: 0 });
  });

  it('accounts that existed before (the demo’s, never registered) are picked up by the sweep', async () => {
    const fridge = DEMO_MERCHANTS.fridge;
    const brand = await loop.operator('ops@fridge.demo');
    expect((await account(fridge.id, brand)).complaintNotification.state).toBe('PENDING');
    const queued = await loop.zizhu.app.get(ComplaintRegistration).sweep();
    expect(queued).toBeGreaterThanOrEqual(1);
    const registered = await until(
      () => account(fridge.id, brand),
      (a) => a.complaintNotification.state === 'REGISTERED',
    );
    expect(registered.complaintNotification.url).toBe(`${loop.apiUrl}/v1/payscore/notify/${fridge.id}/complaints`);
    expect((await simUrls())[fridge.mchid]).toBe(registered.complaintNotification.url);
  });
});
