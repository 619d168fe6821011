import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { jsonRequest, signPayload, verifySignature, wecomMarkdown, wecomRequest, type AlertPayloadAlert } from './webhook-payload.js';

const alert: AlertPayloadAlert = {
  id: '00000000-0000-4000-8000-0000000000a1',
  kind: 'DEVICE_OFFLINE',
  category: 'FLEET',
  severity: 'WARNING',
  state: 'OPEN',
  organizationId: '00000000-0000-4000-8000-000000000021',
  organizationName: '鲜柜 西湖加盟店',
  subjectType: 'device',
  subjectId: '00000000-0000-4000-8000-000000000201',
  facts: { deviceCode: 'FR-0001', lastSeenAt: '2026-12-06T01:30:00.000Z', thresholdMinutes: 30, nested: { ignored: true } },
  raisedAt: '2026-12-06T02:04:00.000Z',
};

describe('alert webhook payloads', () => {
  it('signs the timestamp and the body with HMAC-SHA256 (sha256=<hex>) and verifies within 300 s only', () => {
    const request = jsonRequest({ secret: 'whsec_test', deliveryId: 'd-1', alert, nowSeconds: 1_765_000_000 });
    expect(request.headers['x-zizhu-timestamp']).toBe('1765000000');
    expect(request.headers['x-zizhu-delivery']).toBe('d-1');
    const expected = createHmac('sha256', 'whsec_test').update(`1765000000.${request.body}`).digest('hex');
    expect(request.headers['x-zizhu-signature']).toBe(`sha256=${expected}`);
    expect(signPayload('whsec_test', 1_765_000_000, request.body)).toBe(request.headers['x-zizhu-signature']);
    expect(JSON.parse(request.body)).toMatchObject({ event: 'alert.raised', deliveryId: 'd-1', alert: { id: alert.id, title: 'Device offline', facts: { deviceCode: 'FR-0001' } } });
    const sig = request.headers['x-zizhu-signature']!;
    expect(verifySignature('whsec_test', '1765000000', request.body, sig, 1_765_000_299)).toBe(true);
    expect(verifySignature('whsec_test', '1765000000', request.body, sig, 1_765_000_301)).toBe(false);
    expect(verifySignature('whsec_other', '1765000000', request.body, sig, 1_765_000_000)).toBe(false);
    expect(verifySignature('whsec_test', '1765000001', request.body, sig, 1_765_000_000)).toBe(false);
  });

  it('writes the WeCom robot’s markdown message in Chinese, times in Beijing time, at most 4096 bytes', () => {
    const body = JSON.parse(wecomRequest(alert).body) as { msgtype: string; markdown: { content: string } };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.content.split('\n')).toEqual([
      '**【紫竹告警】设备离线** <font color="warning">警告</font>',
      '> 组织：鲜柜 西湖加盟店',
      `> 对象：设备 ${alert.subjectId}`,
      '> 设备编号：FR-0001',
      '> 最后心跳：2026-12-06 09:30',
      '> 阈值(分钟)：30',
      '> 时间：2026-12-06 10:04（北京时间）',
    ]);
    expect(wecomMarkdown(alert, true)).toMatch(/^\*\*【测试】/);
    const long = wecomMarkdown({ ...alert, facts: Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`k${i}`, '很长的值'.repeat(5)])) });
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(4096);
  });
});
