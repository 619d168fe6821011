import { createHash, createVerify, publicEncrypt, constants } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { APIV3_KEY, FakeWechat, FIXED_NOW_MS, MCHID, PUB_KEY_ID } from './test-support/fake-wechat.js';
import type { StreamRequest, StreamResponse, StreamTransport } from './bill-download.js';
import { decryptComplaintPayerPhone } from './complaints.js';
import { buildSignedNotification, verifyAndDecryptComplaintNotification } from './notification.js';
import { parseAuthorization } from './signature.js';

const CSV = '交易时间,微信订单号\r\n`2025-06-01 09:12:33,`4200000001\r\n总交易单数\r\n`1\r\n';
const SHA1 = createHash('sha1').update(CSV, 'utf8').digest('hex');

/** A file server: records each request (with its signature checked over the exact path it names) and streams `chunks`. */
function files(wx: FakeWechat, answer: (req: StreamRequest) => { status: number; chunks: Buffer[]; headers?: Record<string, string> }, signedBody = '') {
  const seen: Array<StreamRequest & { signedPath: string; signatureValid: boolean }> = [];
  const transport: StreamTransport = async (req) => {
    const signedPath = req.url.replace(/^https?:\/\/[^/]+/, '');
    const auth = parseAuthorization(req.headers['Authorization']);
    const message = `${req.method}\n${signedPath}\n${auth?.timestamp}\n${auth?.nonce_str}\n${signedBody}\n`;
    const signatureValid = !!auth && createVerify('RSA-SHA256').update(message).verify(wx.merchant.publicKey, auth.signature, 'base64');
    seen.push({ ...req, signedPath, signatureValid });
    const a = answer(req);
    async function* body(): AsyncGenerator<Uint8Array> {
      for (const c of a.chunks) yield c;
    }
    const res: StreamResponse = { status: a.status, headers: a.headers ?? {}, body: body() };
    return res;
  };
  return { transport, seen };
}
const inChunks = (b: Buffer, size = 7): Buffer[] => Array.from({ length: Math.ceil(b.length / size) }, (_, i) => b.subarray(i * size, (i + 1) * size));

describe('bills: apply, download, verify', () => {
  it('applyTradeBill / applyFundFlowBill hit the documented paths; refusals map to distinct codes and are not auto-retried', async () => {
    const wx = new FakeWechat().handle((req) => {
      if (req.path.includes('2025-06-02')) return { status: 400, json: { code: 'STATEMENT_CREATING', message: '账单生成中' } };
      if (req.path.includes('2025-06-03')) return { status: 400, json: { code: 'NO_STATEMENT_EXIST', message: '请求的账单文件不存在' } };
      return { status: 200, json: { hash_type: 'SHA1', hash_value: SHA1, download_url: 'https://api.mch.weixin.qq.com/v3/billdownload/file?token=T1' } };
    });
    const client = wx.client();
    await client.applyTradeBill('2025-06-01', { gzip: true });
    await client.applyFundFlowBill('2025-06-01');
    expect(wx.requests.map((r) => r.path)).toEqual([
      '/v3/bill/tradebill?bill_date=2025-06-01&bill_type=ALL&tar_type=GZIP',
      '/v3/bill/fundflowbill?bill_date=2025-06-01&account_type=BASIC',
    ]);
    expect(wx.requests.every((r) => r.signatureValid)).toBe(true);
    await expect(client.applyTradeBill('2025-06-02')).rejects.toMatchObject({ code: 'PAYSCORE_BILL_NOT_READY', retryable: true, retryAfterMs: 30 * 60_000 });
    await expect(client.applyFundFlowBill('2025-06-03')).rejects.toMatchObject({ code: 'PAYSCORE_BILL_NO_STATEMENT', retryable: false });
    expect(wx.requests).toHaveLength(4); // one attempt each
    await expect(client.applyTradeBill('2025-6-1')).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_ARGUMENT', detail: { field: 'bill_date' } });
    await expect(client.applyFundFlowBill('2025-06-01', { accountType: 'OTHER' as 'BASIC' })).rejects.toMatchObject({ detail: { field: 'account_type' } });
  });

  it('downloadBill signs the download_url exactly, needs no answer signature, gunzips while hashing', async () => {
    const wx = new FakeWechat();
    const url = 'https://api.mch.weixin.qq.com/v3/billdownload/file?token=6XIv5TUPto7p_Cv&tartype=gzip';
    const f = files(wx, () => ({ status: 200, chunks: inChunks(gzipSync(Buffer.from(CSV))) }));
    const file = await wx.client({ streamTransport: f.transport }).downloadBill({ hash_type: 'SHA1', hash_value: SHA1.toUpperCase(), download_url: url });
    expect(file).toMatchObject({ sha1: SHA1, gzip: true });
    expect(file.bytes.toString('utf8')).toBe(CSV);
    expect(f.seen[0]?.url).toBe(url);
    expect(f.seen[0]?.signedPath).toBe('/v3/billdownload/file?token=6XIv5TUPto7p_Cv&tartype=gzip');
    expect(f.seen[0]?.signatureValid).toBe(true);
    const plain = files(wx, () => ({ status: 200, chunks: inChunks(Buffer.from(CSV)) }));
    expect((await wx.client({ streamTransport: plain.transport }).downloadBill({ hash_type: 'SHA1', hash_value: SHA1, download_url: url })).gzip).toBe(false);
  });

  it('a hash mismatch, a truncated gzip, an expired token and another merchant’s token are each their own error', async () => {
    const wx = new FakeWechat();
    const ticket = { hash_type: 'SHA1' as const, hash_value: SHA1, download_url: 'https://api.mch.weixin.qq.com/v3/billdownload/file?token=T' };
    const tampered = files(wx, () => ({ status: 200, chunks: [Buffer.from(CSV.replace('4200000001', '4200000002'))] }));
    await expect(wx.client({ streamTransport: tampered.transport }).downloadBill(ticket)).rejects.toMatchObject({ code: 'PAYSCORE_BILL_HASH_MISMATCH', detail: { expected: SHA1 } });
    const gz = gzipSync(Buffer.from(CSV));
    const truncated = files(wx, () => ({ status: 200, chunks: [gz.subarray(0, gz.length - 12)] }));
    await expect(wx.client({ streamTransport: truncated.transport }).downloadBill(ticket)).rejects.toMatchObject({ code: 'PAYSCORE_BILL_CORRUPT' });
    const expired = files(wx, () => ({ status: 400, chunks: [Buffer.from(JSON.stringify({ code: 'INVALID_REQUEST', message: '下载链接已过期' }))] }));
    await expect(wx.client({ streamTransport: expired.transport }).downloadBill(ticket)).rejects.toMatchObject({ code: 'PAYSCORE_BILL_DOWNLOAD_EXPIRED' });
    const other = files(wx, () => ({ status: 403, chunks: [Buffer.from(JSON.stringify({ code: 'NO_AUTH', message: '商户号不一致' }))] }));
    await expect(wx.client({ streamTransport: other.transport }).downloadBill(ticket)).rejects.toMatchObject({ code: 'PAYSCORE_NO_AUTH' });
    await expect(wx.client().downloadBill({ ...ticket, hash_value: 'abc' })).rejects.toMatchObject({ code: 'PAYSCORE_INVALID_ARGUMENT', detail: { field: 'hash_value' } });
  });
});

