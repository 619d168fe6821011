// The daily trade bill: apply → download → SHA1 → CSV with AUTH rows carrying wxzff|order_id|out_order_no.
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  authorization,
  completeBody,
  confirmedOrder,
  newMerchant,
  queryOrder,
  registrationBody,
  simGet,
  simPost,
  startHarness,
  WxTestClient,
  type Harness,
} from './support/wx-test-kit.js';

const DAY = 86400_000;
const beijingDate = (ms: number): string => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
const beijingDayStart = (date: string): number => Date.parse(`${date}T00:00:00+08:00`);

async function waitDone(h: Harness, no: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200; i++) {
    const q = await queryOrder(h, no);
    if (q.json['state'] === 'DONE') return q.json;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('not paid');
}

function parseBill(csv: string): { header: string[]; rows: Array<Record<string, string>>; summaryHeader: string[]; summary: string[] } {
  const lines = csv.split('\r\n').filter((l) => l !== '');
  const header = (lines[0] ?? '').split(',');
  const strip = (line: string) => line.split(',').map((f) => {
    expect(f.startsWith('`')).toBe(true);
    return f.slice(1);
  });
  const rows = lines.slice(1, -2).map((l) => Object.fromEntries(strip(l).map((v, i) => [header[i] ?? `#${i}`, v])));
  return { header, rows, summaryHeader: (lines[lines.length - 2] ?? '').split(','), summary: strip(lines[lines.length - 1] ?? '') };
}

