import { randomUUID } from 'node:crypto';
import dns from 'node:dns';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response as InjectResponse } from 'light-my-request';
import { createApp, type ZizhuApp } from '../src/app.factory.js';
import type { AppConfig } from '../src/config/app-config.js';
import { DEMO_ORGS, DEMO_PASSWORD } from '../src/modules/demo/demo-data.js';
import { WebhookEndpointsService } from '../src/modules/integrations/webhook-endpoints.service.js';
import { systemQuery } from './fleet-support.js';
import { freshDatabaseConfig, testConfig } from './support/test-app.js';
import { waitUntil, type WaitCondition } from './support/wait.js';

/** Waits on deliveries made by the job queue: generous for a loaded CI machine (a wait, not a speed check). */
const waitFor = (what: string, condition: WaitCondition, timeoutMs = 60_000) => waitUntil(what, condition, timeoutMs);

const ORG = DEMO_ORGS;

/** The security review of the integrations (API keys, business-event webhooks): each finding's regression. */
describe('integrations: security review fixes', () => {
  let app: ZizhuApp;
  let drop: () => Promise<void>;
  let receiver: Server;
  let receiverUrl: string;
  const received: { path: string; body: string }[] = [];
  /** Requests to /held wait here until the test answers them. */
  const held: ServerResponse[] = [];
  const tokens: Record<string, string> = {};
  /** The app's alert (and webhook) settings: one test turns private addresses off, as in production. */
  let alerts: { -readonly [K in keyof AppConfig['alerts']]: AppConfig['alerts'][K] };

  const http = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, token: string, body?: unknown): Promise<InjectResponse> =>
    app.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  const sys = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => systemQuery<T>(app, sql, params);
  const login = async (login: string, password = DEMO_PASSWORD) => {
    const response = await app.app.inject({ method: 'POST', url: '/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ login, password }) });
    return response;
  };

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const path = req.url ?? '';
        received.push({ path, body });
        if (path === '/held') held.push(res);
        else if (path === '/secret-500') res.writeHead(500).end('stack trace: postgres://internal-db:5432 password=hunter2');
        else if (path === '/refusing') res.writeHead(403).end('{"error":"bad signature"}\n\u0007' + 'z'.repeat(400));
        else res.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    const fresh = await freshDatabaseConfig();
    drop = fresh.drop;
    const base = testConfig(fresh.database);
    alerts = { ...base.alerts, evaluateIntervalSeconds: 3600 };
    app = await createApp({ ...base, jobs: { pollingIntervalSeconds: 0.5 }, alerts });
    await app.app.getHttpAdapter().getInstance().ready();
    for (const [name, email] of Object.entries({ brand: 'ops@fridge.demo', f1: 'f1@fridge.demo' })) {
      tokens[name] = ((await login(email)).json() as { accessToken: string }).accessToken;
    }
  });

  afterAll(async () => {
    for (const res of held) res.destroy();
    await app?.close();
    await drop?.();
    receiver?.closeAllConnections();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('M1: no key may make logins or organisations; a key that holds users.write from before is refused login management', async () => {
    // the brand's admin has users.write and organizations.create, but cannot offer them to a key
    const scopes = (await http('GET', '/v1/api-keys/scopes', tokens.brand!)).json() as { scopes: string[] };
    expect(scopes.scopes).toEqual(expect.arrayContaining(['sites.write', 'users.read']));
    for (const never of ['users.write', 'organizations.create', 'integrations.manage']) {
      expect(scopes.scopes).not.toContain(never);
      const refused = await http('POST', '/v1/api-keys', tokens.brand!, { name: 'escalation', scopes: ['users.read', never] });
      expect([never, refused.statusCode]).toEqual([never, 400]);
      expect(refused.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'scopes' }] });
    }

    // a key stored with users.write (made before the rule, and the data fix): still no login management
    const key = (await http('POST', '/v1/api-keys', tokens.brand!, { name: 'legacy', scopes: ['users.read'] })).json() as { id: string; key: string };
    await sys(`UPDATE api_keys SET scopes = ARRAY['users.read', 'users.write'] WHERE id = $1`, [key.id]);
    const email = `escalated-${randomUUID().slice(0, 8)}@fridge.demo`;
    const made = await http('POST', '/v1/users', key.key, { email, password: 'escalated-pass-1', role: 'OPERATOR_ADMIN', displayName: 'x' });
    expect(made.statusCode).toBe(403);
    expect(made.json()).toMatchObject({ code: 'USER_API_KEY_REFUSED' });
    expect(await sys(`SELECT 1 FROM users WHERE email = $1`, [email])).toHaveLength(0);
    expect((await login(email, 'escalated-pass-1')).statusCode).toBe(401);
    const [someone] = await sys<{ id: string }>(`SELECT id FROM users WHERE email = 'f1@fridge.demo'`);
    for (const action of ['disable', 'enable']) {
      const answer = await http('POST', `/v1/users/${someone!.id}/${action}`, key.key);
      expect([action, answer.statusCode, (answer.json() as { code: string }).code]).toEqual([action, 403, 'USER_API_KEY_REFUSED']);
    }
    // reading logins is still the key's to do; the brand's admin still makes logins itself
    expect((await http('GET', '/v1/users', key.key)).statusCode).toBe(200);
    expect((await http('POST', '/v1/users', tokens.brand!, { email, password: 'escalated-pass-1', role: 'OPERATOR_STAFF', displayName: 'x' })).statusCode).toBe(201);
  });

  it('L3: what a key does is audited under its creator and the key', async () => {
    const key = (await http('POST', '/v1/api-keys', tokens.brand!, { name: 'ERP', scopes: ['sites.write'] })).json() as { id: string; key: string };
    const site = await http('POST', '/v1/sites', key.key, { name: `ERP site ${randomUUID().slice(0, 6)}`, address: '文一西路 1 号', city: '杭州' });
    expect(site.statusCode).toBe(201);
    const siteId = (site.json() as { id: string }).id;
    const [row] = await sys<{ actor_user_id: string; actor_api_key_id: string | null }>(`SELECT actor_user_id, actor_api_key_id FROM audit_log WHERE resource_id = $1 AND action = 'site.create'`, [siteId]);
    const [creator] = await sys<{ id: string }>(`SELECT id FROM users WHERE email = 'ops@fridge.demo'`);
    expect(row).toEqual({ actor_user_id: creator!.id, actor_api_key_id: key.id });
    const page = (await http('GET', `/v1/audit-log?resourceId=${siteId}`, tokens.brand!)).json() as { items: { actorUserId: string; actorApiKeyId: string | null }[] };
    expect(page.items[0]).toMatchObject({ actorUserId: creator!.id, actorApiKeyId: key.id });
    // a login's own action names no key
    const [own] = await sys<{ actor_api_key_id: string | null }>(`SELECT actor_api_key_id FROM audit_log WHERE resource_id = $1 AND action = 'api-key.create'`, [key.id]);
    expect(own!.actor_api_key_id).toBeNull();
  });

  it('L2: a replay asked for while an attempt is in flight still sends once', async () => {
    const endpoint = (await http('POST', '/v1/webhook-endpoints', tokens.f1!, { url: `${receiverUrl}/held`, events: ['session.paid'] })).json() as { id: string };
    // a paid session of f1 (the trigger fires for the application role)
    const sessionId = randomUUID();
    await sys(
      `WITH d AS (SELECT id, tenant_id, type, code, plan_id FROM devices WHERE tenant_id = $2 AND plan_id IS NOT NULL ORDER BY created_at LIMIT 1),
            ps AS (SELECT ps.* FROM payscore_services ps, organizations o WHERE o.id = $2 AND ps.tenant_id = ANY (o.path)
                    ORDER BY array_position(o.path, ps.tenant_id) DESC LIMIT 1),
            u AS (INSERT INTO end_users (tenant_id, appid, openid) SELECT tenant_id, 'wxd0000000000demo', $3 FROM ps RETURNING id)
       INSERT INTO service_sessions (id, tenant_id, merchant_tenant_id, merchant_account_id, payscore_service_id, service_id, scenario, service_mode, end_user_id, appid,
                                     device_id, device_type, device_code, plan_id, plan_version, plan, risk_fund_fen, notify_url, out_order_no, state, total_fen,
                                     ended_at, awaiting_payment_at, order_completed_at)
       SELECT $1, d.tenant_id, ps.tenant_id, ps.merchant_account_id, ps.id, ps.service_id, ps.scenario, ps.mode, u.id, 'wxd0000000000demo', d.id, d.type, d.code, d.plan_id, 1,
              '{}'::jsonb, 1000, 'http://127.0.0.1/notify', $4, 'AWAITING_PAYMENT', 500, now(), now(), now()
       FROM d, ps, u`,
      [sessionId, ORG.fridgeF1.id, `security-${sessionId.slice(0, 8)}`, `SEC${sessionId.replaceAll('-', '').slice(0, 20)}`],
    );
    await sys(`UPDATE service_sessions SET state = 'PAID', paid_at = now(), paid_fen = 500 WHERE id = $1`, [sessionId]);
    // the first attempt reaches the receiver, which does not answer yet
    await waitFor('the first attempt', () => held.length === 1);
    const [delivery] = await sys<{ id: string }>(`SELECT id FROM webhook_deliveries WHERE endpoint_id = $1`, [endpoint.id]);
    // a replay is asked for meanwhile (the statement of POST /v1/webhook-deliveries/{id}/replay; its job is run below by hand)
    await sys(`UPDATE webhook_deliveries SET state = 'PENDING', replays = replays + 1, delivered_at = NULL, failed_at = NULL WHERE id = $1`, [delivery!.id]);
    // the first attempt now succeeds: logged, but it no longer settles the delivery
    held.shift()!.writeHead(200).end('{}');
    await waitFor('the first attempt logged', async () => (await sys(`SELECT 1 FROM webhook_attempts WHERE delivery_id = $1`, [delivery!.id])).length === 1);
    expect((await sys<{ state: string }>(`SELECT state FROM webhook_deliveries WHERE id = $1`, [delivery!.id]))[0]!.state).toBe('PENDING');
    // the replay's job sends once
    const service = app.app.get(WebhookEndpointsService);
    const sending = service.deliver(ORG.fridgeF1.id, delivery!.id, undefined, 1);
    await waitFor('the replay', () => held.length === 1);
    held.shift()!.writeHead(200).end('{}');
    expect(await sending).toEqual({ ok: true, status: 200, error: null });
    const [after] = await sys<{ state: string; attempts: number }>(`SELECT state, attempts FROM webhook_deliveries WHERE id = $1`, [delivery!.id]);
    expect(after).toEqual({ state: 'DELIVERED', attempts: 2 });
    const attempts = await sys<{ replay: boolean; status: number }>(`SELECT replay, status FROM webhook_attempts WHERE delivery_id = $1 ORDER BY started_at`, [delivery!.id]);
    expect(attempts).toEqual([{ replay: false, status: 200 }, { replay: true, status: 200 }]);
    // a late retry of the first job, or the replay's job run again, sends nothing more
    expect(await service.deliver(ORG.fridgeF1.id, delivery!.id, undefined, 0)).toBeNull();
    expect(await service.deliver(ORG.fridgeF1.id, delivery!.id, undefined, 1)).toBeNull();
    expect(received.filter((r) => r.path === '/held')).toHaveLength(2);

  });

  it('I1: only the outbox triggers may queue events: the application role cannot call zizhu_webhook_emit itself', async () => {
    await expect(
      sys(`SELECT zizhu_webhook_emit($1, 'session.paid', 'DATA', $2, '{"forged": true}'::jsonb, now())`, [ORG.fridgeF1.id, `session.paid:${randomUUID()}`]),
    ).rejects.toThrow(/permission denied/);
    expect(await sys(`SELECT 1 FROM webhook_events WHERE payload ? 'forged'`)).toHaveLength(0);
    // (the triggers still queue events for a change made by the application role: the test above and integrations.e2e-spec)
  });

  it('M2: DNS rebinding: a name answering a public address to the check and a private one to the call reaches nothing inside', async () => {
    // the attacker's name server: a public (unroutable) address for the first question, loopback for every later one
    const host = 'rebind.example.test';
    let asked = 0;
    const answer = () => (asked++ === 0 ? { address: '203.0.113.10', family: 4 } : { address: '127.0.0.1', family: 4 });
    const original = { lookup: dns.lookup, promised: dns.promises.lookup };
    const fake = ((hostname: string, options: unknown, callback?: unknown) => {
      const cb = (typeof options === 'function' ? options : callback) as (e: Error | null, a: unknown, f?: number) => void;
      if (hostname !== host) return (original.lookup as (...a: unknown[]) => void)(hostname, options, callback);
      const a = answer();
      setImmediate(() => ((options as { all?: boolean } | undefined)?.all ? cb(null, [a]) : cb(null, a.address, a.family)));
    }) as typeof dns.lookup;
    const fakePromised = (async (hostname: string, options?: { all?: boolean }) => {
      if (hostname !== host) return original.promised(hostname, options as never);
      const a = answer();
      return options?.all ? [a] : a;
    }) as typeof dns.promises.lookup;
    const port = (receiver.address() as AddressInfo).port;
    const id = ((await http('POST', '/v1/webhook-endpoints', tokens.brand!, { url: `http://${host}:${port}/rebind`, events: ['refund.succeeded'] })).json() as { id: string }).id;
    alerts.webhookAllowPrivate = false;
    dns.lookup = fake;
    dns.promises.lookup = fakePromised;
    try {
      const test = (await http('POST', `/v1/webhook-endpoints/${id}/test`, tokens.brand!)).json() as { ok: boolean; status: number | null };
      expect(test).toMatchObject({ ok: false, status: null });
    } finally {
      dns.lookup = original.lookup;
      dns.promises.lookup = original.promised;
      alerts.webhookAllowPrivate = true;
    }
    // the name was resolved once, by the connection, and nothing reached the inside
    expect(asked).toBe(1);
    expect(received.filter((r) => r.path === '/rebind')).toHaveLength(0);
  });

  it('M2: the receiver’s answer is not echoed back, but for a short sanitised prefix of a 4xx', async () => {
    const endpoint = async (path: string) =>
      ((await http('POST', '/v1/webhook-endpoints', tokens.brand!, { url: `${receiverUrl}${path}`, events: ['refund.succeeded'] })).json() as { id: string }).id;
    const secret = await http('POST', `/v1/webhook-endpoints/${await endpoint('/secret-500')}/test`, tokens.brand!);
    expect(secret.json()).toEqual({ ok: false, status: 500, error: 'HTTP 500' });
    const refusing = (await http('POST', `/v1/webhook-endpoints/${await endpoint('/refusing')}/test`, tokens.brand!)).json() as { status: number; error: string };
    expect(refusing.status).toBe(403);
    expect(refusing.error.startsWith('HTTP 403: {"error":"bad signature"} zzz')).toBe(true);
    expect(refusing.error).not.toMatch(/[\u0000-\u001f]/);
    expect(refusing.error.length).toBeLessThanOrEqual('HTTP 403: '.length + 100);
  });
});