describe('complaints 2.0', () => {
  it('list, detail, history, reply, complete, refund progress and the notification URL hit the documented paths, signed', async () => {
    const complaint = { complaint_id: '200201820200101080076610000', complaint_time: '2025-05-20T13:29:35.120+08:00', complaint_detail: '归还后仍被扣费', complaint_state: 'PENDING' };
    const wx = new FakeWechat().handle((req) => {
      if (req.method === 'DELETE' || req.path.endsWith('/response') || req.path.endsWith('/complete') || req.path.endsWith('/update-refund-progress')) return { status: 204 };
      if (req.path.startsWith('/v3/merchant-service/complaint-notifications')) return { status: 200, json: { mchid: MCHID, url: 'https://zizhu.example/wechat/complaints' } };
      if (req.path.includes('negotiation-historys')) return { status: 200, json: { data: [], limit: 100, offset: 0, total_count: 0 } };
      if (req.path.startsWith('/v3/merchant-service/complaints-v2?')) return { status: 200, json: { data: [complaint], limit: 10, offset: 0, total_count: 1 } };
      return { status: 200, json: complaint };
    });
    const client = wx.client();
    const id = complaint.complaint_id;
    expect((await client.listComplaints({ begin_date: '2025-05-01', end_date: '2025-05-31' })).total_count).toBe(1);
    expect((await client.queryComplaint(id)).complaint_state).toBe('PENDING');
    await client.listComplaintNegotiationHistory(id, { limit: 300 });
    await client.respondToComplaint(id, { response_content: '已为您核实', response_images: ['media1'] });
    await client.completeComplaint(id);
    await client.updateComplaintRefundProgress(id, { action: 'APPROVE', launch_refund_day: 0 });
    await client.createComplaintNotificationUrl('https://zizhu.example/wechat/complaints');
    await client.queryComplaintNotificationUrl();
    await client.updateComplaintNotificationUrl('https://zizhu.example/wechat/complaints');
    await client.deleteComplaintNotificationUrl();
    expect(wx.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /v3/merchant-service/complaints-v2?limit=10&offset=0&begin_date=2025-05-01&end_date=2025-05-31',
      `GET /v3/merchant-service/complaints-v2/${id}`,
      `GET /v3/merchant-service/complaints-v2/${id}/negotiation-historys?limit=300&offset=0`,
      `POST /v3/merchant-service/complaints-v2/${id}/response`,
      `POST /v3/merchant-service/complaints-v2/${id}/complete`,
      `POST /v3/merchant-service/complaints-v2/${id}/update-refund-progress`,
      'POST /v3/merchant-service/complaint-notifications',
      'GET /v3/merchant-service/complaint-notifications',
      'PUT /v3/merchant-service/complaint-notifications',
      'DELETE /v3/merchant-service/complaint-notifications',
    ]);
    expect(wx.requests.every((r) => r.signatureValid)).toBe(true);
    expect(wx.requests[3]?.json).toEqual({ complainted_mchid: MCHID, response_content: '已为您核实', response_images: ['media1'] });
    expect(wx.requests[4]?.json).toEqual({ complainted_mchid: MCHID });
    expect(wx.requests[5]?.json).toEqual({ action: 'APPROVE', launch_refund_day: 0 });
  });

  it('local checks name the field before anything is sent; "does not exist" is PAYSCORE_COMPLAINT_NOT_FOUND', async () => {
    const wx = new FakeWechat().handle(() => ({ status: 400, json: { code: 'RESOURCE_NOT_EXISTS', message: '商户未设置投诉通知回调地址' } }));
    const client = wx.client();
    await expect(client.listComplaints({ begin_date: '2025-05-01', end_date: '2025-06-01' })).rejects.toMatchObject({ detail: { field: 'end_date' } });
    await expect(client.listComplaints({ begin_date: '2025-05-01', end_date: '2025-05-02', limit: 51 })).rejects.toMatchObject({ detail: { field: 'limit' } });
    await expect(client.respondToComplaint('C1', { response_content: '' })).rejects.toMatchObject({ detail: { field: 'response_content' } });
    await expect(client.respondToComplaint('C1', { response_content: 'ok', response_images: ['1', '2', '3', '4', '5'] })).rejects.toMatchObject({ detail: { field: 'response_images' } });
    await expect(client.respondToComplaint('C1', { response_content: 'ok', jump_url: 'https://x.example' })).rejects.toMatchObject({ detail: { field: 'jump_url_text' } });
    await expect(client.updateComplaintRefundProgress('C1', { action: 'REJECT', reject_reason: '' })).rejects.toMatchObject({ detail: { field: 'reject_reason' } });
    await expect(client.updateComplaintRefundProgress('C1', { action: 'REJECT', reject_reason: '不符合', launch_refund_day: 0 } as never)).rejects.toMatchObject({ detail: { field: 'launch_refund_day' } });
    await expect(client.queryComplaint('../x')).rejects.toMatchObject({ detail: { field: 'complaint_id' } });
    expect(wx.requests).toHaveLength(0);
    await expect(client.queryComplaintNotificationUrl()).rejects.toMatchObject({ code: 'PAYSCORE_COMPLAINT_NOT_FOUND', wechatCode: 'RESOURCE_NOT_EXISTS', verified: true });
  });

  it('media download: the URL is signed exactly as given (percent-encoding kept), the answer is unsigned binary', async () => {
    const wx = new FakeWechat();
    const url = 'https://api.mch.weixin.qq.com/v3/merchant-service/images/ChsyMDAwMDAwMjAyMDA1MjAyMjI2NTkzNjIxNDQwODQ%2B%2FAbc%3D%3D';
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const f = files(wx, () => ({ status: 200, chunks: [png], headers: { 'content-type': 'image/png' } }));
    const image = await wx.client({ streamTransport: f.transport }).downloadComplaintMedia(url);
    expect(image).toEqual({ bytes: png, contentType: 'image/png' });
    expect(f.seen[0]?.signedPath).toBe('/v3/merchant-service/images/ChsyMDAwMDAwMjAyMDA1MjAyMjI2NTkzNjIxNDQwODQ%2B%2FAbc%3D%3D');
    expect(f.seen[0]?.signatureValid).toBe(true);
    const gone = files(wx, () => ({ status: 404, chunks: [Buffer.from('{"code":"RESOURCE_NOT_EXISTS","message":"图片不存在"}')] }));
    await expect(wx.client({ streamTransport: gone.transport }).downloadComplaintMedia(url)).rejects.toMatchObject({ code: 'PAYSCORE_COMPLAINT_NOT_FOUND' });
  });

  it('image upload: multipart with meta {filename, sha256}, signed over the meta JSON, the answer verified', async () => {
    const wx = new FakeWechat();
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const meta = JSON.stringify({ filename: 'reply.png', sha256: createHash('sha256').update(png).digest('hex') });
    const signedAnswer = wx.render({ status: 200, json: { media_id: 'BB04A5DEEFEA18D4F2554C1EDD3B610B' } });
    const f = files(wx, () => ({ status: 200, chunks: [Buffer.from(signedAnswer.body)], headers: signedAnswer.headers }), meta);
    const client = wx.client({ streamTransport: f.transport });
    expect(await client.uploadComplaintImage({ filename: 'reply.png', bytes: png })).toEqual({ media_id: 'BB04A5DEEFEA18D4F2554C1EDD3B610B' });
    const req = f.seen[0];
    expect(req?.signedPath).toBe('/v3/merchant-service/images/upload');
    expect(req?.signatureValid).toBe(true);
    const body = Buffer.from(req?.body ?? new Uint8Array()).toString('latin1');
    expect(req?.headers['Content-Type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(body).toContain(`name="meta"\r\nContent-Type: application/json\r\n\r\n${meta}\r\n`);
    expect(body).toContain('name="file"; filename="reply.png"\r\nContent-Type: image/png');
    expect(body).toContain(png.toString('latin1'));
    const unsigned = files(wx, () => ({ status: 200, chunks: [Buffer.from('{"media_id":"X"}')] }), meta);
    await expect(wx.client({ streamTransport: unsigned.transport }).uploadComplaintImage({ filename: 'reply.png', bytes: png })).rejects.toMatchObject({ code: 'PAYSCORE_RESPONSE_UNSIGNED' });
    await expect(client.uploadComplaintImage({ filename: 'reply.gif', bytes: png })).rejects.toMatchObject({ detail: { field: 'filename' } });
    await expect(client.uploadComplaintImage({ filename: 'big.jpg', bytes: new Uint8Array(2 * 1024 * 1024 + 1) })).rejects.toMatchObject({ detail: { field: 'bytes' } });
  });

  it('payer_phone decrypts with the merchant private key only', () => {
    const wx = new FakeWechat();
    const cipher = publicEncrypt({ key: wx.merchant.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, Buffer.from('13800138000')).toString('base64');
    expect(decryptComplaintPayerPhone(cipher, wx.merchant.privateKey)).toBe('13800138000');
    expect(() => decryptComplaintPayerPhone(cipher, wx.platform.privateKey)).toThrow(expect.objectContaining({ code: 'PAYSCORE_INVALID_ARGUMENT', detail: { field: 'payer_phone' } }));
    expect(() => decryptComplaintPayerPhone('not base64!', wx.merchant.privateKey)).toThrow(expect.objectContaining({ detail: expect.objectContaining({ field: 'payer_phone' }) }));
  });

  it('complaint notifications: verified, decrypted, switched on action_type; other events and malformed resources refused', () => {
    const wx = new FakeWechat();
    const build = (eventType: string, resource: object) =>
      buildSignedNotification(
        { eventType, resource, summary: '投诉状态变更', associatedData: 'complaint', originalType: 'complaint' },
        { platformPrivateKey: wx.platform.privateKey, platformSerial: PUB_KEY_ID, apiV3Key: APIV3_KEY, now: FIXED_NOW_MS },
      );
    const options = { platformKeys: { [PUB_KEY_ID]: wx.platform.publicKey }, apiV3Key: APIV3_KEY, now: FIXED_NOW_MS };
    const n = build('COMPLAINT.STATE_CHANGE', { complaint_id: '200000020230628100093244941', action_type: 'MERCHANT_RESPONSE' });
    const event = verifyAndDecryptComplaintNotification({ headers: n.headers, rawBody: n.body }, options);
    expect(event).toMatchObject({ eventType: 'COMPLAINT.STATE_CHANGE', serial: PUB_KEY_ID, complaint: { complaint_id: '200000020230628100093244941', action_type: 'MERCHANT_RESPONSE' } });
    expect(n.envelope.resource.associated_data).toBe('complaint');
    const other = build('PAYSCORE.USER_PAID', { out_order_no: 'x' });
    expect(() => verifyAndDecryptComplaintNotification({ headers: other.headers, rawBody: other.body }, options)).toThrow(expect.objectContaining({ code: 'PAYSCORE_NOTIFY_UNSUPPORTED_EVENT' }));
    const bad = build('COMPLAINT.CREATE', { complaint_id: 'C1' });
    expect(() => verifyAndDecryptComplaintNotification({ headers: bad.headers, rawBody: bad.body }, options)).toThrow(expect.objectContaining({ code: 'PAYSCORE_NOTIFY_MALFORMED' }));
    expect(() => verifyAndDecryptComplaintNotification({ headers: n.headers, rawBody: n.body.replace('COMPLAINT', 'COMPLAINX') }, options)).toThrow(expect.objectContaining({ code: 'PAYSCORE_NOTIFY_BAD_SIGNATURE' }));
  });
});
