import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_ORGS } from '../src/modules/demo/demo-data.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const O = DEMO_ORGS;

interface TreeNode {
  id: string;
  kind: string;
  name: string;
  userCount: number | null;
  children: TreeNode[];
}
interface AuditPage {
  items: { id: string; action: string; resourceType: string; resourceId: string | null; actorUserId: string | null; organizationId: string; occurredAt: string }[];
  nextCursor: string | null;
}

const shape = (nodes: TreeNode[]): unknown => nodes.map((n) => ({ id: n.id, users: n.userCount, children: shape(n.children) }));

describe('the reads the console’s organisations, audit and merchant-account screens use (issue 11)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const get = async <T>(login: string, url: string) => {
    const r = await t.http('GET', url, { token: tokens[login] });
    return { status: r.statusCode, body: r.json() as T & { code?: string; errors?: { field: string }[] } };
  };

  beforeAll(async () => {
    t = await createTestApp();
    for (const login of ['admin@zizhu.demo', 'ops@fridge.demo', 'f1@fridge.demo', 'ops@vendor.demo', 'ops@powerbank.demo']) tokens[login] = await t.login(login);
  });
  afterAll(() => t.close());

  describe('GET /v1/organizations/tree', () => {
    it('gives a franchise brand itself with its franchisees under it, with their login counts', async () => {
      const { status, body } = await get<TreeNode[]>('ops@fridge.demo', '/v1/organizations/tree');
      expect(status).toBe(200);
      // siblings oldest first, then by name (the demo's franchisees were created together: 滨江 sorts before 西湖)
      // the brand's two logins: its admin and its technician (tech@fridge.demo)
      expect(shape(body)).toEqual([
        { id: O.fridge.id, users: 2, children: [ { id: O.fridgeF2.id, users: 1, children: [] }, { id: O.fridgeF1.id, users: 1, children: [] } ] },
      ]);
    });

    it('gives a franchisee only itself, and a hardware reseller its customers without their login counts (not its to see)', async () => {
      expect(shape((await get<TreeNode[]>('f1@fridge.demo', '/v1/organizations/tree')).body)).toEqual([{ id: O.fridgeF1.id, users: 1, children: [] }]);
      const reseller = (await get<TreeNode[]>('ops@vendor.demo', '/v1/organizations/tree')).body;
      expect(shape(reseller)).toEqual([
        { id: O.vendor.id, users: 1, children: [ { id: O.vendorC1.id, users: null, children: [] }, { id: O.vendorC2.id, users: null, children: [] } ] },
      ]);
    });

    it('gives the platform admin the whole tree under the platform', async () => {
      const [root, ...others] = (await get<TreeNode[]>('admin@zizhu.demo', '/v1/organizations/tree')).body;
      expect(others).toEqual([]);
      expect(root!.id).toBe(O.platform.id);
      expect(root!.children.map((c) => c.id)).toEqual(expect.arrayContaining([O.powerbank.id, O.fridge.id, O.vendor.id]));
      expect(root!.children.find((c) => c.id === O.fridge.id)!.children.map((c) => c.id).sort()).toEqual([O.fridgeF1.id, O.fridgeF2.id].sort());
    });
  });

  describe('GET /v1/audit-log filters', () => {
    let renameIds: string[] = [];
    beforeAll(async () => {
      // a brand admin renames a franchisee twice and creates a franchisee login; the self-run brand renames itself
      for (const name of ['西湖店 A', '西湖店 B']) {
        expect((await t.http('PATCH', `/v1/organizations/${O.fridgeF1.id}`, { token: tokens['ops@fridge.demo'], body: { name } })).statusCode).toBe(200);
      }
      const user = await t.http('POST', '/v1/users', {
        token: tokens['ops@fridge.demo'],
        body: { email: 'night@f1.demo', password: 'a-long-password', role: 'FRANCHISEE_ADMIN', displayName: '夜班', organizationId: O.fridgeF1.id },
      });
      expect(user.statusCode).toBe(201);
      expect((await t.http('PATCH', `/v1/organizations/${O.powerbank.id}`, { token: tokens['ops@powerbank.demo'], body: { name: '小电 新名' } })).statusCode).toBe(200);
      renameIds = (await get<AuditPage>('ops@fridge.demo', '/v1/audit-log?action=organization.rename')).body.items.map((i) => i.id);
    });

    it('filters by action (exact or a prefix ending in `.`), resource and actor, and never shows another brand’s entries', async () => {
      const renames = (await get<AuditPage>('ops@fridge.demo', '/v1/audit-log?action=organization.rename')).body.items;
      expect(renames).toHaveLength(2);
      expect(renames.every((i) => i.action === 'organization.rename' && i.resourceId === O.fridgeF1.id)).toBe(true);
      const byPrefix = (await get<AuditPage>('ops@fridge.demo', '/v1/audit-log?action=user.')).body.items;
      expect(byPrefix.map((i) => i.action)).toEqual(['user.create']);
      const byResource = (await get<AuditPage>('ops@fridge.demo', `/v1/audit-log?resourceType=organization&resourceId=${O.fridgeF1.id}`)).body.items;
      expect(byResource.map((i) => i.id).sort()).toEqual([...renameIds].sort());
      const actor = renames[0]!.actorUserId!;
      const byActor = (await get<AuditPage>('ops@fridge.demo', `/v1/audit-log?actorUserId=${actor}`)).body.items;
      expect(byActor.length).toBe(3);
      expect(byActor.every((i) => i.actorUserId === actor)).toBe(true);
      // the power-bank brand's rename is not the fridge brand's to see, whatever the filter
      const powerbank = (await get<AuditPage>('ops@fridge.demo', `/v1/audit-log?resourceId=${O.powerbank.id}`)).body.items;
      expect(powerbank).toEqual([]);
      // the franchisee sees the entries about itself
      expect((await get<AuditPage>('f1@fridge.demo', '/v1/audit-log?action=organization.rename')).body.items).toHaveLength(2);
    });

    it('filters by a time range and pages with the same filters; the platform admin sees every brand’s entries', async () => {
      const all = (await get<AuditPage>('ops@fridge.demo', '/v1/audit-log?action=organization.rename')).body.items;
      const newest = all[0]!.occurredAt;
      const older = (await get<AuditPage>('ops@fridge.demo', `/v1/audit-log?action=organization.rename&to=${encodeURIComponent(newest)}`)).body.items;
      expect(older.map((i) => i.id)).toEqual([all[1]!.id]);
      const from = (await get<AuditPage>('ops@fridge.demo', `/v1/audit-log?action=organization.rename&from=${encodeURIComponent(newest)}`)).body.items;
      expect(from.map((i) => i.id)).toEqual([all[0]!.id]);
      const first = (await get<AuditPage>('ops@fridge.demo', '/v1/audit-log?action=organization.rename&limit=1')).body;
      const second = (await get<AuditPage>('ops@fridge.demo', `/v1/audit-log?action=organization.rename&limit=1&cursor=${first.nextCursor}`)).body;
      expect([...first.items, ...second.items].map((i) => i.id)).toEqual(all.map((i) => i.id));
      const admin = (await get<AuditPage>('admin@zizhu.demo', '/v1/audit-log?action=organization.rename')).body.items;
      expect(admin.map((i) => i.resourceId)).toEqual(expect.arrayContaining([O.fridgeF1.id, O.powerbank.id]));
    });

    it('names each malformed filter', async () => {
      const bad = await get<AuditPage>('ops@fridge.demo', '/v1/audit-log?actorUserId=x&from=yesterday&action=DROP%20TABLE');
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      expect(bad.body.errors!.map((e) => e.field).sort()).toEqual(['action', 'actorUserId', 'from']);
    });
  });

  describe('GET /v1/merchant-accounts', () => {
    it('lists status, mchid, appids, the validation result and the Pay Score services with scenario, mode and risk cap, and never a secret', async () => {
      const r = await t.http('GET', '/v1/merchant-accounts', { token: tokens['ops@fridge.demo'] });
      expect(r.statusCode).toBe(200);
      const [account, ...rest] = r.json() as Record<string, unknown>[];
      expect(rest).toEqual([]);
      expect(account).toMatchObject({ organizationId: O.fridge.id, status: 'ACTIVE', mchid: expect.any(String), appids: expect.any(Array) });
      expect(['ACCEPTED', 'NOT_VALIDATED']).toContain(account!.validationResult);
      expect(account!.validationResult === 'ACCEPTED').toBe(account!.validatedAt !== null);
      expect((account!.services as Record<string, unknown>[])[0]).toMatchObject({ scenario: 'VENDING', mode: expect.any(String), riskCapFen: expect.any(Number) });
      expect(r.body).not.toMatch(/PRIVATE KEY|privateKeyPem|apiV3Key"|apiV2Key"|appSecrets/);
    });

    it('answers 404 for another tenant’s merchant account', async () => {
      const [powerbank] = (await t.http('GET', '/v1/merchant-accounts', { token: tokens['ops@powerbank.demo'] })).json() as { id: string }[];
      const r = await t.http('GET', `/v1/merchant-accounts/${powerbank!.id}`, { token: tokens['ops@fridge.demo'] });
      expect([r.statusCode, (r.json() as { code: string }).code]).toEqual([404, 'MERCHANT_ACCOUNT_NOT_FOUND']);
    });
  });
});