describe('trade bill (GET /v3/bill/tradebill + download)', () => {
  let h: Harness;
  let autoNo: string;
  let jsapiNo: string;
  let transactionId: string;
  let billDate: string;
  let orderId: string;

  beforeAll(async () => {
    h = await startHarness();
    autoNo = await confirmedOrder(h);
    await h.client.post(`/v3/payscore/serviceorder/${autoNo}/complete`, completeBody(h, 350));
    const done = await waitDone(h, autoNo);
    orderId = String(done['order_id']);
    transactionId = String(((done['collection'] as Record<string, unknown>)['details'] as Array<Record<string, unknown>>)[0]?.['transaction_id']);
    jsapiNo = await confirmedOrder(h);
    await simPost(h.sim, '/sim/debits', { outOrderNo: jsapiNo, outcome: 'user-pays-later' });
    await h.client.post(`/v3/payscore/serviceorder/${jsapiNo}/complete`, completeBody(h, 120));
    await simPost(h.sim, `/sim/orders/${jsapiNo}/user-pay`, {});
    const refund = await h.client.post('/v3/refund/domestic/refunds', {
      transaction_id: transactionId,
      out_refund_no: `RB${autoNo}`,
      amount: { refund: 100, total: 350, currency: 'CNY' },
    });
    expect(refund.status).toBe(200);
    billDate = beijingDate((await simGet(h.sim, '/sim/clock')).json['nowMs'] as number);
  });
  afterAll(async () => h.close());

  const apply = (date: string, extra = '') => h.client.get(`/v3/bill/tradebill?bill_date=${date}${extra}`);
  const advanceTo = async (targetMs: number) => {
    const now = (await simGet(h.sim, '/sim/clock')).json['nowMs'] as number;
    await simPost(h.sim, '/sim/clock', { advanceSeconds: Math.max(0, (targetMs - now) / 1000) });
  };

  it('today is refused, D+1 before 10:00 is STATEMENT_CREATING, afterwards the bill is ready', async () => {
    const today = await apply(billDate);
    expect(today.status).toBe(400);
    expect(today.json['code']).toBe('INVALID_REQUEST');
    await advanceTo(beijingDayStart(billDate) + DAY + 8 * 3600_000);
    const creating = await apply(billDate);
    expect(creating.status).toBe(400);
    expect(creating.json['code']).toBe('STATEMENT_CREATING');
    await advanceTo(beijingDayStart(billDate) + DAY + 10.5 * 3600_000);
    const ready = await apply(billDate);
    expect(ready.status).toBe(200);
    expect(ready.verified).toBe(true);
    expect(ready.json['hash_type']).toBe('SHA1');
    expect(String(ready.json['download_url'])).toMatch(/\/v3\/billdownload\/file\?token=/);
  });

  it('the download is signed by the merchant, unsigned in answer, hashes to hash_value, and has AUTH/JSAPI/REFUND rows', async () => {
    const ready = await apply(billDate);
    const url = new URL(String(ready.json['download_url']));
    const file = await h.client.get(`${url.pathname}${url.search}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('wechatpay-signature')).toBeNull();
    expect(createHash('sha1').update(file.text, 'utf8').digest('hex')).toBe(ready.json['hash_value']);

    const bill = parseBill(file.text);
    expect(bill.header).toHaveLength(27);
    expect(bill.header[0]).toBe('交易时间');
    const auth = bill.rows.find((r) => r['交易类型'] === 'AUTH' && r['交易状态'] === 'SUCCESS');
    expect(auth).toMatchObject({
      微信订单号: transactionId,
      商户号: h.merchant.mchid,
      特约商户号: '0',
      公众账号ID: h.merchant.appid,
      应结订单金额: '3.50',
      订单金额: '3.50',
      手续费: '0.02000',
      费率: '0.60%',
      商户数据包: `wxzff|${orderId}|${autoNo}`,
      用户标识: 'o_user_1',
      微信退款单号: '0',
      退款金额: '0.00',
    });
    expect(auth?.['商户订单号']).not.toBe(autoNo); // WeChat-generated for auto-debits
    const jsapi = bill.rows.find((r) => r['交易类型'] === 'JSAPI' && r['交易状态'] === 'SUCCESS');
    expect(jsapi?.['商户订单号']).toBe(jsapiNo);
    expect(jsapi?.['应结订单金额']).toBe('1.20');
    const refund = bill.rows.find((r) => r['交易状态'] === 'REFUND');
    expect(refund).toMatchObject({ 微信订单号: transactionId, 商户退款单号: `RB${autoNo}`, 退款金额: '1.00', 商户订单号: auth?.['商户订单号'] });
    expect(bill.summaryHeader).toEqual('总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额'.split(','));
    expect(bill.summary.slice(0, 3)).toEqual(['3', '4.70', '1.00']);
  });

  it('SUCCESS has 20 columns and no refunds; REFUND has 29; GZIP hashes the uncompressed bytes', async () => {
    const success = await apply(billDate, '&bill_type=SUCCESS&tar_type=GZIP');
    const url = new URL(String(success.json['download_url']));
    const res = await fetch(`${h.sim.url}${url.pathname}${url.search}`, {
      headers: { Authorization: authorization(h.merchant, 'GET', `${url.pathname}${url.search}`, '') },
    });
    const bytes = gunzipSync(Buffer.from(await res.arrayBuffer()));
    expect(createHash('sha1').update(bytes).digest('hex')).toBe(success.json['hash_value']);
    const bill = parseBill(bytes.toString('utf8'));
    expect(bill.header).toHaveLength(20);
    expect(bill.rows.every((r) => r['交易状态'] === 'SUCCESS')).toBe(true);
    expect(bill.rows).toHaveLength(2);

    const refunds = await apply(billDate, '&bill_type=REFUND');
    const rurl = new URL(String(refunds.json['download_url']));
    const rbill = parseBill((await h.client.get(`${rurl.pathname}${rurl.search}`)).text);
    expect(rbill.header).toHaveLength(29);
    expect(rbill.rows).toHaveLength(1);
    expect(rbill.rows[0]?.['退款申请时间']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('another merchant cannot download the file (403 NO_AUTH); a bad token is INVALID_REQUEST; an empty day is NO_STATEMENT_EXIST', async () => {
    const ready = await apply(billDate);
    const url = new URL(String(ready.json['download_url']));
    const other = newMerchant(1);
    await simPost(h.sim, '/sim/merchants', registrationBody(other));
    const stranger = new WxTestClient(h.sim.url, other, h.client.platformPublicKeyPem);
    expect((await stranger.get(`${url.pathname}${url.search}`)).status).toBe(403);
    expect((await h.client.get('/v3/billdownload/file?token=nope')).json['code']).toBe('INVALID_REQUEST');
    const emptyDay = beijingDate(beijingDayStart(billDate) - DAY);
    expect((await apply(emptyDay)).json['code']).toBe('NO_STATEMENT_EXIST');
    expect((await apply('2026-13-45')).status).toBe(400);
  });
});
