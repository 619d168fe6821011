// The complaints room against one API and one simulator on loopback: a complaint whose callback is lost is found by the
// periodic catch-up (once: running it again changes nothing); its images are listed and opened only by URLs WeChat
// listed; images are uploaded as raw bytes (type by magic, ≤ 2 MiB) and used in a reply; the list filters by session;
// the legal entity's complaint rate above its threshold raises COMPLAINT_RATE once and reaches its webhook.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AlertsEvaluator } from '../src/modules/alerts/alerts.evaluator.js';
import { verifySignature } from '../src/modules/alerts/webhook-payload.js';
import { ComplaintSync } from '../src/modules/complaints/complaint-sync.service.js';
import { DEMO_MERCHANTS, DEMO_ORGS } from '../src/modules/demo/demo-data.js';
import { systemQuery } from './fleet-support.js';
import { LoopHarness } from './support/loop-harness.js';

type Complaint = {
  id: string;
  complaintId: string;
  state: string;
  sessionId: string | null;
  media?: { mediaType: string; urls: string[] }[];
  actions?: { kind: string; state: string; error: string | null }[];
};

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 7), Buffer.from([0xff, 0xd9])]);
const idem = () => ({ 'idempotency-key': randomUUID() });
const FR_ACCOUNT = DEMO_MERCHANTS.fridge.id;

