// Per-organisation branding of the reference user pages (issue 14): PUT/GET /v1/organizations/{id}/branding, who may
// write it, the field-by-field inheritance (own → franchise brand → environment → built-in) and the pages showing it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_ORGS } from '../src/modules/demo/demo-data.js';
import { systemQuery } from './fleet-support.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const O = DEMO_ORGS;
const branding = (id: string) => `/v1/organizations/${id}/branding`;

interface Branding {
  organizationId: string;
  own: Record<string, string | null>;
  effective: {
    brandName: string;
    color: string;
    otherPaymentUrl: string | null;
    servicePhone: string | null;
  };
  sources: Record<string, string>;
  previewDeviceCode: string | null;
  updatedAt: string | null;
}

describe('user pages branding per organisation', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({
      userPages: {
        brandColor: '#123456',
        otherPaymentUrl: 'https://env.example.com/pay',
      },
    });
    for (const login of ['admin@zizhu.demo', 'ops@fridge.demo', 'f1@fridge.demo', 'f2@fridge.demo', 'ops@vendor.demo', 'c1@vendor.demo', 'ops@powerbank.demo']) {
      tokens[login] = await t.login(login);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const put = (login: string, id: string, body: unknown) => t.http('PUT', branding(id), { token: tokens[login]!, body });
  const get = (login: string, id: string) => t.http('GET', branding(id), { token: tokens[login]! });

  it('starts with nothing set: the environment, then the built-in defaults, and a device to preview', async () => {
    const response = await get('f2@fridge.demo', O.fridgeF2.id);
    expect(response.statusCode).toBe(200);
    const body = response.json() as Branding;
    expect(body.own).toEqual({
      brandName: null,
      color: null,
      otherPaymentUrl: null,
      servicePhone: null,
    });
    expect(body.effective).toEqual({
      brandName: O.fridgeF2.name,
      color: '#123456',
      otherPaymentUrl: 'https://env.example.com/pay',
      servicePhone: null,
    });
    expect(body.sources).toEqual({
      brandName: 'DEFAULT',
      color: 'ENVIRONMENT',
      otherPaymentUrl: 'ENVIRONMENT',
      servicePhone: 'DEFAULT',
    });
    expect(body.previewDeviceCode).toBe('FR-0002');
    expect(body.updatedAt).toBeNull();
  });

  it('refuses bad values, each error naming its field, and stores nothing', async () => {
    const cases: [unknown, string][] = [
      [{ color: 'red' }, 'color'],
      [{ color: '#12345' }, 'color'],
      [{ color: '#fff;}body{display:none' }, 'color'],
      [{ otherPaymentUrl: 'http://pay.example.com/x' }, 'otherPaymentUrl'],
      [{ otherPaymentUrl: 'javascript:alert(1)' }, 'otherPaymentUrl'],
      [{ otherPaymentUrl: 'ftp://localhost/x' }, 'otherPaymentUrl'],
      [{ brandName: 'x'.repeat(33) }, 'brandName'],
      [{ brandName: '' }, 'brandName'],
      [{ brandName: 42 }, 'brandName'],
      [{ servicePhone: '400 820 8820' }, 'servicePhone'],
      [{ servicePhone: '<b>1</b>' }, 'servicePhone'],
      [{ servicePhone: '-400' }, 'servicePhone'],
      [{ logoUrl: 'https://x.example.com/logo.png' }, 'logoUrl'],
    ];
    for (const [body, field] of cases) {
      const response = await put('f1@fridge.demo', O.fridgeF1.id, body);
      expect([response.statusCode, body]).toEqual([400, body]);
      const problem = response.json() as {
        code: string;
        errors: { field: string }[];
      };
      expect(problem.code).toBe('VALIDATION_FAILED');
      expect(problem.errors.map((e) => e.field)).toEqual([field]);
    }
    // several at once: every field named
    const many = await put('f1@fridge.demo', O.fridgeF1.id, {
      brandName: 'y'.repeat(40),
      color: 'blue',
      servicePhone: 'call us',
    });
    expect((many.json() as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(['brandName', 'color', 'servicePhone']);
    expect((await get('f1@fridge.demo', O.fridgeF1.id)).json()).toMatchObject({
      own: {
        brandName: null,
        color: null,
        otherPaymentUrl: null,
        servicePhone: null,
      },
      updatedAt: null,
    });
    const [rows] = await systemQuery<{ n: number }>(t, `SELECT count(*)::int AS n FROM organization_brandings`);
    expect(rows!.n).toBe(0);
  });

  it('accepts https, and http only for localhost or 127.0.0.1', async () => {
    for (const url of ['https://pay.example.com/other?from=zizhu', 'http://localhost:3000/pay', 'http://127.0.0.1/pay']) {
      const response = await put('c1@vendor.demo', O.vendorC1.id, {
        otherPaymentUrl: url,
        color: '#ABC',
      });
      expect(response.statusCode).toBe(200);
      expect((response.json() as Branding).own).toMatchObject({
        otherPaymentUrl: url,
        color: '#ABC',
      });
    }
  });

  it('lets the organisation’s admins, its franchise brand and the platform admin write it; anyone else gets 404', async () => {
    expect((await put('f1@fridge.demo', O.fridgeF1.id, { brandName: '西湖店' })).statusCode).toBe(200);
    expect(
      (
        await put('ops@fridge.demo', O.fridgeF2.id, {
          servicePhone: '0571-88880000',
        })
      ).statusCode,
    ).toBe(200);
    expect((await put('admin@zizhu.demo', O.powerbank.id, { color: '#0a84ff' })).statusCode).toBe(200);
    expect(
      (
        await put('ops@powerbank.demo', O.powerbank.id, {
          color: '#0a84ff',
          brandName: '小电',
        })
      ).statusCode,
    ).toBe(200);

    // a sibling franchisee, a franchisee on its brand, another operator: 404, and nothing written
    for (const [login, id] of [
      ['f2@fridge.demo', O.fridgeF1.id],
      ['f1@fridge.demo', O.fridge.id],
      ['ops@powerbank.demo', O.fridge.id],
      ['ops@fridge.demo', O.vendorC1.id],
      // a hardware reseller does not brand its customers: each runs its own merchant account and brand
      ['ops@vendor.demo', O.vendorC1.id],
    ] as const) {
      const write = await put(login, id, { brandName: 'hijack' });
      expect([login, id, write.statusCode, (write.json() as { code: string }).code]).toEqual([login, id, 404, 'ORGANIZATION_NOT_FOUND']);
      expect([login, id, (await get(login, id)).statusCode]).toEqual([login, id, 404]);
    }
    const names = await systemQuery<{ brand_name: string | null }>(t, `SELECT brand_name FROM organization_brandings WHERE brand_name = 'hijack'`);
    expect(names).toEqual([]);

    // the brand reads its franchisee's, the customer its own
    expect((await get('ops@fridge.demo', O.fridgeF1.id)).json()).toMatchObject({
      own: { brandName: '西湖店' },
    });
    expect((await get('c1@vendor.demo', O.vendorC1.id)).statusCode).toBe(200);

    const audit = await systemQuery<{
      resource_id: string;
      before: unknown;
      after: { brandName: string | null };
    }>(t, `SELECT resource_id, before, after FROM audit_log WHERE action = 'organization.branding.set' AND resource_id = $1 ORDER BY occurred_at`, [O.fridgeF1.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toEqual({
      brandName: null,
      color: null,
      otherPaymentUrl: null,
      servicePhone: null,
    });
    expect(audit[0]!.after).toMatchObject({ brandName: '西湖店' });
  });

  it('a franchisee inherits its brand’s branding field by field, its own values win, and the pages show it escaped', async () => {
    // the brand's look
    expect(
      (
        await put('ops@fridge.demo', O.fridge.id, {
          brandName: '鲜柜',
          color: '#ff6600',
          servicePhone: '400-100-2000',
        })
      ).statusCode,
    ).toBe(200);
    // franchisee 1: its own name (hostile), the rest inherited
    expect(
      (
        await put('f1@fridge.demo', O.fridgeF1.id, {
          brandName: '<script>x</script>西湖',
        })
      ).statusCode,
    ).toBe(200);
    // franchisee 2: its own phone (set above by the brand on its behalf), cleared now → inherits everything
    expect((await put('f2@fridge.demo', O.fridgeF2.id, {})).statusCode).toBe(200);

    const f1 = (await get('f1@fridge.demo', O.fridgeF1.id)).json() as Branding;
    expect(f1.effective).toEqual({
      brandName: '<script>x</script>西湖',
      color: '#ff6600',
      otherPaymentUrl: 'https://env.example.com/pay',
      servicePhone: '400-100-2000',
    });
    expect(f1.sources).toEqual({
      brandName: 'OWN',
      color: 'BRAND',
      otherPaymentUrl: 'ENVIRONMENT',
      servicePhone: 'BRAND',
    });

    const page1 = await t.http('GET', '/d/FR-0001');
    expect(page1.statusCode).toBe(200);
    expect(page1.body).not.toContain('<script>x</script>');
    expect(page1.body).toContain('<div class="bar">&lt;script&gt;x&lt;/script&gt;西湖</div>');
    expect(page1.body).toContain('--brand:#ff6600');
    expect(page1.body).toContain('客服电话 <a href="tel:400-100-2000">400-100-2000</a>');

    const page2 = await t.http('GET', '/d/FR-0002');
    expect(page2.body).toContain('<div class="bar">鲜柜</div>');
    expect(page2.body).toContain('--brand:#ff6600');
    expect(page2.body).toContain('400-100-2000');

    // franchisee 2 takes its own colour: only that field changes
    expect((await put('f2@fridge.demo', O.fridgeF2.id, { color: '#00aa88' })).statusCode).toBe(200);
    const again = await t.http('GET', '/d/FR-0002');
    expect(again.body).toContain('--brand:#00aa88');
    expect(again.body).toContain('<div class="bar">鲜柜</div>');
    expect(again.body).toContain('400-100-2000');
  });

  it('a reseller’s customer does not inherit the reseller’s branding; without any, the environment and the owner’s name', async () => {
    expect(
      (
        await put('ops@vendor.demo', O.vendor.id, {
          brandName: '智桩',
          color: '#abcdef',
          servicePhone: '400-999-0000',
        })
      ).statusCode,
    ).toBe(200);
    const page = await t.http('GET', '/d/WV-0001');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('#abcdef');
    expect(page.body).not.toContain('400-999-0000');
    expect(page.body).toContain(`<div class="bar">${O.vendorC2.name.replace(/（/g, '（')}</div>`);
    expect(page.body).toContain('--brand:#123456');
    expect(page.body).not.toContain('id="service"');
  });
});
