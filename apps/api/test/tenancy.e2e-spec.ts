import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_ORGS } from '../src/modules/demo/demo-data.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();
const O = DEMO_ORGS;

describe('tenancy: who sees what in the three operating models', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    for (const login of ['admin@zizhu.demo', 'ops@powerbank.demo', 'ops@fridge.demo', 'f1@fridge.demo', 'f2@fridge.demo', 'ops@vendor.demo', 'c1@vendor.demo', 'c2@vendor.demo']) {
      tokens[login] = await t.login(login);
    }
  });
  afterAll(() => t.close());

  const orgsOf = async (login: string) => ids((await t.http('GET', '/v1/organizations', { token: tokens[login] })).json() as { id: string }[]);

  it('an operator sees its whole subtree, a franchisee only itself', async () => {
    expect(await orgsOf('ops@powerbank.demo')).toEqual([O.powerbank.id]);
    expect(await orgsOf('ops@fridge.demo')).toEqual([O.fridge.id, O.fridgeF1.id, O.fridgeF2.id].sort());
    expect(await orgsOf('f1@fridge.demo')).toEqual([O.fridgeF1.id]);
    expect(await orgsOf('c2@vendor.demo')).toEqual([O.vendorC2.id]);
  });

  it('a hardware reseller sees its customers (their fleet) and the platform admin sees everything', async () => {
    expect(await orgsOf('ops@vendor.demo')).toEqual([O.vendor.id, O.vendorC1.id, O.vendorC2.id].sort());
    expect(await orgsOf('admin@zizhu.demo')).toEqual(Object.values(O).map((o) => o.id).sort());
  });

  it('another tenant’s resource answers 404, never 403', async () => {
    for (const [login, foreign] of [
      ['f1@fridge.demo', O.fridgeF2.id],
      ['f1@fridge.demo', O.fridge.id],
      ['ops@powerbank.demo', O.fridge.id],
      ['c1@vendor.demo', O.vendorC2.id],
      ['ops@fridge.demo', O.vendorC1.id],
    ] as const) {
      const response = await t.http('GET', `/v1/organizations/${foreign}`, { token: tokens[login] });
      expect({ login, foreign, status: response.statusCode, code: (response.json() as { code: string }).code }).toEqual({ login, foreign, status: 404, code: 'ORGANIZATION_NOT_FOUND' });
    }
    const f2Users = (await t.http('GET', '/v1/users', { token: tokens['f2@fridge.demo'] })).json() as { id: string }[];
    expect(f2Users).toHaveLength(1);
    const peek = await t.http('GET', `/v1/users/${f2Users[0]!.id}`, { token: tokens['f1@fridge.demo'] });
    expect(peek.statusCode).toBe(404);
    // renaming a sibling is as invisible as reading it
    const rename = await t.http('PATCH', `/v1/organizations/${O.fridgeF2.id}`, { token: tokens['f1@fridge.demo'], body: { name: 'hijacked' } });
    expect(rename.statusCode).toBe(404);
  });

  it('franchise brands add franchisees, resellers add customers, self-run brands neither', async () => {
    const franchisee = await t.http('POST', '/v1/organizations', { token: tokens['ops@fridge.demo'], body: { name: '鲜柜 新开加盟店', kind: 'FRANCHISEE' } });
    expect(franchisee.statusCode).toBe(201);
    expect(franchisee.json()).toMatchObject({ kind: 'FRANCHISEE', parentId: O.fridge.id, operatingModel: null });
    const wrongKind = await t.http('POST', '/v1/organizations', { token: tokens['ops@vendor.demo'], body: { name: 'x', kind: 'FRANCHISEE' } });
    expect(wrongKind.statusCode).toBe(422);
    expect(wrongKind.json()).toMatchObject({ code: 'ORGANIZATION_KIND_NOT_ALLOWED' });
    const selfRun = await t.http('POST', '/v1/organizations', { token: tokens['ops@powerbank.demo'], body: { name: 'x', kind: 'FRANCHISEE' } });
    expect(selfRun.statusCode).toBe(422);
    const franchiseeAdmin = await t.http('POST', '/v1/organizations', { token: tokens['f1@fridge.demo'], body: { name: 'x', kind: 'FRANCHISEE' } });
    expect(franchiseeAdmin.json()).toMatchObject({ status: 403, code: 'AUTH_FORBIDDEN' });
    const operator = await t.http('POST', '/v1/organizations', { token: tokens['admin@zizhu.demo'], body: { name: '新品牌', kind: 'OPERATOR', operatingModel: 'SELF_RUN' } });
    expect(operator.statusCode).toBe(201);
    const noModel = await t.http('POST', '/v1/organizations', { token: tokens['admin@zizhu.demo'], body: { name: '新品牌', kind: 'OPERATOR' } });
    expect(noModel.json()).toMatchObject({ status: 400, code: 'ORGANIZATION_MODEL_REQUIRED' });
    // the new franchisee is visible to the brand right away, and not to the existing franchisees
    const created = (franchisee.json() as { id: string }).id;
    expect(await orgsOf('ops@fridge.demo')).toContain(created);
    expect(await orgsOf('f1@fridge.demo')).not.toContain(created);
  });

  it('an operator creates a login for its franchisee; the franchisee signs in and sees only its own', async () => {
    const created = await t.http('POST', '/v1/users', {
      token: tokens['ops@fridge.demo'],
      body: { email: 'Night@Fridge.demo', password: 'a-long-password', role: 'FRANCHISEE_ADMIN', displayName: '夜班', organizationId: O.fridgeF1.id },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: 'night@fridge.demo', organizationId: O.fridgeF1.id });
    const night = await t.login('night@fridge.demo', 'a-long-password');
    expect(ids((await t.http('GET', '/v1/organizations', { token: night })).json() as { id: string }[])).toEqual([O.fridgeF1.id]);

    const taken = await t.http('POST', '/v1/users', {
      token: tokens['ops@fridge.demo'],
      body: { email: 'night@fridge.demo', password: 'a-long-password', role: 'FRANCHISEE_ADMIN', displayName: '重复', organizationId: O.fridgeF1.id },
    });
    expect(taken.json()).toMatchObject({ status: 409, code: 'USER_LOGIN_TAKEN' });
    const wrongRole = await t.http('POST', '/v1/users', {
      token: tokens['ops@fridge.demo'],
      body: { email: 'boss@fridge.demo', password: 'a-long-password', role: 'PLATFORM_ADMIN', displayName: 'x', organizationId: O.fridgeF1.id },
    });
    expect(wrongRole.json()).toMatchObject({ status: 422, code: 'USER_ROLE_NOT_ALLOWED' });
    const badInput = await t.http('POST', '/v1/users', { token: tokens['ops@fridge.demo'], body: { email: 'not-an-email', password: 'short', role: 'NOPE', displayName: '' } });
    expect(badInput.statusCode).toBe(400);
    expect((badInput.json() as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(['displayName', 'email', 'password', 'role']);
  });

  it('a reseller neither sees nor creates its customers’ logins (it could sign in as one and read its orders)', async () => {
    const attempt = await t.http('POST', '/v1/users', {
      token: tokens['ops@vendor.demo'],
      body: { email: 'evil@vendor.demo', password: 'a-long-password', role: 'CUSTOMER_ADMIN', displayName: 'x', organizationId: O.vendorC1.id },
    });
    expect(attempt.json()).toMatchObject({ status: 404, code: 'USER_ORGANIZATION_NOT_FOUND' });
    const visible = (await t.http('GET', '/v1/users', { token: tokens['ops@vendor.demo'] })).json() as { organizationId: string }[];
    expect([...new Set(visible.map((u) => u.organizationId))]).toEqual([O.vendor.id]);
    const c1Users = (await t.http('GET', '/v1/users', { token: tokens['c1@vendor.demo'] })).json() as { id: string }[];
    expect((await t.http('GET', `/v1/users/${c1Users[0]!.id}`, { token: tokens['ops@vendor.demo'] })).statusCode).toBe(404);
  });

  it('pages through the audit log without skipping or repeating entries', async () => {
    for (let i = 0; i < 7; i++) {
      const r = await t.http('PATCH', `/v1/organizations/${O.powerbank.id}`, { token: tokens['ops@powerbank.demo'], body: { name: `小电 第${i}版` } });
      expect(r.statusCode).toBe(200);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await t.http('GET', `/v1/audit-log?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { token: tokens['ops@powerbank.demo'] })).json() as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThanOrEqual(7);
    expect(new Set(seen).size).toBe(seen.length);
    const bad = await t.http('GET', '/v1/audit-log?cursor=not-a-cursor', { token: tokens['ops@powerbank.demo'] });
    expect(bad.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'cursor' }] });
  });

  it('operator staff are read-only', async () => {
    const staff = await t.http('POST', '/v1/users', {
      token: tokens['ops@powerbank.demo'],
      body: { email: 'staff@powerbank.demo', password: 'a-long-password', role: 'OPERATOR_STAFF', displayName: '值班员' },
    });
    expect(staff.statusCode).toBe(201);
    const token = await t.login('staff@powerbank.demo', 'a-long-password');
    const nameBefore = ((await t.http('GET', `/v1/organizations/${O.powerbank.id}`, { token })).json() as { name: string }).name;
    const write = await t.http('PATCH', `/v1/organizations/${O.powerbank.id}`, { token, body: { name: 'renamed by staff' } });
    expect(write.json()).toMatchObject({ status: 403, code: 'AUTH_READ_ONLY' });
    const org = (await t.http('GET', `/v1/organizations/${O.powerbank.id}`, { token })).json() as { name: string };
    expect(org.name).toBe(nameBefore);
  });

  it('audits mutations with before/after and request id; each org reads its own, a reseller not its customers’', async () => {
    const rename = await t.http('PATCH', `/v1/organizations/${O.vendorC1.id}`, {
      token: tokens['c1@vendor.demo'],
      body: { name: '城东充电站 二期' },
      headers: { 'x-request-id': 'req-audit-1' },
    });
    expect(rename.statusCode).toBe(200);
    expect(rename.headers['x-request-id']).toBe('req-audit-1');
    const log = (await t.http('GET', '/v1/audit-log', { token: tokens['c1@vendor.demo'] })).json() as { items: Record<string, unknown>[] };
    expect(log.items[0]).toMatchObject({
      action: 'organization.rename',
      organizationId: O.vendorC1.id,
      resourceId: O.vendorC1.id,
      before: { name: O.vendorC1.name },
      after: { name: '城东充电站 二期' },
      requestId: 'req-audit-1',
    });
    // the reseller is not the merchant of record: its customers' records stay theirs
    const vendorLog = (await t.http('GET', '/v1/audit-log', { token: tokens['ops@vendor.demo'] })).json() as { items: { organizationId: string }[] };
    expect(vendorLog.items.filter((i) => i.organizationId === O.vendorC1.id)).toEqual([]);
    const otherCustomer = (await t.http('GET', '/v1/audit-log', { token: tokens['c2@vendor.demo'] })).json() as { items: unknown[] };
    expect(otherCustomer.items).toEqual([]);
    // a franchise brand reads its franchisees' records
    await t.http('PATCH', `/v1/organizations/${O.fridgeF2.id}`, { token: tokens['f2@fridge.demo'], body: { name: '鲜柜 滨江旗舰店' } });
    const brandLog = (await t.http('GET', `/v1/audit-log?organizationId=${O.fridgeF2.id}`, { token: tokens['ops@fridge.demo'] })).json() as { items: { action: string }[] };
    expect(brandLog.items.map((i) => i.action)).toContain('organization.rename');
  });

  it('records every platform-admin access in the audit log, failed ones too', async () => {
    await t.http('GET', `/v1/organizations/${O.fridgeF1.id}`, { token: tokens['admin@zizhu.demo'] });
    const missing = await t.http('GET', '/v1/users/7c9e6679-7425-40de-944b-e07fc1f90ae7', { token: tokens['admin@zizhu.demo'] });
    expect(missing.statusCode).toBe(404);
    const log = (await t.http('GET', '/v1/audit-log?limit=5', { token: tokens['admin@zizhu.demo'] })).json() as { items: { action: string; resourceId: string }[] };
    expect(log.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'platform.access', resourceId: `GET /v1/organizations/${O.fridgeF1.id}` }),
        expect.objectContaining({ action: 'platform.access', resourceId: 'GET /v1/users/7c9e6679-7425-40de-944b-e07fc1f90ae7' }),
      ]),
    );
  });
});
