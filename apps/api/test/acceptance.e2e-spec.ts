import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Fleet, type SessionScript } from '@zizhu/fleet-sim';
import { DEMO_DEVICES, DEMO_MERCHANTS } from '../src/modules/demo/demo-data.js';
import { systemQuery } from './fleet-support.js';
import { LoopHarness } from './support/loop-harness.js';

interface Problem { code?: string; errors?: { field: string }[] }
interface Session { sessionId: string; state: string; outOrderNo: string; transactionId: string | null; createdAt: string; confirmedAt: string | null; finishedAt: string | null; amountFen: number | null }
interface Item { key: string; source: string; where: string; upload: boolean; evidenceIds: string[]; notApplicableReason: string | null; done: boolean }
interface Run extends Problem {
  id: string; serviceId: string; deviceCode: string; userPagePath: string; offline: boolean; simulatorUrl: string | null; createdAt: string; finishedAt: string | null; reviewDay: string;
  completed: Session | null; cancelled: Session | null; checklist: Item[]; missing: string[]; notes: string[];
}
interface File extends Problem { id: string; purpose: string; name: string; contentType: string; size: number; sha256: string; uploadedAt: string; uploadedBy: string | null }

/** The acceptance kit (issue 14, 2.3) of the water customer's account: a run watching WV-0001, played through the simulator and the fleet simulator. */
let loop: LoopHarness;
let fleet: Fleet;
const stop = new AbortController();
let running: Promise<void>;
const scripts = new Map<string, SessionScript>();
const tokens: Record<string, string> = {};
const account = DEMO_MERCHANTS.vendorC2.id;
const serviceId = DEMO_MERCHANTS.vendorC2.services[0].serviceId;
const device = DEMO_DEVICES.find((d) => d.code === 'WV-0001')!;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('not really an image but bytes')]);

const api = async <T = Run>(method: string, path: string, body?: unknown, login = 'c2@vendor.demo') =>
  loop.request<T>(method, `/v1/merchant-accounts/${account}${path}`, { token: tokens[login]!, ...(body !== undefined ? { body } : {}) });

async function upload(purpose: string, name: string, bytes: Buffer, contentType = 'image/png', login = 'c2@vendor.demo'): Promise<{ status: number; body: File }> {
  const response = await fetch(`${loop.apiUrl}/v1/merchant-accounts/${account}/evidence?purpose=${encodeURIComponent(purpose)}&name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[login]!}`, 'content-type': contentType },
    body: bytes,
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as File };
}

const fieldOf = (b: Problem) => b.errors?.[0]?.field;
const terminal = (s: Record<string, unknown>) => s['state'] === 'PAID' || s['state'] === 'CANCELLED';

beforeAll(async () => {
  loop = await LoopHarness.start({ sessions: { confirmTimeoutSeconds: 4, startTimeoutSeconds: 3, reconcileAfterSeconds: 1 } });
  for (const login of ['c2@vendor.demo', 'ops@vendor.demo', 'ops@powerbank.demo', 'admin@zizhu.demo']) tokens[login] = await loop.operator(login);
  const wv = await loop.demoDevice('WV-0001', tokens['c2@vendor.demo']!);
  fleet = loop.scriptedFleet([wv], scripts);
  running = fleet.start(stop.signal);
});

afterAll(async () => {
  stop.abort();
  await running;
  await loop.close();
});

