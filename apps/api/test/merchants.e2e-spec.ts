import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateRsaKeyPair, isPayScoreError, outOrderNoFor } from '@zizhu/payscore';
import { createSimulator, type Simulator } from '@zizhu/payscore-sim';
import { DEMO_APPID, DEMO_DEVICES, DEMO_MERCHANTS, DEMO_ORGS, DEMO_SITES } from '../src/modules/demo/demo-data.js';
import { MerchantGateway } from '../src/modules/merchants/merchant-gateway.service.js';
import { Transactions } from '../src/platform/database/transactions.js';
import { systemQuery } from './fleet-support.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const deviceId = (code: string) => DEMO_DEVICES.find((d) => d.code === code)!.id;
const key32 = () => randomBytes(16).toString('hex');

interface Problem {
  status: number;
  code: string;
  detail: string;
}

/**
 * A merchant as WeChat Pay's merchant platform issues it: keys made here, registered with the simulator
 * (which plays WeChat), which answers the platform public key the operator then enters in the console.
 */
async function wechatMerchant(sim: Simulator, services: { serviceId: string; scenario: string; mode: string; riskCapFen: number }[] = []) {
  const keys = generateRsaKeyPair();
  const merchant = {
    mchid: `19${randomBytes(4).readUInt32BE(0).toString().padStart(10, '0')}`,
    serialNo: randomBytes(20).toString('hex').toUpperCase(),
    apiV3Key: key32(),
    apiV2Key: key32(),
    appids: [`wx${randomBytes(8).toString('hex')}`],
  };
  const response = await fetch(`${sim.url}/sim/merchants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      ...merchant,
      publicKeyPem: keys.publicKeyPem,
      services: services.length ? services : [{ serviceId: 'sim-only-service', scenario: 'VENDING', mode: 'USE_FIRST', riskCapFen: 100 }],
    }),
  });
  const platform = (await response.json()) as { platformPublicKeyId: string; platformPublicKeyPem: string };
  return { ...merchant, privateKeyPem: keys.privateKeyPem, ...platform };
}

describe('merchant accounts: WeChat Pay credentials, Pay Score services and the scenario guard', () => {
  let sim: Simulator;
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (login: string) => ({ token: tokens[login]! });
  /** Every response body this file receives, to prove no secret ever leaves. */
  const bodies: string[] = [];
  const secrets: string[] = [];
  const http: TestApp['http'] = async (method, url, options) => {
    const response = await t.http(method, url, options);
    bodies.push(response.body);
    return response;
  };
  const body = (m: Awaited<ReturnType<typeof wechatMerchant>>, extra: Record<string, unknown> = {}) => ({
    name: '测试商户',
    mchid: m.mchid,
    appids: m.appids,
    serialNo: m.serialNo,
    privateKeyPem: m.privateKeyPem,
    apiV3Key: m.apiV3Key,
    apiV2Key: m.apiV2Key,
    platformPublicKeyId: m.platformPublicKeyId,
    platformPublicKeyPem: m.platformPublicKeyPem,
    ...extra,
  });
  const remember = (m: Awaited<ReturnType<typeof wechatMerchant>>) => {
    // the key's body lines, so a PEM re-wrapped or JSON-escaped is still caught
    secrets.push(m.apiV3Key, m.apiV2Key, ...m.privateKeyPem.split('\n').filter((l) => l.length > 40));
    return m;
  };
  const inSystem = <T>(fn: (m: import('typeorm').EntityManager) => Promise<T>) => t.app.get(Transactions).asSystem(fn);

  beforeAll(async () => {
    sim = await createSimulator({ port: 0 });
    t = await createTestApp({ payscore: { apiBaseUrl: sim.url, wechatApiBaseUrl: sim.url, publicBaseUrl: 'http://127.0.0.1:3000', simulated: true } });
    for (const login of ['admin@zizhu.demo', 'ops@powerbank.demo', 'ops@fridge.demo', 'f1@fridge.demo', 'ops@vendor.demo', 'c1@vendor.demo', 'c2@vendor.demo']) {
      tokens[login] = await t.login(login);
    }
  });
  afterAll(async () => {
    await t?.close();
    await sim?.close();
  });

  it('seeds a merchant account per merchant of record, registered with the simulator after boot', async () => {
    const rows = await systemQuery<{ id: string; tenant_id: string; platform_public_key_id: string | null; appids: string[] }>(t, `SELECT id, tenant_id, platform_public_key_id, appids FROM merchant_accounts ORDER BY id`);
    expect(rows.map((r) => [r.id, r.tenant_id])).toEqual(Object.values(DEMO_MERCHANTS).map((m) => [m.id, DEMO_ORGS[m.org].id]).sort());
    for (const row of rows) {
      expect(row.platform_public_key_id).toBe(sim.platformPublicKeyId);
      expect(row.appids).toEqual([DEMO_APPID]);
    }
    const gateway = t.app.get(MerchantGateway);
    for (const merchant of Object.values(DEMO_MERCHANTS)) {
      const error = await inSystem(async (m) => {
        const handle = await gateway.forAccount(m, merchant.id);
        expect(handle).toMatchObject({ accountId: merchant.id, mchid: merchant.mchid, appids: [DEMO_APPID], notifyUrl: `http://127.0.0.1:3000/v1/payscore/notify/${merchant.id}` });
        expect(handle.apiV2Key).toHaveLength(32);
        return handle.client.queryOrder({ out_order_no: outOrderNoFor(merchant.id), service_id: merchant.services[0].serviceId }).catch((e: unknown) => e);
      });
      // a signed request WeChat (the simulator) accepted, and its signed answer verified under the stored platform key
      expect(isPayScoreError(error) && { code: error.code, verified: error.verified }).toEqual({ code: 'PAYSCORE_ORDER_NOT_FOUND', verified: true });
    }
    // every demo device is bound to a service of its merchant of record (franchisees: their brand's)
    const devices = await systemQuery<{ code: string; payscore_service_id: string }>(t, `SELECT code, payscore_service_id FROM devices ORDER BY code`);
    expect(Object.fromEntries(devices.map((d) => [d.code, d.payscore_service_id]))).toEqual({
      'EV-0001': DEMO_MERCHANTS.vendorC1.services[0].serviceId,
      'FR-0001': DEMO_MERCHANTS.fridge.services[0].serviceId,
      'FR-0002': DEMO_MERCHANTS.fridge.services[0].serviceId,
      'PB-0001': DEMO_MERCHANTS.powerbank.services[0].serviceId,
      'WV-0001': DEMO_MERCHANTS.vendorC2.services[0].serviceId,
    });
    await inSystem(async (m) => {
      const binding = await gateway.resolveService(m, { tenantId: DEMO_ORGS.fridgeF1.id, payscoreServiceId: DEMO_MERCHANTS.fridge.services[0].serviceId });
      expect(binding).toMatchObject({ scenario: 'VENDING', merchantAccountId: DEMO_MERCHANTS.fridge.id, merchantTenantId: DEMO_ORGS.fridge.id, riskCapFen: 20000 });
      expect(await gateway.merchantTenantOf(m, DEMO_ORGS.fridgeF2.id)).toBe(DEMO_ORGS.fridge.id);
      expect(await gateway.merchantTenantOf(m, DEMO_ORGS.vendorC1.id)).toBe(DEMO_ORGS.vendorC1.id);
      await expect(gateway.resolveService(m, { tenantId: DEMO_ORGS.fridgeF1.id, payscoreServiceId: null })).rejects.toMatchObject({ code: 'PAYSCORE_SERVICE_NOT_CONFIGURED', status: 422 });
      // a service of another merchant is not this device's
      await expect(gateway.resolveService(m, { tenantId: DEMO_ORGS.fridgeF1.id, payscoreServiceId: DEMO_MERCHANTS.powerbank.services[0].serviceId })).rejects.toMatchObject({
        code: 'PAYSCORE_SERVICE_NOT_CONFIGURED',
      });
    });
    // consumer login's read: a statement of its own, outside any transaction
    expect(await gateway.appSecretFor(t.database.dataSource, DEMO_APPID)).toMatch(/^[0-9a-f]{32}$/);
    await expect(gateway.appSecretFor(t.database.dataSource, 'wxnobodyhasthisappid')).rejects.toMatchObject({ code: 'MERCHANT_APPID_UNKNOWN' });
  });

  it('resolves a franchisee device’s service through its brand inside the franchisee’s own tenant transaction', async () => {
    const gateway = t.app.get(MerchantGateway);
    const principal = { userId: '00000000-0000-4000-8000-00000000ffff', tenantId: DEMO_ORGS.fridgeF1.id, role: 'FRANCHISEE_ADMIN' as const };
    const binding = await t.app.get(Transactions).asTenant(principal, async (m) => {
      const b = await gateway.resolveService(m, { tenantId: DEMO_ORGS.fridgeF1.id, payscoreServiceId: DEMO_MERCHANTS.fridge.services[0].serviceId });
      // RLS is back in force afterwards: the brand's rows stay invisible to the franchisee
      const [{ count }] = (await m.query(`SELECT count(*)::int AS count FROM merchant_accounts`)) as [{ count: number }];
      expect(count).toBe(0);
      return b;
    });
    expect(binding.merchantTenantId).toBe(DEMO_ORGS.fridge.id);
  });

  it('stores an account whose credentials WeChat accepts; refuses a wrong key or platform key and stores nothing', async () => {
    const good = remember(await wechatMerchant(sim));
    const created = await http('POST', '/v1/merchant-accounts', { ...as('c2@vendor.demo'), body: body(good, { appSecrets: { [good.appids[0]!]: 'mini-program-secret-c2-xyz' } }) });
    secrets.push('mini-program-secret-c2-xyz');
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      organizationId: DEMO_ORGS.vendorC2.id,
      mchid: good.mchid,
      appids: good.appids,
      serialNo: good.serialNo,
      platformPublicKeyId: sim.platformPublicKeyId,
      hasPrivateKey: true,
      hasApiV3Key: true,
      hasApiV2Key: true,
      credentialsVersion: 1,
      services: [],
    });
    expect((created.json() as { validatedAt: string | null }).validatedAt).not.toBeNull();

    const wrongKey = remember(await wechatMerchant(sim));
    const stranger = generateRsaKeyPair();
    secrets.push(...stranger.privateKeyPem.split('\n').filter((l) => l.length > 40));
    const refused = await http('POST', '/v1/merchant-accounts', { ...as('c1@vendor.demo'), body: body(wrongKey, { privateKeyPem: stranger.privateKeyPem }) });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'MERCHANT_CREDENTIALS_INVALID' });
    expect((refused.json() as Problem).detail).toMatch(/SIGN_ERROR/);

    const otherPlatform = generateRsaKeyPair();
    const unverifiable = await http('POST', '/v1/merchant-accounts', { ...as('c1@vendor.demo'), body: body(wrongKey, { platformPublicKeyPem: otherPlatform.publicKeyPem }) });
    expect(unverifiable.json()).toMatchObject({ status: 422, code: 'MERCHANT_CREDENTIALS_INVALID' });
    expect((unverifiable.json() as Problem).detail).toMatch(/platform public key/);

    const unboundAppid = await http('POST', '/v1/merchant-accounts', { ...as('c1@vendor.demo'), body: body(wrongKey, { appids: ['wxnotboundtothismchid'] }) });
    expect(unboundAppid.json()).toMatchObject({ status: 422, code: 'MERCHANT_CREDENTIALS_INVALID' });
    expect((unboundAppid.json() as Problem).detail).toMatch(/wxnotboundtothismchid is not bound/);

    const down = await createSimulator({ port: 0 });
    await down.close();
    const unreachable = await createTestAppProbe(down.url, wrongKey);
    expect(unreachable).toMatchObject({ code: 'MERCHANT_CREDENTIALS_INVALID', status: 422 });

    expect(await systemQuery(t, `SELECT id FROM merchant_accounts WHERE mchid = $1`, [wrongKey.mchid])).toEqual([]);
    // the same credentials, right: accepted
    expect((await http('POST', '/v1/merchant-accounts', { ...as('c1@vendor.demo'), body: body(wrongKey) })).statusCode).toBe(201);
    expect((await http('POST', '/v1/merchant-accounts', { ...as('c1@vendor.demo'), body: body(wrongKey) })).json()).toMatchObject({ status: 409, code: 'MERCHANT_MCHID_TAKEN' });

    // the ciphertext column holds no part of a secret
    const [row] = await systemQuery<Record<string, string>>(t, `SELECT * FROM merchant_accounts WHERE mchid = $1`, [good.mchid]);
    const stored = JSON.stringify(row);
    for (const secret of [good.apiV3Key, good.apiV2Key, 'mini-program-secret-c2-xyz', ...good.privateKeyPem.split('\n').filter((l) => l.length > 40)]) {
      expect(stored).not.toContain(secret);
    }
    expect(row!['credentials_ciphertext']).toMatch(/^v1\./);
    expect(row!['dek_ciphertext']).toMatch(/^v1\./);
    expect(row!['master_key_id']).toMatch(/^[0-9a-f]{16}$/);

    async function createTestAppProbe(url: string, m: typeof wrongKey): Promise<unknown> {
      const { probeCredentials } = await import('../src/modules/merchants/merchant-probe.js');
      return probeCredentials({
        baseUrl: url,
        mchid: m.mchid,
        serialNo: m.serialNo,
        privateKeyPem: m.privateKeyPem,
        appids: m.appids,
        platformKeys: { [m.platformPublicKeyId]: m.platformPublicKeyPem },
        platformPublicKeyId: m.platformPublicKeyId,
        timeoutMs: 1000,
      }).catch((e: unknown) => e);
    }
  });

  it('lets only a merchant of record (or a franchisee, for the franchisee-collects mode) hold accounts, and shows each its own: resellers and franchisees see 404', async () => {
    // a franchisee may hold an account of its own (issue 12: it charges through it once its agreement says FRANCHISEE_COLLECTS)
    const franchisee = await http('POST', '/v1/merchant-accounts', { ...as('f1@fridge.demo'), body: body(remember(await wechatMerchant(sim))) });
    expect(franchisee.statusCode).toBe(201);
    const franchiseeAccountId = (franchisee.json() as { id: string }).id;
    const platform = await http('POST', '/v1/merchant-accounts', { ...as('admin@zizhu.demo'), body: body(remember(await wechatMerchant(sim))) });
    expect(platform.json()).toMatchObject({ status: 403, code: 'MERCHANT_NOT_MERCHANT_OF_RECORD' });

    const ids = async (login: string) => ((await http('GET', '/v1/merchant-accounts', as(login))).json() as { id: string }[]).map((a) => a.id);
    expect(await ids('ops@vendor.demo')).toEqual([]);
    expect(await ids('f1@fridge.demo')).toEqual([franchiseeAccountId]);
    // the brand sees its franchisee's account as it sees the franchisee's other rows (never a secret)
    expect((await ids('ops@fridge.demo')).sort()).toEqual([DEMO_MERCHANTS.fridge.id, franchiseeAccountId].sort());
    expect(await ids('c1@vendor.demo')).toContain(DEMO_MERCHANTS.vendorC1.id);
    expect(await ids('c1@vendor.demo')).not.toContain(DEMO_MERCHANTS.vendorC2.id);
    for (const [login, id] of [
      ['ops@vendor.demo', DEMO_MERCHANTS.vendorC1.id],
      ['ops@vendor.demo', DEMO_MERCHANTS.vendorC2.id],
      ['f1@fridge.demo', DEMO_MERCHANTS.fridge.id],
      ['c1@vendor.demo', DEMO_MERCHANTS.vendorC2.id],
      ['ops@powerbank.demo', DEMO_MERCHANTS.fridge.id],
    ] as const) {
      const results = [
        await http('GET', `/v1/merchant-accounts/${id}`, as(login)),
        await http('POST', `/v1/merchant-accounts/${id}/disable`, as(login)),
        await http('POST', `/v1/merchant-accounts/${id}/services`, { ...as(login), body: { serviceId: 'x1', name: 'x', scenario: 'WATER', mode: 'USE_FIRST', riskCapFen: 100 } }),
      ].map((r) => `${r.statusCode} ${(r.json() as Problem).code}`);
      // the reseller and the franchisee are refused by role on writes (403) and see nothing on reads (404)
      expect(results[0]).toBe('404 MERCHANT_ACCOUNT_NOT_FOUND');
      for (const r of results.slice(1)) expect(r).toMatch(/^(404 MERCHANT_ACCOUNT_NOT_FOUND|403 AUTH_FORBIDDEN)$/);
    }
    // the reseller sees its customers' devices, never their Pay Score services
    const services = (await http('GET', '/v1/payscore-services', as('ops@vendor.demo'))).json() as unknown[];
    expect(services).toEqual([]);
  });

  it('refuses to bind a device to a service of another scenario or with a risk cap below the plan’s risk fund', async () => {
    const account = DEMO_MERCHANTS.powerbank.id;
    const add = (serviceId: string, scenario: string, riskCapFen: number) =>
      http('POST', `/v1/merchant-accounts/${account}/services`, { ...as('ops@powerbank.demo'), body: { serviceId, name: serviceId, scenario, mode: 'USE_FIRST', riskCapFen } });
    expect((await add('pb-vending', 'VENDING', 50000)).statusCode).toBe(201);
    expect((await add('pb-lowcap', 'POWERBANK_RENTAL', 5000)).statusCode).toBe(201);
    expect((await add('pb-exact', 'POWERBANK_RENTAL', 9900)).statusCode).toBe(201);
    expect((await add('pb-exact', 'POWERBANK_RENTAL', 9900)).json()).toMatchObject({ status: 409, code: 'PAYSCORE_SERVICE_TAKEN' });

    const bind = (login: string, code: string, serviceId: string) => http('POST', `/v1/devices/${deviceId(code)}/payscore-service`, { ...as(login), body: { serviceId } });
    const mismatch = (await bind('ops@powerbank.demo', 'PB-0001', 'pb-vending')).json() as Problem;
    expect(mismatch).toMatchObject({ status: 422, code: 'PAYSCORE_SCENARIO_MISMATCH' });
    expect(mismatch.detail).toContain('pb-vending');
    expect(mismatch.detail).toMatch(/approved for VENDING; using it for POWERBANK_RENTAL .*revoked/);
    const capped = (await bind('ops@powerbank.demo', 'PB-0001', 'pb-lowcap')).json() as Problem;
    expect(capped).toMatchObject({ status: 422, code: 'PAYSCORE_RISK_CAP_EXCEEDED' });
    expect(capped.detail).toMatch(/9900 fen.*at most 5000 fen/);
    const ok = await bind('ops@powerbank.demo', 'PB-0001', 'pb-exact');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ deviceId: deviceId('PB-0001'), payscoreServiceId: 'pb-exact', riskFundFen: 9900, service: { scenario: 'POWERBANK_RENTAL', riskCapFen: 9900 } });
    expect(await systemQuery(t, `SELECT payscore_service_id FROM devices WHERE code = 'PB-0001'`)).toEqual([{ payscore_service_id: 'pb-exact' }]);
    const audit = await systemQuery<{ after: { payscoreServiceId: string } }>(t, `SELECT after FROM audit_log WHERE action = 'device.payscore-service.bind' AND resource_id = $1`, [deviceId('PB-0001')]);
    expect(audit.map((a) => a.after.payscoreServiceId)).toEqual(['pb-exact']);

    // the simulator was told about the new services: the device's service is usable at "WeChat"
    const error = await inSystem(async (m) => {
      const handle = await t.app.get(MerchantGateway).forAccount(m, account);
      return handle.client.queryOrder({ out_order_no: outOrderNoFor('x'), service_id: 'pb-exact' }).catch((e: unknown) => e);
    });
    expect(isPayScoreError(error) && error.code).toBe('PAYSCORE_ORDER_NOT_FOUND');

    // a franchisee binds its device to its brand's service (which it cannot read as rows), never another merchant's
    const brandServices = (await http('GET', '/v1/payscore-services', as('f1@fridge.demo'))).json() as { serviceId: string }[];
    expect(brandServices.map((s) => s.serviceId)).toEqual([DEMO_MERCHANTS.fridge.services[0].serviceId]);
    expect((await bind('f1@fridge.demo', 'FR-0001', DEMO_MERCHANTS.fridge.services[0].serviceId)).json()).toMatchObject({ riskFundFen: 20000, service: { organizationId: DEMO_ORGS.fridge.id } });
    expect((await bind('f1@fridge.demo', 'FR-0001', 'pb-exact')).json()).toMatchObject({ status: 404, code: 'PAYSCORE_SERVICE_NOT_FOUND' });
    expect((await bind('f1@fridge.demo', 'FR-0002', DEMO_MERCHANTS.fridge.services[0].serviceId)).json()).toMatchObject({ status: 404, code: 'DEVICE_NOT_FOUND' });
    // a reseller watches its customer's charger but does not choose its Pay Score service: to write, it is not found
    expect((await bind('ops@vendor.demo', 'EV-0001', DEMO_MERCHANTS.vendorC1.services[0].serviceId)).json()).toMatchObject({ status: 404, code: 'DEVICE_NOT_FOUND' });
    expect((await bind('c1@vendor.demo', 'EV-0001', DEMO_MERCHANTS.vendorC1.services[0].serviceId)).json()).toMatchObject({ riskFundFen: 30000 });
  });

  it('applies the scenario guard to every write that sets a device’s service: registration and the CSV import, all or nothing (issue 14)', async () => {
    const account = DEMO_MERCHANTS.powerbank.id;
    const add = (serviceId: string, scenario: string, riskCapFen: number) =>
      http('POST', `/v1/merchant-accounts/${account}/services`, { ...as('ops@powerbank.demo'), body: { serviceId, name: serviceId, scenario, mode: 'USE_FIRST', riskCapFen } });
    expect((await add('guard-vending', 'VENDING', 50000)).statusCode).toBe(201);
    expect((await add('guard-lowcap', 'POWERBANK_RENTAL', 5000)).statusCode).toBe(201);
    expect((await add('guard-pb', 'POWERBANK_RENTAL', 9900)).statusCode).toBe(201);
    const plan = { rental: { unitFen: 300, unitMinutes: 60, freeMinutes: 5, freeMode: 'grace', dayBoundary: 'rolling-24h' }, totalCapFen: 9900 };
    const site = DEMO_SITES.powerbankStation.id;
    const stored = async () => ({
      devices: await systemQuery(t, `SELECT code, payscore_service_id FROM devices WHERE code LIKE 'PB-G%' ORDER BY code`),
      plans: await systemQuery(t, `SELECT count(*)::int AS n FROM pricing_plans`),
    });
    const before = await stored();
    const register = (code: string, payscoreServiceId: string) =>
      http('POST', '/v1/devices', { ...as('ops@powerbank.demo'), body: { siteId: site, code, type: 'POWERBANK_CABINET', slots: 8, plan, payscoreServiceId } });

    // another scenario, a cap below the plan's risk fund, another merchant's service: the bind route's codes, naming the field
    const mismatch = (await register('PB-G01', 'guard-vending')).json() as Problem & { errors: unknown };
    expect(mismatch).toMatchObject({ status: 422, code: 'PAYSCORE_SCENARIO_MISMATCH', errors: [{ field: 'payscoreServiceId' }] });
    expect(mismatch.detail).toMatch(/approved for VENDING; using it for POWERBANK_RENTAL/);
    expect((await register('PB-G01', 'guard-lowcap')).json()).toMatchObject({ status: 422, code: 'PAYSCORE_RISK_CAP_EXCEEDED', errors: [{ field: 'payscoreServiceId' }] });
    expect((await register('PB-G01', DEMO_MERCHANTS.fridge.services[0].serviceId)).json()).toMatchObject({
      status: 404,
      code: 'PAYSCORE_SERVICE_NOT_FOUND',
      errors: [{ field: 'payscoreServiceId' }],
    });
    // nothing half-written: neither the device nor the plan it came with
    expect(await stored()).toEqual(before);

    // a fitting service is stored
    const ok = await register('PB-G01', 'guard-pb');
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ device: { code: 'PB-G01', payscoreServiceId: 'guard-pb' } });
    expect((await stored()).devices).toEqual([{ code: 'PB-G01', payscore_service_id: 'guard-pb' }]);

    // the CSV import: one bad row among good ones refuses the whole file, naming the row and the column
    const afterRegister = await stored();
    const csv = ['code,type,siteId,slots,payscoreServiceId', `PB-G02,POWERBANK_CABINET,${site},8,guard-pb`, `PB-G03,POWERBANK_CABINET,${site},8,guard-vending`, `PB-G04,POWERBANK_CABINET,${site},8,`].join('\n');
    const row = { row: 3, field: 'payscoreServiceId', code: 'PAYSCORE_SCENARIO_MISMATCH', message: expect.stringMatching(/approved for VENDING/) };
    const preview = (await http('POST', '/v1/devices/import?dryRun=true', { ...as('ops@powerbank.demo'), body: { csv, plan } })).json() as { valid: boolean; errors: unknown[] };
    expect(preview).toMatchObject({ valid: false, errors: [row] });
    const refused = await http('POST', '/v1/devices/import', { ...as('ops@powerbank.demo'), body: { csv, plan } });
    expect(refused.json()).toMatchObject({ status: 422, code: 'DEVICE_IMPORT_INVALID', rows: [row], errors: [{ field: 'line 3', messages: [expect.stringMatching(/^payscoreServiceId: /)] }] });
    expect(await stored()).toEqual(afterRegister);
    // the risk fund of the import's plan counts too
    const capped = csv.replace('guard-vending', 'guard-lowcap');
    expect((await http('POST', '/v1/devices/import', { ...as('ops@powerbank.demo'), body: { csv: capped, plan } })).json()).toMatchObject({
      rows: [{ row: 3, field: 'payscoreServiceId', code: 'PAYSCORE_RISK_CAP_EXCEEDED' }],
    });
    // fixed, the same file imports every row
    const imported = await http('POST', '/v1/devices/import', { ...as('ops@powerbank.demo'), body: { csv: csv.replace('guard-vending', 'guard-pb'), plan } });
    expect(imported.statusCode).toBe(201);
    expect((await stored()).devices).toEqual([
      { code: 'PB-G01', payscore_service_id: 'guard-pb' },
      { code: 'PB-G02', payscore_service_id: 'guard-pb' },
      { code: 'PB-G03', payscore_service_id: 'guard-pb' },
      { code: 'PB-G04', payscore_service_id: null },
    ]);
  });

  it('replaces credentials (re-validated, version + 1) and disables an account', async () => {
    const first = remember(await wechatMerchant(sim));
    const created = (await http('POST', '/v1/merchant-accounts', { ...as('ops@fridge.demo'), body: body(first) })).json() as { id: string };
    // the merchant renews its API certificate at WeChat: a new key and serial under the same mchid
    const renewed = remember({ ...(await wechatMerchant(sim)), mchid: first.mchid, appids: first.appids });
    const keys = generateRsaKeyPair();
    secrets.push(...keys.privateKeyPem.split('\n').filter((l) => l.length > 40));
    await fetch(`${sim.url}/sim/merchants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mchid: first.mchid, serialNo: renewed.serialNo, publicKeyPem: keys.publicKeyPem, apiV3Key: renewed.apiV3Key, apiV2Key: renewed.apiV2Key, appids: first.appids, services: [{ serviceId: 's1', scenario: 'VENDING', mode: 'USE_FIRST', riskCapFen: 100 }] }),
    });
    const credentials = { serialNo: renewed.serialNo, privateKeyPem: keys.privateKeyPem, apiV3Key: renewed.apiV3Key, apiV2Key: renewed.apiV2Key, platformPublicKeyId: renewed.platformPublicKeyId, platformPublicKeyPem: renewed.platformPublicKeyPem };
    // the old key no longer works at WeChat: refused, nothing changes
    expect((await http('PUT', `/v1/merchant-accounts/${created.id}/credentials`, { ...as('ops@fridge.demo'), body: { ...credentials, privateKeyPem: first.privateKeyPem } })).json()).toMatchObject({ status: 422, code: 'MERCHANT_CREDENTIALS_INVALID' });
    const replaced = await http('PUT', `/v1/merchant-accounts/${created.id}/credentials`, { ...as('ops@fridge.demo'), body: credentials });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({ credentialsVersion: 2, serialNo: renewed.serialNo });
    // services registered through the API reach the simulator with the new credentials
    expect((await http('POST', `/v1/merchant-accounts/${created.id}/services`, { ...as('ops@fridge.demo'), body: { serviceId: 's1', name: 's1', scenario: 'VENDING', mode: 'USE_FIRST', riskCapFen: 100 } })).statusCode).toBe(201);
    const handleOk = await inSystem(async (m) => {
      const handle = await t.app.get(MerchantGateway).forAccount(m, created.id);
      expect(handle.apiV2Key).toBe(renewed.apiV2Key);
      return handle.client.queryOrder({ out_order_no: outOrderNoFor('y'), service_id: 's1' }).catch((e: unknown) => e);
    });
    expect(isPayScoreError(handleOk) && { code: handleOk.code, verified: handleOk.verified }).toEqual({ code: 'PAYSCORE_ORDER_NOT_FOUND', verified: true });

    const disabled = await http('POST', `/v1/merchant-accounts/${created.id}/disable`, as('ops@fridge.demo'));
    expect((disabled.json() as { disabledAt: string | null }).disabledAt).not.toBeNull();
    await expect(inSystem((m) => t.app.get(MerchantGateway).forAccount(m, created.id))).rejects.toMatchObject({ code: 'MERCHANT_ACCOUNT_DISABLED' });
    expect((await http('PUT', `/v1/merchant-accounts/${created.id}/credentials`, { ...as('ops@fridge.demo'), body: credentials })).json()).toMatchObject({ status: 409, code: 'MERCHANT_ACCOUNT_DISABLED' });
  });

  it('never returns a secret in any response nor writes one to the audit log', async () => {
    for (const login of Object.keys(tokens)) {
      await http('GET', '/v1/merchant-accounts', as(login));
      await http('GET', '/v1/payscore-services', as(login));
    }
    await http('GET', `/v1/merchant-accounts/${DEMO_MERCHANTS.fridge.id}`, as('ops@fridge.demo'));
    const audit = JSON.stringify(await systemQuery(t, `SELECT * FROM audit_log`));
    expect(audit).toContain('merchant-account.create');
    expect(secrets.length).toBeGreaterThan(20);
    const everything = [...bodies, audit].join('\n');
    const leaked = secrets.filter((s) => everything.includes(s) || everything.includes(JSON.stringify(s).slice(1, -1)));
    expect(leaked).toEqual([]);
  });
});
