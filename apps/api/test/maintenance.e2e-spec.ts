import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response as InjectResponse } from 'light-my-request';
import { DEMO_DEVICES, DEMO_ORGS, DEMO_SITES } from '../src/modules/demo/demo-data.js';
import { MaintenanceJobs } from '../src/modules/maintenance/maintenance.jobs.js';
import { systemQuery } from './fleet-support.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const device = (code: string) => DEMO_DEVICES.find((d) => d.code === code)!;
const FR1 = device('FR-0001'); // franchisee 1 of the fridge brand
const FR2 = device('FR-0002'); // franchisee 2
const EV1 = device('EV-0001'); // the reseller's customer C1
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

interface Ticket {
  id: string;
  organizationId: string;
  deviceId: string;
  deviceCode: string;
  alertId: string | null;
  title: string;
  state: string;
  assigneeId: string | null;
  assigneeName: string | null;
  resolution: string | null;
  startedAt: string | null;
  startedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  closedAt: string | null;
  closedBy: string | null;
  reopenedAt: string | null;
  actions: string[];
  events: { kind: string; body: string; fromState: string | null; toState: string | null; createdBy: string | null }[];
  photos: { id: string; name: string; sha256: string; size: number }[];
}

describe('maintenance tickets: by hand and from alerts, lifecycle, notes, photos, technicians, tenancy', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const users: Record<string, string> = {};

  const as = (who: string, body?: unknown, headers?: Record<string, string>) => ({ token: tokens[who]!, ...(body !== undefined ? { body } : {}), ...(headers ? { headers } : {}) });
  const code = (r: InjectResponse) => (r.json() as { code?: string }).code;
  const open = async (who: string, body: Record<string, unknown>) => {
    const r = await t.http('POST', '/v1/maintenance/tickets', as(who, body));
    expect(r.statusCode).toBe(201);
    return r.json() as Ticket;
  };
  const photo = (who: string, ticketId: string, bytes: Buffer, type: string, name = 'door.png') =>
    t.app.inject({ method: 'POST', url: `/v1/maintenance/tickets/${ticketId}/photos?name=${encodeURIComponent(name)}`, headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': type }, payload: bytes });

  beforeAll(async () => {
    t = await createTestApp();
    for (const login of ['ops@fridge.demo', 'f1@fridge.demo', 'f2@fridge.demo', 'tech@fridge.demo', 'ops@vendor.demo', 'c1@vendor.demo', 'ops@powerbank.demo']) {
      tokens[login] = await t.login(login);
      users[login] = ((await t.http('GET', '/v1/me', { token: tokens[login] })).json() as { user: { id: string } }).user.id;
    }
  });
  afterAll(() => t?.close());

  it('a ticket opened by hand goes OPEN → IN_PROGRESS → RESOLVED → CLOSED → reopened, each step stamped with who and when; a wrong step is 409', async () => {
    const ticket = await open('f1@fridge.demo', { deviceId: FR1.id, title: '柜门无法打开', description: '用户反馈扫码后门锁无反应' });
    expect(ticket).toMatchObject({ state: 'OPEN', deviceCode: 'FR-0001', organizationId: DEMO_ORGS.fridgeF1.id, alertId: null, actions: ['start', 'resolve', 'close'] });

    // assignees: for the brand, the franchisee's logins and its own (the technician first); for the franchisee, its own logins
    const assignees = (await t.http('GET', `/v1/maintenance/assignees?deviceId=${FR1.id}`, as('ops@fridge.demo'))).json() as { id: string; role: string }[];
    expect(assignees[0]).toMatchObject({ id: users['tech@fridge.demo'], role: 'TECHNICIAN' });
    expect(assignees.map((a) => a.id)).toEqual(expect.arrayContaining([users['f1@fridge.demo'], users['ops@fridge.demo']]));
    expect(assignees.map((a) => a.id)).not.toContain(users['f2@fridge.demo']);
    const ownOnly = (await t.http('GET', `/v1/maintenance/assignees?deviceId=${FR1.id}`, as('f1@fridge.demo'))).json() as { id: string }[];
    expect(ownOnly.map((a) => a.id)).toEqual([users['f1@fridge.demo']]);
    const wrong = await t.http('PATCH', `/v1/maintenance/tickets/${ticket.id}`, as('f1@fridge.demo', { assigneeId: users['f2@fridge.demo'] }));
    expect(wrong.statusCode).toBe(422);
    expect(code(wrong)).toBe('TICKET_ASSIGNEE_INVALID');
    const assigned = await t.http('PATCH', `/v1/maintenance/tickets/${ticket.id}`, as('ops@fridge.demo', { assigneeId: users['tech@fridge.demo'] }));
    expect(assigned.statusCode).toBe(200);
    // the franchisee sees who took it, though not its brand's logins
    expect((await t.http('GET', `/v1/maintenance/tickets/${ticket.id}`, as('f1@fridge.demo'))).json()).toMatchObject({ assigneeName: '冰柜维修员' });
    expect(assigned.json()).toMatchObject({ assigneeId: users['tech@fridge.demo'], assigneeName: '冰柜维修员' });

    // the technician filters its own tickets and works this one
    const mine = (await t.http('GET', `/v1/maintenance/tickets?assigneeId=${users['tech@fridge.demo']}&state=OPEN`, as('tech@fridge.demo'))).json() as { items: Ticket[]; total: number };
    expect(mine.items.map((i) => i.id)).toContain(ticket.id);
    const started = await t.http('POST', `/v1/maintenance/tickets/${ticket.id}/transitions`, as('tech@fridge.demo', { action: 'start', note: '出发' }));
    expect(started.statusCode).toBe(200);
    expect(started.json()).toMatchObject({ state: 'IN_PROGRESS', startedBy: users['tech@fridge.demo'] });
    expect((started.json() as Ticket).startedAt).not.toBeNull();

    const again = await t.http('POST', `/v1/maintenance/tickets/${ticket.id}/transitions`, as('tech@fridge.demo', { action: 'start' }));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'TICKET_INVALID_TRANSITION', errors: [{ field: 'action' }] });
    const unknown = await t.http('POST', `/v1/maintenance/tickets/${ticket.id}/transitions`, as('tech@fridge.demo', { action: 'explode' }));
    expect(unknown.statusCode).toBe(400);

    const note = await t.http('POST', `/v1/maintenance/tickets/${ticket.id}/notes`, as('tech@fridge.demo', { body: '门锁电机烧毁' }));
    expect(note.statusCode).toBe(201);
    const blank = await t.http('POST', `/v1/maintenance/tickets/${ticket.id}/notes`, as('tech@fridge.demo', { body: '' }));
    expect(blank.statusCode).toBe(400);

    const noResolution = await t.http('POST', `/v1/maintenance/tickets/${ticket.id}/transitions`, as('tech@fridge.demo', { action: 'resolve' }));
    expect(noResolution.statusCode).toBe(422);
    expect(noResolution.json()).toMatchObject({ code: 'TICKET_INVALID', errors: [{ field: 'note' }] });
    const resolved = await t.http('POST', `/v1/maintenance/tickets/${ticket.id}/transitions`, as('tech@fridge.demo', { action: 'resolve', note: '已更换门锁电机' }));
    expect(resolved.json()).toMatchObject({ state: 'RESOLVED', resolution: '已更换门锁电机', resolvedBy: users['tech@fridge.demo'] });
    // closing after a resolve keeps its resolution
    const closed = await t.http('POST', `/v1/maintenance/tickets/${ticket.id}/transitions`, as('f1@fridge.demo', { action: 'close' }));
    expect(closed.json()).toMatchObject({ state: 'CLOSED', resolution: '已更换门锁电机', closedBy: users['f1@fridge.demo'], actions: ['reopen'] });

    const onClosed = await t.http('POST', `/v1/maintenance/tickets/${ticket.id}/notes`, as('tech@fridge.demo', { body: 'late' }));
    expect(onClosed.statusCode).toBe(409);
    expect(code(onClosed)).toBe('TICKET_CLOSED');

    const reopened = (await t.http('POST', `/v1/maintenance/tickets/${ticket.id}/transitions`, as('f1@fridge.demo', { action: 'reopen', note: '再次故障' }))).json() as Ticket;
    expect(reopened).toMatchObject({ state: 'OPEN', resolution: null, reopenedAt: expect.any(String) });
    // closing straight from OPEN needs a resolution of its own
    const bareClose = await t.http('POST', `/v1/maintenance/tickets/${ticket.id}/transitions`, as('f1@fridge.demo', { action: 'close' }));
    expect(bareClose.statusCode).toBe(422);

    // the thread tells the story; every change is audited
    const detail = (await t.http('GET', `/v1/maintenance/tickets/${ticket.id}`, as('ops@fridge.demo'))).json() as Ticket;
    expect(detail.events.map((e) => (e.kind === 'STATE' ? `${e.fromState ?? ''}>${e.toState}` : e.kind))).toEqual([
      '>OPEN',
      'ASSIGNED',
      'OPEN>IN_PROGRESS',
      'NOTE',
      'IN_PROGRESS>RESOLVED',
      'RESOLVED>CLOSED',
      'CLOSED>OPEN',
    ]);
    const audit = await systemQuery<{ action: string }>(t, `SELECT action FROM audit_log WHERE resource_id = $1`, [ticket.id]);
    expect(audit.map((a) => a.action).sort()).toEqual(
      ['maintenance-ticket.create', 'maintenance-ticket.update', 'maintenance-ticket.start', 'maintenance-ticket.note', 'maintenance-ticket.resolve', 'maintenance-ticket.close', 'maintenance-ticket.reopen'].sort(),
    );

    // the device's history shows its tickets
    const ofDevice = (await t.http('GET', `/v1/maintenance/tickets?deviceId=${FR1.id}`, as('f1@fridge.demo'))).json() as { items: Ticket[] };
    expect(ofDevice.items.map((i) => i.id)).toContain(ticket.id);
    expect(ofDevice.items.every((i) => i.deviceId === FR1.id)).toBe(true);
  });

  it('photos: stored with their sha256, downloaded as an attachment with nosniff; wrong type, empty and another tenant refused', async () => {
    const ticket = await open('ops@fridge.demo', { deviceId: FR2.id, title: '制冷异常' });
    const up = await photo('tech@fridge.demo', ticket.id, PNG, 'image/png', '压缩机.png');
    expect(up.statusCode).toBe(201);
    const stored = up.json() as { id: string; sha256: string; size: number };
    expect(stored).toMatchObject({ sha256: createHash('sha256').update(PNG).digest('hex'), size: PNG.length });

    const down = await t.http('GET', `/v1/maintenance/tickets/${ticket.id}/photos/${stored.id}`, as('f2@fridge.demo'));
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(PNG)).toBe(true);
    expect(down.headers['content-type']).toBe('image/png');
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(String(down.headers['content-disposition'])).toMatch(/^attachment; filename=/);

    const html = await photo('tech@fridge.demo', ticket.id, Buffer.from('<script>alert(1)</script>'), 'text/html');
    expect(html.statusCode).toBe(422);
    expect(html.json()).toMatchObject({ code: 'TICKET_PHOTO_INVALID', errors: [{ field: 'contentType' }] });
    const empty = await photo('tech@fridge.demo', ticket.id, Buffer.alloc(0), 'image/png');
    expect(empty.json()).toMatchObject({ code: 'TICKET_PHOTO_INVALID', errors: [{ field: 'body' }] });
    const big = await photo('tech@fridge.demo', ticket.id, Buffer.alloc(5 * 1024 * 1024 + 1, 1), 'image/png');
    expect(big.statusCode).toBe(413);
    expect(code(big)).toBe('TICKET_PHOTO_TOO_LARGE');

    // franchisee 1 does not see franchisee 2's ticket, nor its photo; neither does another brand
    for (const who of ['f1@fridge.demo', 'ops@powerbank.demo']) {
      expect((await t.http('GET', `/v1/maintenance/tickets/${ticket.id}`, as(who))).statusCode).toBe(404);
      expect((await t.http('GET', `/v1/maintenance/tickets/${ticket.id}/photos/${stored.id}`, as(who))).statusCode).toBe(404);
      expect((await photo(who, ticket.id, PNG, 'image/png')).statusCode).toBe(404);
      expect((await t.http('POST', `/v1/maintenance/tickets/${ticket.id}/transitions`, as(who, { action: 'start' }))).statusCode).toBe(404);
      const list = (await t.http('GET', '/v1/maintenance/tickets', as(who))).json() as { items: Ticket[] };
      expect(list.items.map((i) => i.id)).not.toContain(ticket.id);
    }
    const detail = (await t.http('GET', `/v1/maintenance/tickets/${ticket.id}`, as('f2@fridge.demo'))).json() as Ticket;
    expect(detail.photos.map((p) => p.id)).toEqual([stored.id]);
  });

  it('from an alert: the alert’s device and kind, once per alert; a non-device alert is 422, another tenant’s alert 404', async () => {
    const [alert] = await systemQuery<{ id: string }>(
      t,
      `INSERT INTO alerts (tenant_id, kind, category, severity, subject_type, subject_id, dedupe_key) VALUES ($1, 'DEVICE_OFFLINE', 'FLEET', 'WARNING', 'device', $2, $3) RETURNING id`,
      [DEMO_ORGS.fridgeF1.id, FR1.id, `DEVICE_OFFLINE:device:${FR1.id}:${randomUUID()}`],
    );
    const [money] = await systemQuery<{ id: string }>(
      t,
      `INSERT INTO alerts (tenant_id, kind, category, severity, subject_type, subject_id, dedupe_key) VALUES ($1, 'REFUND_STUCK', 'MONEY', 'WARNING', 'refund', $2, $3) RETURNING id`,
      [DEMO_ORGS.fridgeF1.id, randomUUID(), `REFUND_STUCK:${randomUUID()}`],
    );
    expect((await t.http('POST', '/v1/maintenance/tickets', as('f2@fridge.demo', { alertId: alert!.id }))).statusCode).toBe(404);

    const first = await t.http('POST', '/v1/maintenance/tickets', as('tech@fridge.demo', { alertId: alert!.id }));
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ alertId: alert!.id, deviceId: FR1.id, title: '设备离线', state: 'OPEN' });
    const second = await t.http('POST', '/v1/maintenance/tickets', as('f1@fridge.demo', { alertId: alert!.id }));
    expect(second.statusCode).toBe(200);
    expect((second.json() as Ticket).id).toBe((first.json() as Ticket).id);
    const byAlert = (await t.http('GET', `/v1/maintenance/tickets?alertId=${alert!.id}`, as('f1@fridge.demo'))).json() as { total: number };
    expect(byAlert.total).toBe(1);
    // two opens of one alert at once (two clicks, a click racing the automatic job): one ticket, both answered with it
    const [again] = await systemQuery<{ id: string }>(
      t,
      `INSERT INTO alerts (tenant_id, kind, category, severity, subject_type, subject_id, dedupe_key) VALUES ($1, 'DEVICE_OFFLINE', 'FLEET', 'WARNING', 'device', $2, $3) RETURNING id`,
      [DEMO_ORGS.fridgeF1.id, FR1.id, `DEVICE_OFFLINE:device:${FR1.id}:${randomUUID()}`],
    );
    const both = await Promise.all([as('f1@fridge.demo', { alertId: again!.id }), as('ops@fridge.demo', { alertId: again!.id })].map((o) => t.http('POST', '/v1/maintenance/tickets', o)));
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(new Set(both.map((r) => (r.json() as Ticket).id)).size).toBe(1);

    const notDevice = await t.http('POST', '/v1/maintenance/tickets', as('f1@fridge.demo', { alertId: money!.id }));
    expect(notDevice.statusCode).toBe(422);
    expect(notDevice.json()).toMatchObject({ code: 'TICKET_ALERT_NOT_DEVICE', errors: [{ field: 'alertId' }] });
    const noDevice = await t.http('POST', '/v1/maintenance/tickets', as('f1@fridge.demo', { title: 'x' }));
    expect(noDevice.json()).toMatchObject({ code: 'TICKET_INVALID', errors: [{ field: 'deviceId' }] });
    const otherDevice = await t.http('POST', '/v1/maintenance/tickets', as('f1@fridge.demo', { deviceId: FR2.id, title: 'x' }));
    expect(otherDevice.statusCode).toBe(404);
    expect(code(otherDevice)).toBe('TICKET_DEVICE_NOT_FOUND');
  });

  it('a technician sees devices, sites and tickets, never money: every money route answers 403', async () => {
    const tech = 'tech@fridge.demo';
    const me = (await t.http('GET', '/v1/me', as(tech))).json() as { user: { role: string }; permissions: string[] };
    expect(me.user.role).toBe('TECHNICIAN');
    expect(me.permissions).toEqual(['sites.read', 'devices.read', 'maintenance.read', 'maintenance.write']);

    const devices = (await t.http('GET', '/v1/devices', as(tech))).json() as { items: { code: string; planName: string | null }[] };
    expect(devices.items.map((d) => d.code).sort()).toEqual(expect.arrayContaining(['FR-0001', 'FR-0002']));
    expect(devices.items.map((d) => d.planName)).toEqual(devices.items.map(() => null)); // a plan's name often carries its price
    expect(devices.items.map((d) => d.code)).not.toContain('PB-0001');
    expect((await t.http('GET', '/v1/sites', as(tech))).statusCode).toBe(200);
    const detail = await t.http('GET', `/v1/devices/${FR1.id}`, as(tech));
    expect(detail.statusCode).toBe(200);
    expect((detail.json() as { plan: unknown }).plan).toBeNull(); // prices are not a technician's business
    expect((await t.http('GET', `/v1/devices/${device('PB-0001').id}`, as(tech))).statusCode).toBe(404);

    const today = new Date().toISOString().slice(0, 10);
    const money = [
      '/v1/sessions',
      '/v1/sessions/export.csv',
      `/v1/sessions/${randomUUID()}`,
      '/v1/receivables',
      `/v1/earnings?organizationId=${DEMO_ORGS.fridge.id}&from=${today}&to=${today}`,
      '/v1/statements',
      '/v1/ledger/balances',
      '/v1/payouts',
      '/v1/profit-sharing-orders',
      '/v1/merchant-accounts',
      '/v1/reconciliations',
      '/v1/complaints',
      '/v1/overview',
      '/v1/plans',
      '/v1/users',
      '/v1/audit-log',
      `/v1/organizations/${DEMO_ORGS.fridge.id}/agreement`,
    ];
    for (const url of money) {
      const r = await t.http('GET', url, as(tech));
      expect({ url, status: r.statusCode, code: code(r) }).toEqual({ url, status: 403, code: 'AUTH_FORBIDDEN' });
    }
    // nor device writes or commands
    expect((await t.http('POST', `/v1/devices/${FR1.id}/commands`, as(tech, { type: 'REBOOT' }))).statusCode).toBe(403);
  });

  it('an organisation admin creates a technician login, which works its own organisation’s tickets only; staff read, resellers watch', async () => {
    const email = `tech-${randomUUID().slice(0, 8)}@fridge.demo`;
    const created = await t.http('POST', '/v1/users', as('f1@fridge.demo', { email, password: 'technician-pass', role: 'TECHNICIAN', displayName: '西湖维修员' }));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ role: 'TECHNICIAN', organizationId: DEMO_ORGS.fridgeF1.id });
    const audited = await systemQuery(t, `SELECT 1 FROM audit_log WHERE action = 'user.create' AND resource_id = $1`, [(created.json() as { id: string }).id]);
    expect(audited).toHaveLength(1);
    tokens.f1tech = await t.login(email, 'technician-pass');

    const own = await open('f1tech', { deviceId: FR1.id, title: '屏幕不亮' });
    expect(own.organizationId).toBe(DEMO_ORGS.fridgeF1.id);
    const other = await t.http('POST', '/v1/maintenance/tickets', as('f1tech', { deviceId: FR2.id, title: 'x' }));
    expect(other.statusCode).toBe(404);
    expect((await t.http('GET', '/v1/receivables', as('f1tech'))).statusCode).toBe(403);

    // the reseller reads its customer's tickets (device health) but does not work them
    const ev = await open('c1@vendor.demo', { deviceId: EV1.id, title: '充电枪损坏' });
    expect((await t.http('GET', `/v1/maintenance/tickets/${ev.id}`, as('ops@vendor.demo'))).statusCode).toBe(200);
    const watch = await t.http('POST', `/v1/maintenance/tickets/${ev.id}/transitions`, as('ops@vendor.demo', { action: 'start' }));
    expect(watch.statusCode).toBe(403);
    expect(code(watch)).toBe('TICKET_NOT_OPERATOR');
    expect((await t.http('GET', `/v1/maintenance/tickets/${ev.id}`, as('f1@fridge.demo'))).statusCode).toBe(404);
  });

  it('a device with tickets can still be sold: its tickets, notes and photos go to the customer with it; the reseller keeps watching them', async () => {
    const warehouse = (await t.http('POST', '/v1/sites', as('ops@vendor.demo', { name: '仓库', address: '浙江省杭州市余杭区', city: '杭州' }))).json() as { id: string };
    const made = await t.http('POST', '/v1/devices', as('ops@vendor.demo', { siteId: warehouse.id, code: 'EV-TICKET-01', type: 'EV_CHARGER', connectors: 1 }));
    expect(made.statusCode).toBe(201);
    const deviceId = (made.json() as { device: { id: string } }).device.id;
    const ticket = await open('ops@vendor.demo', { deviceId, title: '出厂检测：枪线松动' });
    expect((await t.http('POST', `/v1/maintenance/tickets/${ticket.id}/notes`, as('ops@vendor.demo', { body: '已紧固' }))).statusCode).toBe(201);
    expect((await photo('ops@vendor.demo', ticket.id, PNG, 'image/png')).statusCode).toBe(201);
    const sold = await t.http('POST', `/v1/devices/${deviceId}/transfer`, as('ops@vendor.demo', { organizationId: DEMO_ORGS.vendorC1.id, siteId: DEMO_SITES.chargingEast.id }));
    expect(sold.statusCode).toBe(200);
    const seen = await t.http('GET', `/v1/maintenance/tickets/${ticket.id}`, as('c1@vendor.demo'));
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ id: ticket.id, organizationId: DEMO_ORGS.vendorC1.id });
    const [moved] = await systemQuery<{ tenants: string[] }>(
      t,
      `SELECT array(SELECT DISTINCT tenant_id::text FROM (SELECT tenant_id FROM maintenance_ticket_events WHERE ticket_id = $1
                                                          UNION ALL SELECT tenant_id FROM maintenance_ticket_photos WHERE ticket_id = $1) x) AS tenants`,
      [ticket.id],
    );
    expect(moved!.tenants).toEqual([DEMO_ORGS.vendorC1.id]);
    expect((await t.http('GET', `/v1/maintenance/tickets/${ticket.id}`, as('ops@vendor.demo'))).statusCode).toBe(200);
  });

  it('automatic tickets: new alerts of the chosen device kinds open one each (a brand’s choice covers its franchisees); earlier alerts and other kinds do not', async () => {
    const raise = async (org: string, deviceId: string, kind: string, ago = '0 seconds') =>
      (
        await systemQuery<{ id: string }>(
          t,
          `INSERT INTO alerts (tenant_id, kind, category, severity, subject_type, subject_id, dedupe_key, raised_at)
           VALUES ($1, $2, 'FLEET', 'WARNING', 'device', $3, $4, now() - $5::interval) RETURNING id`,
          [org, kind, deviceId, `${kind}:device:${deviceId}:${randomUUID()}`, ago],
        )
      )[0]!.id;
    const ticketOf = async (alertId: string) => (await systemQuery<{ id: string; title: string; opened_by: string | null }>(t, `SELECT id, title, opened_by FROM maintenance_tickets WHERE alert_id = $1`, [alertId]))[0];

    const refused = await t.http('PUT', '/v1/maintenance/settings', as('f1@fridge.demo', { autoTicketKinds: ['REFUND_STUCK'] }));
    expect(refused.statusCode).toBe(400);
    expect((refused.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['autoTicketKinds']);
    expect((await t.http('PUT', '/v1/maintenance/settings', as('tech@fridge.demo', { autoTicketKinds: [] }))).statusCode).toBe(403);
    const set = await t.http('PUT', '/v1/maintenance/settings', as('f1@fridge.demo', { autoTicketKinds: ['DEVICE_OFFLINE'] }));
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ autoTicketKinds: ['DEVICE_OFFLINE'], available: expect.arrayContaining(['DEVICE_OFFLINE', 'DEVICE_START_FAILURES']) });
    expect((await t.http('PUT', '/v1/maintenance/settings', as('ops@fridge.demo', { autoTicketKinds: ['DEVICE_START_FAILURES'] }))).statusCode).toBe(200);
    expect((await t.http('GET', '/v1/maintenance/settings', as('f1@fridge.demo'))).json()).toMatchObject({ autoTicketKinds: ['DEVICE_OFFLINE'] });

    const offline = await raise(DEMO_ORGS.fridgeF1.id, FR1.id, 'DEVICE_OFFLINE');
    const earlier = await raise(DEMO_ORGS.fridgeF1.id, FR1.id, 'DEVICE_OFFLINE', '1 hour');
    const f2Failures = await raise(DEMO_ORGS.fridgeF2.id, FR2.id, 'DEVICE_START_FAILURES'); // the brand's choice
    const f2Offline = await raise(DEMO_ORGS.fridgeF2.id, FR2.id, 'DEVICE_OFFLINE'); // nobody chose it for F2

    const jobs = t.app.get(MaintenanceJobs);
    await jobs.openAutoTickets();
    expect(await ticketOf(offline)).toMatchObject({ title: '设备离线', opened_by: null });
    expect(await ticketOf(f2Failures)).toMatchObject({ title: '设备连续启动失败' });
    expect(await ticketOf(earlier)).toBeUndefined();
    expect(await ticketOf(f2Offline)).toBeUndefined();
    // once per alert, however often it runs; opening it by hand then answers the same ticket
    expect(await jobs.openAutoTickets()).toBe(0);
    const byHand = await t.http('POST', '/v1/maintenance/tickets', as('f1@fridge.demo', { alertId: offline }));
    expect(byHand.statusCode).toBe(200);
    expect((byHand.json() as Ticket).id).toBe((await ticketOf(offline))!.id);
    // the franchisee sees its automatic ticket; the other franchisee does not
    expect((await t.http('GET', `/v1/maintenance/tickets/${(await ticketOf(offline))!.id}`, as('f2@fridge.demo'))).statusCode).toBe(404);
    // switched off again: no more automatic tickets for the franchisee
    expect((await t.http('PUT', '/v1/maintenance/settings', as('f1@fridge.demo', { autoTicketKinds: [] }))).json()).toMatchObject({ autoTicketKinds: [] });
    const later = await raise(DEMO_ORGS.fridgeF1.id, FR1.id, 'DEVICE_OFFLINE');
    await jobs.openAutoTickets();
    expect(await ticketOf(later)).toBeUndefined();
  });
});