describe('the acceptance kit of a merchant account', () => {
  let run: Run;

  it('refuses a run on a service id or a device that does not fit, naming the field', async () => {
    const unknown = await api('POST', '/acceptance-runs', { serviceId: '9999', deviceId: device.id });
    expect([unknown.status, unknown.body.code, fieldOf(unknown.body)]).toEqual([422, 'ACCEPTANCE_RUN_INVALID', 'serviceId']);
    const other = DEMO_DEVICES.find((d) => d.code === 'EV-0001')!; // another account's device
    const foreign = await api('POST', '/acceptance-runs', { serviceId, deviceId: other.id });
    expect([foreign.status, foreign.body.code, fieldOf(foreign.body)]).toEqual([422, 'ACCEPTANCE_RUN_INVALID', 'deviceId']);
    const malformed = await api('POST', '/acceptance-runs', { serviceId });
    expect(malformed.status).toBe(400);
  });

  it('starts a run that is offline against the simulator, with the checklist and the review day', async () => {
    // a session before the run does not count
    const early = await loop.consumer('acceptance-early');
    const before = await loop.request<{ sessionId: string; outOrderNo: string }>('POST', '/v1/consumer/sessions', { token: early, body: { deviceCode: 'WV-0001' } });
    expect(before.status).toBe(201);
    expect((await loop.decide(before.body.outOrderNo, 'acceptance-early', 'refuse')).status).toBe(200);
    expect((await loop.request('POST', `/v1/consumer/sessions/${before.body.sessionId}/cancel`, { token: early })).status).toBe(200);
    expect((await loop.waitFor(before.body.sessionId, early, terminal))['state']).toBe('CANCELLED');

    const created = await api('POST', '/acceptance-runs', { serviceId, deviceId: device.id });
    expect(created.status).toBe(201);
    run = created.body;
    expect(run).toMatchObject({ serviceId, deviceCode: 'WV-0001', userPagePath: '/d/WV-0001', offline: true, simulatorUrl: loop.sim.url, completed: null, cancelled: null, finishedAt: null });
    expect(run.notes.join()).toContain('真实微信');
    expect(run.checklist.map((c) => [c.key, c.source, c.done])).toEqual([
      ['SCREEN_RECORDING', 'REAL_WECHAT_APP', false],
      ['ONSITE_VIDEO', 'REAL_WECHAT_APP', false],
      ['COMPLETED_ORDER_DETAIL', 'REAL_WECHAT_APP', false],
      ['CANCELLED_ORDER_DETAIL', 'REAL_WECHAT_APP', false],
      ['PLATFORM_RECORDS', 'PLATFORM', false],
    ]);
    expect(run.checklist.find((c) => c.key === 'COMPLETED_ORDER_DETAIL')!.where).toContain('微信支付分');
    expect([2, 4]).toContain(new Date(`${run.reviewDay}T00:00:00Z`).getUTCDay());
    expect(run.missing).toEqual(['completedSession', 'cancelledSession', 'SCREEN_RECORDING', 'ONSITE_VIDEO', 'COMPLETED_ORDER_DETAIL', 'CANCELLED_ORDER_DETAIL']);
  });

  it('records the first paid and the first cancelled session on the device after the run', async () => {
    const payer = await loop.consumer('acceptance-payer');
    const paid = await loop.request<{ sessionId: string; outOrderNo: string }>('POST', '/v1/consumer/sessions', { token: payer, body: { deviceCode: 'WV-0001' } });
    expect(paid.status).toBe(201);
    scripts.set(paid.body.sessionId, { endAfterMs: 100, volumeMillilitres: 1000 });
    expect((await loop.decide(paid.body.outOrderNo, 'acceptance-payer', 'confirm')).status).toBe(200);
    expect((await loop.waitFor(paid.body.sessionId, payer, terminal))['state']).toBe('PAID');

    const refuser = await loop.consumer('acceptance-refuser');
    const cancelled = await loop.request<{ sessionId: string; outOrderNo: string }>('POST', '/v1/consumer/sessions', { token: refuser, body: { deviceCode: 'WV-0001' } });
    expect(cancelled.status).toBe(201);
    expect((await loop.decide(cancelled.body.outOrderNo, 'acceptance-refuser', 'refuse')).status).toBe(200);
    expect((await loop.request('POST', `/v1/consumer/sessions/${cancelled.body.sessionId}/cancel`, { token: refuser })).status).toBe(200);
    expect((await loop.waitFor(cancelled.body.sessionId, refuser, terminal))['state']).toBe('CANCELLED');

    const { status, body } = await api('GET', `/acceptance-runs/${run.id}`);
    expect(status).toBe(200);
    expect(body.completed).toMatchObject({ sessionId: paid.body.sessionId, state: 'PAID', outOrderNo: paid.body.outOrderNo });
    expect(body.completed!.transactionId).toEqual(expect.any(String));
    expect(body.completed!.confirmedAt).not.toBeNull();
    expect(body.completed!.finishedAt).not.toBeNull();
    expect(body.completed!.amountFen).toBeGreaterThan(0);
    expect(body.cancelled).toMatchObject({ sessionId: cancelled.body.sessionId, state: 'CANCELLED', outOrderNo: cancelled.body.outOrderNo, amountFen: null });
    expect(body.cancelled!.finishedAt).not.toBeNull();
    expect(body.checklist.find((c) => c.key === 'PLATFORM_RECORDS')!.done).toBe(true);
    expect(body.missing).toEqual(['SCREEN_RECORDING', 'ONSITE_VIDEO', 'COMPLETED_ORDER_DETAIL', 'CANCELLED_ORDER_DETAIL']);
    const list = await api<{ items: Run[] }>('GET', '/acceptance-runs');
    expect(list.body.items.map((r) => r.id)).toEqual([run.id]);
  });

  it('stores, lists, downloads and deletes evidence with its sha256', async () => {
    const stored = await upload('step:1.3', '客服电话 验证.png', PNG);
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({ purpose: 'step:1.3', name: '客服电话 验证.png', contentType: 'image/png', size: PNG.length, sha256: createHash('sha256').update(PNG).digest('hex') });
    expect(stored.body.uploadedBy).toEqual(expect.any(String));
    const listed = await api<{ items: File[] }>('GET', '/evidence?purpose=step%3A1.3');
    expect(listed.body.items.map((f) => f.id)).toEqual([stored.body.id]);
    expect((await api<{ items: File[] }>('GET', '/evidence?purpose=step%3A1.1')).body.items).toEqual([]);
    const download = await fetch(`${loop.apiUrl}/v1/merchant-accounts/${account}/evidence/${stored.body.id}/content`, { headers: { authorization: `Bearer ${tokens['c2@vendor.demo']!}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('客服电话 验证.png')}`);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(stored.body.sha256);

    // a step refers to the file: its name, type and size come from it, and the file cannot be deleted meanwhile
    const step = await api<{ steps: { key: string; evidence: Record<string, unknown>[] }[] }>('PUT', '/onboarding/steps/1.3', { state: 'IN_PROGRESS', evidence: [{ fileId: stored.body.id, note: '截图' }, { fileName: '只记元数据.pdf', sizeBytes: 10 }] });
    expect(step.status).toBe(200);
    expect(step.body.steps.find((s) => s.key === '1.3')!.evidence).toEqual([
      expect.objectContaining({ fileId: stored.body.id, fileName: '客服电话 验证.png', contentType: 'image/png', sizeBytes: PNG.length, note: '截图' }),
      expect.objectContaining({ fileName: '只记元数据.pdf', sizeBytes: 10 }),
    ]);
    const wrongStep = await api<Problem>('PUT', '/onboarding/steps/1.1', { state: 'TODO', evidence: [{ fileId: stored.body.id }] });
    expect([wrongStep.status, wrongStep.body.code, fieldOf(wrongStep.body)]).toEqual([422, 'EVIDENCE_INVALID', 'evidence.fileId']);
    const locked = await api<Problem>('DELETE', `/evidence/${stored.body.id}`);
    expect([locked.status, locked.body.code]).toEqual([409, 'EVIDENCE_LOCKED']);
    expect((await api('PUT', '/onboarding/steps/1.3', { state: 'IN_PROGRESS', evidence: [] })).status).toBe(200);

    expect((await api('DELETE', `/evidence/${stored.body.id}`)).status).toBe(204);
    expect((await api<{ items: File[] }>('GET', '/evidence')).body.items.map((f) => f.id)).not.toContain(stored.body.id);
    expect((await api<Problem>('GET', `/evidence/${stored.body.id}/content`)).status).toBe(404);
    const audit = await systemQuery<{ action: string }>(loop.zizhu, `SELECT action FROM audit_log WHERE resource_id = $1 AND action LIKE 'merchant-account.evidence.%' ORDER BY occurred_at`, [account]);
    expect(audit.map((a) => a.action)).toEqual(['merchant-account.evidence.upload', 'merchant-account.evidence.delete']);
  });

  it('takes a file of exactly 10 MiB and gives the same bytes back', async () => {
    const limit = Buffer.alloc(10 * 1024 * 1024, 7);
    limit.write('zizhu', 12_345);
    const stored = await upload('step:2.3', '验收录屏.mp4', limit, 'video/mp4');
    expect([stored.status, stored.body.size]).toEqual([201, limit.length]);
    const download = await fetch(`${loop.apiUrl}/v1/merchant-accounts/${account}/evidence/${stored.body.id}/content`, { headers: { authorization: `Bearer ${tokens['c2@vendor.demo']!}` } });
    const bytes = Buffer.from(await download.arrayBuffer());
    expect([bytes.length, createHash('sha256').update(bytes).digest('hex')]).toEqual([limit.length, createHash('sha256').update(limit).digest('hex')]);
    expect((await api('DELETE', `/evidence/${stored.body.id}`)).status).toBe(204);
  });

  it('refuses a file too large, of another type, empty, or for an unknown purpose, naming the field, and stores nothing', async () => {
    const large = await upload('step:1.1', 'big.mp4', Buffer.alloc(10 * 1024 * 1024 + 1, 1), 'video/mp4');
    expect([large.status, large.body.code, fieldOf(large.body)]).toEqual([413, 'EVIDENCE_TOO_LARGE', 'body']);
    const exe = await upload('step:1.1', 'tool.exe', Buffer.from('MZ'), 'application/x-msdownload');
    expect([exe.status, exe.body.code, fieldOf(exe.body)]).toEqual([422, 'EVIDENCE_INVALID', 'contentType']);
    const empty = await upload('step:1.1', 'empty.txt', Buffer.alloc(0), 'text/plain');
    expect([empty.status, empty.body.code, fieldOf(empty.body)]).toEqual([422, 'EVIDENCE_INVALID', 'body']);
    for (const purpose of ['step:3.1', 'anything', `acceptance:${run.id}:PLATFORM_RECORDS`, `acceptance:${run.id}:NOPE`]) {
      const bad = await upload(purpose, 'a.txt', Buffer.from('x'), 'text/plain');
      expect([purpose, bad.status, bad.body.code, fieldOf(bad.body)]).toEqual([purpose, 422, 'EVIDENCE_INVALID', 'purpose']);
    }
    const otherRun = await upload('acceptance:00000000-0000-4000-8000-00000000abcd:SCREEN_RECORDING', 'a.txt', Buffer.from('x'), 'text/plain');
    expect([otherRun.status, fieldOf(otherRun.body)]).toEqual([422, 'purpose']);
    const noName = await upload('step:1.1', '', Buffer.from('x'), 'text/plain');
    expect([noName.status, fieldOf(noName.body)]).toEqual([422, 'name']);
    const listed = await api<{ items: File[] }>('GET', '/evidence');
    expect(listed.body.items).toEqual([]);
    const badList = await api<Problem>('GET', '/evidence?purpose=nope');
    expect([badList.status, fieldOf(badList.body)]).toEqual([422, 'purpose']);
  });

  it('is not visible to another brand, nor to the reseller of the account’s organisation (404)', async () => {
    const mine = await upload(`acceptance:${run.id}:SCREEN_RECORDING`, '录屏.mp4', Buffer.from('fake mp4 bytes'), 'video/mp4');
    expect(mine.status).toBe(201);
    for (const login of ['ops@powerbank.demo', 'ops@vendor.demo']) {
      expect([login, (await api<Problem>('GET', '/acceptance-runs', undefined, login)).status]).toEqual([login, 404]);
      expect((await api<Problem>('GET', `/acceptance-runs/${run.id}`, undefined, login)).status).toBe(404);
      expect((await api<Problem>('GET', '/evidence', undefined, login)).body.code).toBe('MERCHANT_ACCOUNT_NOT_FOUND');
      expect((await api<Problem>('GET', `/evidence/${mine.body.id}/content`, undefined, login)).status).toBe(404);
      expect((await api<Problem>('DELETE', `/evidence/${mine.body.id}`, undefined, login)).status).toBe(404);
      expect((await upload('step:1.1', 'x.txt', Buffer.from('x'), 'text/plain', login)).status).toBe(404);
      expect((await api<Problem>('POST', '/acceptance-runs', { serviceId, deviceId: device.id }, login)).status).toBe(404);
    }
    const admin = await api('GET', `/acceptance-runs/${run.id}`, undefined, 'admin@zizhu.demo');
    expect(admin.status).toBe(200);
    expect(admin.body.checklist.find((c) => c.key === 'SCREEN_RECORDING')!.evidenceIds).toEqual([mine.body.id]);
  });

  it('refuses to finish until the checklist is complete, then keeps the run’s evidence', async () => {
    const early = await api('POST', `/acceptance-runs/${run.id}/finish`);
    expect([early.status, early.body.code, early.body.errors?.map((e) => e.field)]).toEqual([422, 'ACCEPTANCE_RUN_INCOMPLETE', ['ONSITE_VIDEO', 'COMPLETED_ORDER_DETAIL', 'CANCELLED_ORDER_DETAIL']]);
    for (const key of ['COMPLETED_ORDER_DETAIL', 'CANCELLED_ORDER_DETAIL']) expect((await upload(`acceptance:${run.id}:${key}`, `${key}.png`, PNG)).status).toBe(201);
    const notApplicable = await api('PUT', `/acceptance-runs/${run.id}/checklist/ONSITE_VIDEO`, { notApplicableReason: '设备在室内，录屏已覆盖全过程' });
    expect(notApplicable.status).toBe(200);
    expect(notApplicable.body.checklist.find((c) => c.key === 'ONSITE_VIDEO')).toMatchObject({ done: true, notApplicableReason: '设备在室内，录屏已覆盖全过程' });
    const platform = await api('PUT', `/acceptance-runs/${run.id}/checklist/PLATFORM_RECORDS`, { notApplicableReason: 'x' });
    expect([platform.status, fieldOf(platform.body)]).toEqual([422, 'key']);
    const finished = await api('POST', `/acceptance-runs/${run.id}/finish`);
    expect(finished.status).toBe(200);
    expect(finished.body.finishedAt).not.toBeNull();
    expect(finished.body.missing).toEqual([]);
    const evidenceId = finished.body.checklist.find((c) => c.key === 'SCREEN_RECORDING')!.evidenceIds[0]!;
    const keep = await api('DELETE', `/evidence/${evidenceId}`);
    expect([keep.status, keep.body.code]).toEqual([409, 'EVIDENCE_LOCKED']);
    const more = await upload(`acceptance:${run.id}:SCREEN_RECORDING`, 'again.mp4', Buffer.from('x'), 'video/mp4');
    expect([more.status, more.body.code]).toEqual([409, 'ACCEPTANCE_RUN_FINISHED']);
    expect((await api('POST', `/acceptance-runs/${run.id}/finish`)).status).toBe(409);
    const audit = await systemQuery<{ action: string }>(loop.zizhu, `SELECT action FROM audit_log WHERE resource_id = $1 AND action LIKE 'merchant-account.acceptance-run.%' ORDER BY occurred_at`, [account]);
    expect(audit.map((a) => a.action)).toEqual(['merchant-account.acceptance-run.create', 'merchant-account.acceptance-run.item.set', 'merchant-account.acceptance-run.finish']);
  });
});