let loop: LoopHarness;
const tokens: Record<string, string> = {};
let receiver: Server;
let receiverUrl: string;
const received: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
let complaint: Complaint;
let sessionId: string;

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function raw(method: string, path: string, token: string, body?: Buffer, contentType?: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(`${loop.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(contentType ? { 'content-type': contentType } : {}) },
    ...(body ? { body } : {}),
  });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}
const json = (bytes: Buffer) => JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;

beforeAll(async () => {
  loop = await LoopHarness.start({ sessions: { confirmTimeoutSeconds: 120, startTimeoutSeconds: 120, reconcileAfterSeconds: 1 } });
  for (const login of ['ops@fridge.demo', 'f1@fridge.demo', 'f2@fridge.demo', 'ops@powerbank.demo']) tokens[login] = await loop.operator(login);
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await loop?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('complaints room', () => {
  it('a complaint whose callback is lost appears after the catch-up; a second catch-up changes nothing', async () => {
    const ops = tokens['ops@fridge.demo']!;
    expect((await loop.request('PUT', `/v1/merchant-accounts/${FR_ACCOUNT}/complaint-notification-url`, { token: ops })).status).toBe(200);

    const openid = 'lost-callback';
    const consumer = await loop.consumer(openid);
    const scanned = await loop.request<{ sessionId: string; outOrderNo: string }>('POST', '/v1/consumer/sessions', { token: consumer, body: { deviceCode: 'FR-0001' } });
    expect(scanned.status).toBe(201);
    sessionId = scanned.body.sessionId;
    const { outOrderNo } = scanned.body;
    expect((await loop.decide(outOrderNo, openid, 'confirm')).status).toBe(200);
    await loop.waitFor(sessionId, consumer, (s) => s['state'] === 'STARTING');
    const ended = await loop.request('POST', `/v1/sessions/${sessionId}/end`, {
      token: ops,
      headers: idem(),
      body: { endedAt: new Date().toISOString(), reason: '设备漏报结束', usage: { items: [{ sku: 'sandwich-ham', count: 1 }] } },
    });
    expect(ended.status).toBe(200);
    expect((await loop.waitFor(sessionId, consumer, (s) => s['state'] === 'PAID'))['state']).toBe('PAID');

    // WeChat's complaint notification is lost
    expect((await loop.simRequest('POST', '/sim/callbacks', { drop: true })).status).toBe(200);
    const raised = await loop.simRequest<{ complaintId: string }>('POST', '/sim/complaints', { mchid: DEMO_MERCHANTS.fridge.mchid, outOrderNo, text: '柜门打不开，却扣了钱' });
    expect(raised.status).toBe(200);
    expect((await loop.simRequest('POST', '/sim/callbacks', { drop: false })).status).toBe(200);
    const deliveries = await loop.simRequest<{ deliveries: { eventType: string; state: string }[] }>('GET', '/sim/callbacks');
    expect(deliveries.body.deliveries.filter((d) => d.eventType === 'COMPLAINT.CREATE').map((d) => d.state)).toEqual(['dropped']);
    expect((await loop.request<{ total: number }>('GET', '/v1/complaints', { token: ops })).body.total).toBe(0);

    // the periodic catch-up lists WeChat's complaints and syncs the unknown one through the callback's sync job
    const sync = loop.zizhu.app.get(ComplaintSync);
    const first = await sync.catchUp();
    expect(first).toMatchObject({ accounts: 1, listed: 1, queued: 1, failed: 0 });
    const listed = await until(
      () => loop.request<{ items: Complaint[]; total: number }>('GET', '/v1/complaints', { token: ops }).then((a) => a.body),
      (b) => b.total === 1,
    );
    expect(listed.items).toEqual([expect.objectContaining({ complaintId: raised.body.complaintId, state: 'PENDING', sessionId })]);
    complaint = listed.items[0]!;
    const before = await systemQuery<{ synced_at: Date; n: number }>(loop.zizhu, `SELECT synced_at, (SELECT count(*)::int FROM complaints) AS n FROM complaints WHERE id = $1`, [complaint.id]);

    // again: nothing unknown or changed, nothing queued, nothing rewritten
    expect(await sync.catchUp()).toMatchObject({ accounts: 1, listed: 1, queued: 0, failed: 0 });
    const after = await systemQuery<{ synced_at: Date; n: number }>(loop.zizhu, `SELECT synced_at, (SELECT count(*)::int FROM complaints) AS n FROM complaints WHERE id = $1`, [complaint.id]);
    expect(after).toEqual(before);
    expect(after[0]!.n).toBe(1);

    // the list filters by session
    expect((await loop.request<{ total: number }>('GET', `/v1/complaints?sessionId=${sessionId}`, { token: ops })).body.total).toBe(1);
    expect((await loop.request<{ total: number }>('GET', `/v1/complaints?sessionId=${randomUUID()}`, { token: ops })).body.total).toBe(0);
    expect((await loop.request('GET', '/v1/complaints?sessionId=not-a-uuid', { token: ops })).status).toBe(400);
  });

  it('the complaint’s images: listed in its detail, opened only by a listed URL, for whoever reads the complaint', async () => {
    const ops = tokens['ops@fridge.demo']!;
    const detail = await loop.request<Complaint>('GET', `/v1/complaints/${complaint.id}`, { token: ops });
    expect(detail.body.media).toEqual([{ mediaType: 'USER_COMPLAINT_IMAGE', urls: [expect.stringContaining('/v3/merchant-service/images/')] }]);
    const url = detail.body.media![0]!.urls[0]!;
    expect(url).toMatch(/%3D%3D$/); // percent-encoded: signed exactly as given

    const image = await raw('GET', `/v1/complaints/${complaint.id}/media?url=${encodeURIComponent(url)}`, ops);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.bytes.equals(PNG)).toBe(true);
    // the franchisee whose session it is reads it too; its sibling and another operator do not see the complaint
    expect((await raw('GET', `/v1/complaints/${complaint.id}/media?url=${encodeURIComponent(url)}`, tokens['f1@fridge.demo']!)).status).toBe(200);
    for (const login of ['f2@fridge.demo', 'ops@powerbank.demo']) {
      const other = await raw('GET', `/v1/complaints/${complaint.id}/media?url=${encodeURIComponent(url)}`, tokens[login]!);
      expect(other.status).toBe(404);
      expect(json(other.bytes)['code']).toBe('COMPLAINT_NOT_FOUND');
    }
    // a URL the complaint does not list is never fetched (not even another image of the same merchant)
    for (const other of [`${url}x`, url.replace(/images\/.*/, 'images/upload'), 'http://169.254.169.254/latest/meta-data']) {
      const refused = await raw('GET', `/v1/complaints/${complaint.id}/media?url=${encodeURIComponent(other)}`, ops);
      expect(refused.status).toBe(404);
      expect(json(refused.bytes)['code']).toBe('COMPLAINT_MEDIA_NOT_FOUND');
    }
  });

  it('images are uploaded as raw bytes (type by magic, at most 2 MiB) and used in a reply', async () => {
    const ops = tokens['ops@fridge.demo']!;
    const path = `/v1/complaints/${complaint.id}/images`;
    const uploaded = await raw('POST', path, ops, PNG, 'image/png');
    expect(uploaded.status).toBe(201);
    const mediaId = String(json(uploaded.bytes)['mediaId']);
    expect(mediaId).not.toBe('');
    // WeChat (the simulator) holds the same bytes, on the complaint's merchant
    const atWechatImage = await fetch(`${loop.sim.url}/sim/uploads/${encodeURIComponent(mediaId)}`);
    expect(atWechatImage.headers.get('x-sim-mchid')).toBe(DEMO_MERCHANTS.fridge.mchid);
    expect(Buffer.from(await atWechatImage.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await raw('POST', path, ops, JPEG, 'image/jpeg')).status).toBe(201);

    const wrongHeader = await raw('POST', path, ops, PNG, 'image/gif');
    expect(wrongHeader.status).toBe(415);
    expect(json(wrongHeader.bytes)).toMatchObject({ code: 'COMPLAINT_IMAGE_TYPE', errors: [{ field: 'content-type' }] });
    const asJson = await raw('POST', path, ops, Buffer.from('{"image":"x"}'), 'application/json');
    expect(asJson.status).toBe(415);
    expect(json(asJson.bytes)).toMatchObject({ code: 'COMPLAINT_IMAGE_TYPE', errors: [{ field: 'content-type' }] });
    // the declared type is checked after authentication: a stranger learns nothing but 401
    expect((await fetch(`${loop.apiUrl}${path}`, { method: 'POST', headers: { 'content-type': 'image/gif' }, body: PNG })).status).toBe(401);
    const mismatch = await raw('POST', path, ops, PNG, 'image/jpeg');
    expect(mismatch.status).toBe(415);
    expect(json(mismatch.bytes)).toMatchObject({ code: 'COMPLAINT_IMAGE_TYPE', errors: [{ field: 'body' }] });
    const notAnImage = await raw('POST', path, ops, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/png');
    expect(notAnImage.status).toBe(415);
    expect(json(notAnImage.bytes)).toMatchObject({ code: 'COMPLAINT_IMAGE_TYPE', errors: [{ field: 'body' }] });
    const big = Buffer.concat([JPEG, Buffer.alloc(2 * 1024 * 1024 + 1 - JPEG.length)]);
    const tooLarge = await raw('POST', path, ops, big, 'image/jpeg');
    expect(tooLarge.status).toBe(413);
    expect(json(tooLarge.bytes)).toMatchObject({ code: 'COMPLAINT_IMAGE_TOO_LARGE', errors: [{ field: 'body' }] });
    // the same rule as replying: the franchisee reads the complaint its brand received but does not act on it; another operator gets 404
    const byFranchisee = await raw('POST', path, tokens['f1@fridge.demo']!, PNG, 'image/png');
    expect([byFranchisee.status, json(byFranchisee.bytes)['code']]).toEqual([404, 'COMPLAINT_NOT_YOURS_TO_ACT']);
    expect((await raw('POST', path, tokens['ops@powerbank.demo']!, PNG, 'image/png')).status).toBe(404);

    const reply = await loop.request('POST', `/v1/complaints/${complaint.id}/reply`, { token: ops, headers: idem(), body: { content: '已核实，附图为处理结果', images: [mediaId] } });
    expect(reply.status).toBe(202);
    const replied = await until(
      () => loop.request<Complaint>('GET', `/v1/complaints/${complaint.id}`, { token: ops }).then((a) => a.body),
      (c) => c.actions?.[0]?.state !== 'PENDING' && c.state === 'PROCESSING',
    );
    expect(replied).toMatchObject({ state: 'PROCESSING', actions: [{ kind: 'REPLY', state: 'SUCCEEDED', error: null }] });
    const atWechat = await loop.simRequest<{ sim: { history: { operate_type: string; image_list: string[] }[] } }>('GET', `/sim/complaints/${complaint.complaintId}`);
    expect(atWechat.body.sim.history.filter((h) => h.operate_type === 'MERCHANT_RESPONSE')).toEqual([expect.objectContaining({ image_list: [mediaId] })]);
    const audit = await systemQuery<{ n: number }>(loop.zizhu, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'complaint.image.upload' AND resource_id = $1`, [complaint.id]);
    expect(audit[0]!.n).toBe(2);
  });

  it('the legal entity’s 30-day complaint rate above its threshold raises COMPLAINT_RATE once and reaches its webhook', async () => {
    const ops = tokens['ops@fridge.demo']!;
    const hook = await loop.request<{ secret: string }>('PUT', '/v1/alert-webhooks', { token: ops, body: { url: `${receiverUrl}/brand`, format: 'JSON' } });
    expect(hook.status).toBe(200);
    // the overview's rate (one definition): 1 complaint over the paid orders, far above 0.01 %
    type Rate = { id: string; complaints: number; paidOrders: number; rate: number | null };
    const overview = await loop.request<{ complaintRates: { byLegalEntity: Rate[] } }>('GET', '/v1/overview', { token: ops });
    const entity = overview.body.complaintRates.byLegalEntity.find((r) => r.id === DEMO_ORGS.fridge.id)!;
    expect(entity).toMatchObject({ complaints: 1 });
    expect(entity.rate! * 100).toBeGreaterThan(0.01);

    const evaluator = loop.zizhu.app.get(AlertsEvaluator);
    expect(await evaluator.evaluateKind('COMPLAINT_RATE')).toEqual({ raised: 1, resolved: 0 });
    expect(await evaluator.evaluateKind('COMPLAINT_RATE')).toEqual({ raised: 0, resolved: 0 });
    type Alert = { id: string; subjectType: string; subjectId: string; state: string; facts: Record<string, unknown> };
    const alerts = async (login: string) => (await loop.request<{ items: Alert[] }>('GET', '/v1/alerts?kind=COMPLAINT_RATE', { token: tokens[login] })).body.items;
    const [alert, ...more] = await alerts('ops@fridge.demo');
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ subjectType: 'organization', subjectId: DEMO_ORGS.fridge.id, state: 'OPEN', facts: { complaints: 1, paidOrders: entity.paidOrders, thresholdPercent: 0.01, windowDays: 30 } });
    expect(await alerts('ops@powerbank.demo')).toEqual([]);

    const delivered = await until(
      async () => received.filter((r) => r.path === '/brand' && r.body.includes(alert!.id)),
      (calls) => calls.length >= 1,
    );
    expect(delivered).toHaveLength(1);
    const call = delivered[0]!;
    expect(verifySignature(hook.body.secret, String(call.headers['x-zizhu-timestamp']), call.body, String(call.headers['x-zizhu-signature']))).toBe(true);
    expect(JSON.parse(call.body)).toMatchObject({ event: 'alert.raised', alert: { id: alert!.id, organizationId: DEMO_ORGS.fridge.id, kind: 'COMPLAINT_RATE' } });

    // a threshold above the rate resolves it; back under it the same day, the resolved episode does not fire again
    expect((await loop.request('PUT', '/v1/alert-rules', { token: ops, body: { rules: [{ kind: 'COMPLAINT_RATE', enabled: true, threshold: 100 }] } })).status).toBe(200);
    expect(await evaluator.evaluateKind('COMPLAINT_RATE')).toEqual({ raised: 0, resolved: 1 });
    expect((await loop.request('PUT', '/v1/alert-rules', { token: ops, body: { rules: [{ kind: 'COMPLAINT_RATE', enabled: true, threshold: 0.01 }] } })).status).toBe(200);
    expect(await evaluator.evaluateKind('COMPLAINT_RATE')).toEqual({ raised: 0, resolved: 0 });
    expect((await alerts('ops@fridge.demo')).map((a) => a.state)).toEqual(['RESOLVED']);
  });
});
