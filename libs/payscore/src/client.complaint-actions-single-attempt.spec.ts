// WeChat's complaint actions (reply, complete, refund progress) take no idempotency key: a lost answer may hide an
// action WeChat recorded, so the client never repeats them on its own — the caller reads the history first.
import { describe, expect, it } from '@jest/globals';
import { PayScoreError } from './errors.js';
import { FakeWechat } from './test-support/fake-wechat.js';
import type { StreamResponse, StreamTransport } from './bill-download.js';

const ID = '200201820200101080076610000';
const actions = {
  reply: (c: ReturnType<FakeWechat['client']>) => c.respondToComplaint(ID, { response_content: '已为您核实' }),
  complete: (c: ReturnType<FakeWechat['client']>) => c.completeComplaint(ID),
  'refund progress': (c: ReturnType<FakeWechat['client']>) => c.updateComplaintRefundProgress(ID, { action: 'APPROVE' }),
};

describe('complaint actions are sent once, whatever the retry policy', () => {
  it.each(Object.entries(actions))('%s: a 503 is not retried (the retryable error is the caller’s to handle)', async (_name, act) => {
    const wx = new FakeWechat().handle(() => ({ status: 503, json: { code: 'SERVICE_UNAVAILABLE', message: '' } }));
    await expect(act(wx.client({ retry: { maxAttempts: 5 } }))).rejects.toMatchObject({ code: 'PAYSCORE_UNAVAILABLE', retryable: true });
    expect(wx.requests).toHaveLength(1);
    expect(wx.sleeps).toEqual([]);
  });

  it.each(Object.entries(actions))('%s: a 500 SYSTEM_ERROR or a timeout is not retried', async (_name, act) => {
    const wx = new FakeWechat().handle(() => ({ status: 500, json: { code: 'SYSTEM_ERROR', message: '系统异常' } }));
    await expect(act(wx.client())).rejects.toMatchObject({ code: 'PAYSCORE_SYSTEM_ERROR' });
    expect(wx.requests).toHaveLength(1);
    let sent = 0;
    const timedOut = wx.client({
      transport: async () => {
        sent += 1;
        throw new PayScoreError('PAYSCORE_TIMEOUT', { retryable: true });
      },
    });
    await expect(act(timedOut)).rejects.toMatchObject({ code: 'PAYSCORE_TIMEOUT' });
    expect(sent).toBe(1);
  });

  it('reads are still retried (the list, the detail, the history)', async () => {
    const complaint = { complaint_id: ID, complaint_time: '2025-05-20T13:29:35.120+08:00', complaint_detail: 'x', complaint_state: 'PENDING' };
    const wx = new FakeWechat().handle((_r, i) => (i % 2 === 0 ? { status: 503, json: { code: 'SERVICE_UNAVAILABLE', message: '' } } : { status: 200, json: complaint }));
    expect((await wx.client().queryComplaint(ID)).complaint_state).toBe('PENDING');
    expect(wx.requests).toHaveLength(2);
  });
});

describe('complaint media download is bounded', () => {
  it('a body above maxBytes is abandoned', async () => {
    const wx = new FakeWechat();
    const transport: StreamTransport = async () => {
      async function* body(): AsyncGenerator<Uint8Array> {
        for (let i = 0; i < 4; i++) yield Buffer.alloc(1024, 1);
      }
      const res: StreamResponse = { status: 200, headers: { 'content-type': 'image/jpeg' }, body: body() };
      return res;
    };
    const client = wx.client({ streamTransport: transport });
    await expect(client.downloadComplaintMedia('http://127.0.0.1:4010/v3/merchant-service/images/abc', { maxBytes: 3000 })).rejects.toMatchObject({ code: 'PAYSCORE_RESPONSE_MALFORMED' });
    expect((await client.downloadComplaintMedia('http://127.0.0.1:4010/v3/merchant-service/images/abc', { maxBytes: 4096 })).bytes).toHaveLength(4096);
  });
});
