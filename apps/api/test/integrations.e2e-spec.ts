import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response as InjectResponse } from 'light-my-request';
import { createApp, type ZizhuApp } from '../src/app.factory.js';
import { DEMO_DEVICES, DEMO_ORGS, DEMO_PASSWORD } from '../src/modules/demo/demo-data.js';
import { verifyEventSignature } from '../src/modules/integrations/event-signature.js';
import { WebhookEndpointsService } from '../src/modules/integrations/webhook-endpoints.service.js';
import { systemQuery } from './fleet-support.js';
import { freshDatabaseConfig, testConfig } from './support/test-app.js';
import { waitUntil, type WaitCondition } from './support/wait.js';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Waits on deliveries made by the job queue: generous for a loaded CI machine (a wait, not a speed check). */
const waitFor = (what: string, condition: WaitCondition, timeoutMs = 60_000) => waitUntil(what, condition, timeoutMs);

const ORG = DEMO_ORGS;

describe('integrators: API keys and business-event webhooks', () => {
  let app: ZizhuApp;
  let drop: () => Promise<void>;
  let receiver: Server;
  let receiverUrl: string;
  const received: Received[] = [];
  /** Path → how many requests still to refuse with a 500. */
  const failNext = new Map<string, number>();
  const tokens: Record<string, string> = {};

  const http = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, token: string, body?: unknown): Promise<InjectResponse> =>
    app.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  const sys = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => systemQuery<T>(app, sql, params);
  const at = (path: string) => received.filter((r) => r.path === path);
  const eventsAt = (path: string) => at(path).map((r) => JSON.parse(r.body) as { id: string; type: string; data: Record<string, unknown> });

  /** A session of the organisation's first device, charged through the nearest merchant account above or at it, in the given state. */
  async function sessionOf(org: string, state: string): Promise<string> {
    const id = randomUUID();
    await sys(
      `WITH d AS (SELECT id, tenant_id, type, code, plan_id FROM devices WHERE tenant_id = $2 AND plan_id IS NOT NULL ORDER BY created_at LIMIT 1),
            ps AS (SELECT ps.* FROM payscore_services ps, organizations o WHERE o.id = $2 AND ps.tenant_id = ANY (o.path)
                    ORDER BY array_position(o.path, ps.tenant_id) DESC LIMIT 1),
            u AS (INSERT INTO end_users (tenant_id, appid, openid) SELECT tenant_id, 'wxd0000000000demo', $3 FROM ps RETURNING id)
       INSERT INTO service_sessions (id, tenant_id, merchant_tenant_id, merchant_account_id, payscore_service_id, service_id, scenario, service_mode, end_user_id, appid,
                                     device_id, device_type, device_code, plan_id, plan_version, plan, risk_fund_fen, notify_url, out_order_no, state, total_fen,
                                     ended_at, awaiting_payment_at, order_completed_at)
       SELECT $1, d.tenant_id, ps.tenant_id, ps.merchant_account_id, ps.id, ps.service_id, ps.scenario, ps.mode, u.id, 'wxd0000000000demo', d.id, d.type, d.code, d.plan_id, 1,
              '{}'::jsonb, 1000, 'http://127.0.0.1/notify', $4, $5, 500, now(), now(), now()
       FROM d, ps, u`,
      [id, org, `integrations-${id.slice(0, 8)}`, `INTEG${id.replaceAll('-', '').slice(0, 20)}`, state],
    );
    expect((await sys(`SELECT 1 FROM service_sessions WHERE id = $1`, [id])).length).toBe(1);
    return id;
  }
  const pay = (sessionId: string) =>
    sys(`UPDATE service_sessions SET state = 'PAID', paid_at = now(), paid_fen = 500, transaction_id = $2 WHERE id = $1`, [sessionId, `42000${sessionId.slice(0, 8)}`]);

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const path = req.url ?? '';
        received.push({ path, headers: req.headers, body });
        const fail = failNext.get(path) ?? 0;
        if (fail > 0) {
          failNext.set(path, fail - 1);
          res.writeHead(500).end('try again');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    const fresh = await freshDatabaseConfig();
    drop = fresh.drop;
    const base = testConfig(fresh.database);
    app = await createApp({ ...base, jobs: { pollingIntervalSeconds: 0.5 }, alerts: { ...base.alerts, evaluateIntervalSeconds: 3600 } });
    await app.app.getHttpAdapter().getInstance().ready();
    for (const [name, login] of Object.entries({ admin: 'admin@zizhu.demo', brand: 'ops@fridge.demo', f1: 'f1@fridge.demo', f2: 'f2@fridge.demo', vendor: 'ops@vendor.demo', c1: 'c1@vendor.demo' })) {
      const response = await app.app.inject({ method: 'POST', url: '/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ login, password: DEMO_PASSWORD }) });
      tokens[name] = (response.json() as { accessToken: string }).accessToken;
    }
  });

  afterAll(async () => {
    await app?.close();
    await drop?.();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('an API key acts as its organisation within its scopes only, is stored as a hash, and stops at once when revoked', async () => {
    const scopes = (await http('GET', '/v1/api-keys/scopes', tokens.f1!)).json() as { scopes: string[] };
    expect(scopes.scopes).toEqual(expect.arrayContaining(['devices.read', 'sessions.read']));
    expect(scopes.scopes).not.toContain('integrations.manage');
    // never more than the creator: a franchisee cannot create organisations, nobody hands out key management
    for (const scope of ['organizations.create', 'integrations.manage']) {
      const refused = await http('POST', '/v1/api-keys', tokens.f1!, { name: 'too much', scopes: ['devices.read', scope] });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'scopes' }] });
    }
    // the platform administrator has no organisation data to give a key to
    expect((await http('POST', '/v1/api-keys', tokens.admin!, { name: 'x', scopes: ['devices.read'] })).json()).toMatchObject({ code: 'API_KEY_PLATFORM_REFUSED' });

    const created = await http('POST', '/v1/api-keys', tokens.f1!, { name: 'ERP read-only', scopes: ['devices.read'] });
    expect(created.statusCode).toBe(201);
    const key = created.json() as { id: string; key: string; prefix: string; hint: string; scopes: string[] };
    expect(key.key).toMatch(/^zk_live_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(key.key.startsWith(key.prefix)).toBe(true);
    expect(key.scopes).toEqual(['devices.read']);
    // hashed at rest: the stored row holds the SHA-256 of the key, nowhere the secret
    const [stored] = await sys<{ secret_hash: string; row: string }>(`SELECT secret_hash, row_to_json(k)::text AS row FROM api_keys k WHERE id = $1`, [key.id]);
    expect(stored!.secret_hash).toBe(createHash('sha256').update(key.key).digest('hex'));
    expect(stored!.row).not.toContain(key.key.slice(-43));
    // the list never shows it again
    const listed = (await http('GET', '/v1/api-keys', tokens.f1!)).json() as { items: Record<string, unknown>[] };
    expect(listed.items.find((k) => k.id === key.id)).not.toHaveProperty('key');

    // in scope: the same devices the franchisee's login sees, through row-level security
    const asKey = await http('GET', '/v1/devices', key.key);
    expect(asKey.statusCode).toBe(200);
    const asLogin = await http('GET', '/v1/devices', tokens.f1!);
    expect((asKey.json() as { items: { id: string }[] }).items.map((d) => d.id).sort()).toEqual((asLogin.json() as { items: { id: string }[] }).items.map((d) => d.id).sort());
    // another tenant's device: 404 as for the login
    const [f2Device] = await sys<{ id: string }>(`SELECT id FROM devices WHERE tenant_id = $1 LIMIT 1`, [ORG.fridgeF2.id]);
    expect((await http('GET', `/v1/devices/${f2Device!.id}`, key.key)).statusCode).toBe(404);
    // out of scope: 403 naming the scope; writes need the write code
    const sessions = await http('GET', '/v1/sessions', key.key);
    expect(sessions.statusCode).toBe(403);
    expect(sessions.json()).toMatchObject({ code: 'AUTH_API_KEY_SCOPE_MISSING' });
    expect((await http('POST', '/v1/sites', key.key, { name: 'x', address: 'y', city: '杭州' })).statusCode).toBe(403);
    // never key management, the caller's own identity or platform routes
    for (const [method, url] of [['GET', '/v1/api-keys'], ['POST', '/v1/api-keys'], ['GET', '/v1/webhook-endpoints'], ['GET', '/v1/me'], ['GET', '/v1/ledger/check']] as const) {
      const answer = await http(method, url, key.key, method === 'POST' ? { name: 'x', scopes: ['devices.read'] } : undefined);
      expect([url, answer.statusCode]).toEqual([url, 403]);
    }
    // a wrong secret under the right id
    expect((await http('GET', '/v1/devices', `${key.key.slice(0, -4)}AAAA`)).statusCode).toBe(401);
    // audited, and the last use stamped
    const [used] = await sys<{ last_used_at: Date | null }>(`SELECT last_used_at FROM api_keys WHERE id = $1`, [key.id]);
    expect(used!.last_used_at).not.toBeNull();

    // revoked: refused on the next call, though this process verified the key a moment ago
    const revoked = await http('DELETE', `/v1/api-keys/${key.id}`, tokens.f1!);
    expect(revoked.statusCode).toBe(200);
    expect((revoked.json() as { revokedAt: string | null }).revokedAt).not.toBeNull();
    const after = await http('GET', '/v1/devices', key.key);
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'AUTH_TOKEN_REVOKED' });
    // another organisation cannot revoke (or see) it
    expect((await http('DELETE', `/v1/api-keys/${key.id}`, tokens.f2!)).statusCode).toBe(404);
    const audit = await sys<{ action: string }>(`SELECT action FROM audit_log WHERE resource_id = $1 ORDER BY occurred_at`, [key.id]);
    expect(audit.map((a) => a.action)).toEqual(['api-key.create', 'api-key.revoke']);
  });

  it('a fridge planogram needs stock.write, not devices.write', async () => {
    const fridge = DEMO_DEVICES.find((d) => d.code === 'FR-0001')!;
    const planogram = { slots: [{ shelf: 1, slot: 1, sku: 'cola-330', parLevel: 4 }] };
    const devicesKey = (await http('POST', '/v1/api-keys', tokens.f1!, { name: 'fleet', scopes: ['devices.write'] })).json() as { key: string };
    const refused = await http('PUT', `/v1/devices/${fridge.id}/planogram`, devicesKey.key, planogram);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'AUTH_API_KEY_SCOPE_MISSING' });
    const stockKey = (await http('POST', '/v1/api-keys', tokens.f1!, { name: 'stock', scopes: ['stock.read', 'stock.write'] })).json() as { key: string };
    const put = await http('PUT', `/v1/devices/${fridge.id}/planogram`, stockKey.key, planogram);
    expect(put.statusCode).toBe(200);
    expect((await http('GET', `/v1/devices/${fridge.id}/planogram`, stockKey.key)).json()).toMatchObject({ slots: [{ shelf: 1, slot: 1, sku: 'cola-330', parLevel: 4 }] });
  });

  it('a key stops when the login that created it is disabled', async () => {
    const email = `integrator-${randomUUID().slice(0, 8)}@fridge.demo`;
    const user = await http('POST', '/v1/users', tokens.f1!, { email, password: 'integrator-pass-1', role: 'FRANCHISEE_ADMIN', displayName: '集成', organizationId: ORG.fridgeF1.id });
    expect(user.statusCode).toBe(201);
    const login = await app.app.inject({ method: 'POST', url: '/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ login: email, password: 'integrator-pass-1' }) });
    const token = (login.json() as { accessToken: string }).accessToken;
    const key = (await http('POST', '/v1/api-keys', token, { name: 'theirs', scopes: ['sites.read'] })).json() as { key: string };
    expect((await http('GET', '/v1/sites', key.key)).statusCode).toBe(200);
    expect((await http('POST', `/v1/users/${(user.json() as { id: string }).id}/disable`, tokens.f1!)).statusCode).toBe(200);
    expect((await http('GET', '/v1/sites', key.key)).json()).toMatchObject({ code: 'AUTH_TOKEN_REVOKED' });
  });

  it('webhooks: signed, retried after a 500 under the same event id, replayed, and never to another tenant', async () => {
    const endpoint = async (who: string, path: string, events: string[]) => {
      const answer = await http('POST', '/v1/webhook-endpoints', tokens[who]!, { url: `${receiverUrl}${path}`, events });
      expect(answer.statusCode).toBe(201);
      return answer.json() as { id: string; secret: string };
    };
    const f1 = await endpoint('f1', '/f1', ['session.paid', 'session.cancelled']);
    const brand = await endpoint('brand', '/brand', ['session.paid']);
    const f2 = await endpoint('f2', '/f2', ['session.paid', 'device.offline']);
    const vendor = await endpoint('vendor', '/vendor', ['session.paid', 'device.offline']);
    const c1 = await endpoint('c1', '/c1', ['session.paid', 'device.offline']);
    expect(f1.secret).toMatch(/^whsec_/);
    expect((await http('GET', '/v1/webhook-endpoints', tokens.f1!)).json()).toMatchObject({ items: [{ id: f1.id, events: ['session.paid', 'session.cancelled'] }] });
    expect((await http('GET', '/v1/webhook-endpoints', tokens.f1!)).json()).not.toHaveProperty('items.0.secret');

    // a change rolled back announces nothing
    const rolledBack = await sessionOf(ORG.fridgeF1.id, 'AWAITING_PAYMENT');
    await expect(
      app.database.dataSource.transaction(async (m) => {
        await m.query(`SELECT set_config('app.all_tenants', 'on', true)`);
        await m.query(`UPDATE service_sessions SET state = 'PAID', paid_at = now(), paid_fen = 500 WHERE id = $1`, [rolledBack]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await sys(`SELECT 1 FROM webhook_events WHERE payload->>'sessionId' = $1`, [rolledBack])).toHaveLength(0);

    // f1's session is paid; f1's endpoint fails once and gets it again under the same event id
    failNext.set('/f1', 1);
    const session = await sessionOf(ORG.fridgeF1.id, 'AWAITING_PAYMENT');
    await pay(session);
    await waitFor('f1 delivered after a 500', () => at('/f1').length >= 2);
    await waitFor('the brand', () => at('/brand').length >= 1);
    const [first, second] = at('/f1');
    expect(first!.body).toBe(second!.body);
    expect(first!.headers['zizhu-event-id']).toBe(second!.headers['zizhu-event-id']);
    for (const r of [first!, second!]) expect(verifyEventSignature(f1.secret, r.headers['zizhu-signature'] as string, r.body)).toBe(true);
    expect(verifyEventSignature(brand.secret, first!.headers['zizhu-signature'] as string, first!.body)).toBe(false);
    const event = JSON.parse(first!.body) as { id: string; type: string; data: Record<string, unknown> };
    expect(event).toMatchObject({ id: first!.headers['zizhu-event-id'], type: 'session.paid', data: { sessionId: session, organizationId: ORG.fridgeF1.id, paidFen: 500, state: 'PAID' } });
    expect(eventsAt('/brand').map((e) => e.id)).toEqual([event.id]);

    // the delivery log: two attempts, 500 then 200 (recorded once the 200 is back: the receiver above saw the request first)
    type DeliveryLog = { items: { id: string; eventId: string; state: string; attempts: number; attemptLog: { status: number | null; replay: boolean }[] }[]; total: number };
    const deliveries = async () => (await http('GET', `/v1/webhook-deliveries?endpointId=${f1.id}`, tokens.f1!)).json() as DeliveryLog;
    await waitFor('the second attempt recorded', async () => (await deliveries()).items[0]?.state !== 'PENDING');
    const log = await deliveries();
    expect(log.total).toBe(1);
    expect(log.items[0]).toMatchObject({ eventId: event.id, state: 'DELIVERED', attempts: 2 });
    expect(log.items[0]!.attemptLog.map((a) => a.status)).toEqual([500, 200]);
    // a job run again once delivered sends nothing
    expect(await app.app.get(WebhookEndpointsService).deliver(ORG.fridgeF1.id, log.items[0]!.id)).toBeNull();

    // replay: the same event again, logged as a replay
    const replayed = await http('POST', `/v1/webhook-deliveries/${log.items[0]!.id}/replay`, tokens.f1!);
    expect(replayed.statusCode).toBe(200);
    await waitFor('the replay', () => at('/f1').length >= 3);
    expect(at('/f1')[2]!.headers['zizhu-event-id']).toBe(event.id);
    expect(verifyEventSignature(f1.secret, at('/f1')[2]!.headers['zizhu-signature'] as string, at('/f1')[2]!.body)).toBe(true);
    await waitFor('the replay logged', async () => {
      const again = (await http('GET', `/v1/webhook-deliveries?endpointId=${f1.id}`, tokens.f1!)).json() as typeof log;
      return again.items[0]!.attemptLog.length === 3 && again.items[0]!.attemptLog[2]!.replay && again.items[0]!.state === 'DELIVERED';
    });
    // another organisation cannot replay it
    expect((await http('POST', `/v1/webhook-deliveries/${log.items[0]!.id}/replay`, tokens.f2!)).statusCode).toBe(404);

    // the same fact twice (a repeated transition) is one event
    await sys(`UPDATE service_sessions SET state = 'AWAITING_PAYMENT' WHERE id = $1`, [session]);
    await pay(session);
    expect(await sys(`SELECT 1 FROM webhook_events WHERE type = 'session.paid' AND payload->>'sessionId' = $1`, [session])).toHaveLength(1);

    // a reseller's customer's paid session reaches the customer, never the reseller; its device going offline reaches both
    const c1Session = await sessionOf(ORG.vendorC1.id, 'AWAITING_PAYMENT');
    await pay(c1Session);
    const [c1Device] = await sys<{ id: string }>(`SELECT id FROM devices WHERE tenant_id = $1 ORDER BY created_at LIMIT 1`, [ORG.vendorC1.id]);
    await sys(`INSERT INTO device_events (tenant_id, device_id, event_id, type, source, occurred_at) VALUES ($1, $2, $3, 'device.offline', 'PLATFORM', now())`, [
      ORG.vendorC1.id,
      c1Device!.id,
      `platform:offline:${randomUUID()}`,
    ]);
    await waitFor('c1 both', () => eventsAt('/c1').some((e) => e.type === 'device.offline') && eventsAt('/c1').some((e) => e.type === 'session.paid'));
    await waitFor('the reseller the device event', () => eventsAt('/vendor').some((e) => e.type === 'device.offline'));
    // everything dispatched is delivered or has been attempted: nothing else is on its way
    await app.app.get(WebhookEndpointsService).dispatch();
    await waitFor('no delivery pending', async () => (await sys(`SELECT 1 FROM webhook_deliveries WHERE state = 'PENDING'`)).length === 0);
    expect(eventsAt('/vendor').map((e) => e.type)).toEqual(['device.offline']);
    expect(eventsAt('/vendor')[0]!.data).toMatchObject({ deviceId: c1Device!.id, organizationId: ORG.vendorC1.id });
    // the other franchisee hears nothing of f1 (nor of the reseller's customer)
    expect(at('/f2')).toHaveLength(0);
    expect(vendor.id).not.toBe(f2.id);
    expect(c1.id).toBeDefined();
    // f1's endpoint did not subscribe to device events; f1 saw only its own session
    expect(eventsAt('/f1').map((e) => (e.data as { sessionId: string }).sessionId)).toEqual([session, session, session]);
  }, 300_000);

  it('complaints reach the session’s organisation and its brand but never a reseller; a device coming online reaches the reseller too', async () => {
    const endpoint = async (who: string, path: string) => {
      const answer = await http('POST', '/v1/webhook-endpoints', tokens[who]!, { url: `${receiverUrl}${path}`, events: ['complaint.created', 'device.online'] });
      expect(answer.statusCode).toBe(201);
      return answer.json() as { id: string; secret: string };
    };
    const brand = await endpoint('brand', '/cx/brand');
    await endpoint('f1', '/cx/f1');
    await endpoint('vendor', '/cx/vendor');
    await endpoint('c1', '/cx/c1');
    const complain = async (sessionId: string) => {
      const id = randomUUID();
      await sys(
        `INSERT INTO complaints (id, tenant_id, merchant_account_id, complaint_id, session_id, session_tenant_id, out_order_no, state, complaint_time, reply_due_at, complete_due_at, detail)
         SELECT $1, s.merchant_tenant_id, s.merchant_account_id, $2, s.id, s.tenant_id, s.out_order_no, 'PENDING', now(), now() + interval '24 hours', now() + interval '72 hours', 'integrations'
           FROM service_sessions s WHERE s.id = $3`,
        [id, `INTEG${randomUUID().replaceAll('-', '').slice(0, 24)}`, sessionId],
      );
      return id;
    };
    const f1Complaint = await complain(await sessionOf(ORG.fridgeF1.id, 'PAID'));
    const c1Complaint = await complain(await sessionOf(ORG.vendorC1.id, 'PAID'));
    const [c1Device] = await sys<{ id: string }>(`SELECT id FROM devices WHERE tenant_id = $1 ORDER BY created_at LIMIT 1`, [ORG.vendorC1.id]);
    await sys(`INSERT INTO device_events (tenant_id, device_id, event_id, type, source, occurred_at) VALUES ($1, $2, $3, 'device.online', 'PLATFORM', now())`, [
      ORG.vendorC1.id,
      c1Device!.id,
      `platform:online:${randomUUID()}`,
    ]);
    await waitFor('the complaints and the device', () => at('/cx/f1').length >= 1 && at('/cx/brand').length >= 1 && at('/cx/c1').length >= 2 && at('/cx/vendor').length >= 1);
    await app.app.get(WebhookEndpointsService).dispatch();
    await waitFor('no delivery pending', async () => (await sys(`SELECT 1 FROM webhook_deliveries WHERE state = 'PENDING'`)).length === 0);
    const ids = (path: string) => eventsAt(path).map((e) => `${e.type} ${String(e.data['complaintId'] ?? e.data['deviceId'])}`).sort();
    expect(ids('/cx/f1')).toEqual([`complaint.created ${f1Complaint}`]);
    expect(ids('/cx/brand')).toEqual([`complaint.created ${f1Complaint}`]);
    expect(ids('/cx/c1')).toEqual([`complaint.created ${c1Complaint}`, `device.online ${c1Device!.id}`].sort());
    expect(ids('/cx/vendor')).toEqual([`device.online ${c1Device!.id}`]);
    expect(verifyEventSignature(brand.secret, at('/cx/brand')[0]!.headers['zizhu-signature'] as string, at('/cx/brand')[0]!.body)).toBe(true);
  }, 300_000);

  it('endpoints: test event, disable, edit, bad input names the field, another tenant gets 404', async () => {
    const created = (await http('POST', '/v1/webhook-endpoints', tokens.f2!, { url: `${receiverUrl}/f2-test`, events: ['refund.succeeded'] })).json() as { id: string; secret: string };
    const test = await http('POST', `/v1/webhook-endpoints/${created.id}/test`, tokens.f2!);
    expect(test.json()).toEqual({ ok: true, status: 200, error: null });
    const sent = at('/f2-test')[0]!;
    expect(JSON.parse(sent.body)).toMatchObject({ type: 'test' });
    expect(verifyEventSignature(created.secret, sent.headers['zizhu-signature'] as string, sent.body)).toBe(true);

    const bad = await http('POST', '/v1/webhook-endpoints', tokens.f2!, { url: 'ftp://example.com', events: ['session.paid'] });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('url');
    const badEvent = await http('POST', '/v1/webhook-endpoints', tokens.f2!, { url: `${receiverUrl}/x`, events: ['session.started'] });
    expect(badEvent.statusCode).toBe(400);
    expect(JSON.stringify(badEvent.json())).toContain('events');

    const disabled = await http('PATCH', `/v1/webhook-endpoints/${created.id}`, tokens.f2!, { enabled: false, events: ['refund.succeeded', 'session.paid'] });
    expect(disabled.json()).toMatchObject({ enabled: false, events: ['refund.succeeded', 'session.paid'] });
    expect(disabled.json()).not.toHaveProperty('secret');
    const rotated = (await http('PATCH', `/v1/webhook-endpoints/${created.id}`, tokens.f2!, { rotateSecret: true })).json() as { secret: string };
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);

    expect((await http('PATCH', `/v1/webhook-endpoints/${created.id}`, tokens.f1!, { enabled: true })).statusCode).toBe(404);
    expect((await http('POST', `/v1/webhook-endpoints/${created.id}/test`, tokens.f1!)).statusCode).toBe(404);
    expect((await http('DELETE', `/v1/webhook-endpoints/${created.id}`, tokens.f1!)).statusCode).toBe(404);
    expect((await http('DELETE', `/v1/webhook-endpoints/${created.id}`, tokens.f2!)).statusCode).toBe(204);
    const audit = await sys<{ action: string }>(`SELECT action FROM audit_log WHERE resource_id = $1 ORDER BY occurred_at`, [created.id]);
    expect(audit.map((a) => a.action)).toEqual(['webhook-endpoint.create', 'webhook-endpoint.update', 'webhook-endpoint.update', 'webhook-endpoint.delete']);
  });
});
