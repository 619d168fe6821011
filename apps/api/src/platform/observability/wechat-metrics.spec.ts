import { describe, expect, it } from '@jest/globals';
import { PayScoreError } from '@zizhu/payscore';
import type { DataSource } from 'typeorm';
import { parseConfig } from '../../config/app-config.js';
import { MetricsService } from './metrics.service.js';
import { observedTransport, wechatApiOf } from './wechat-metrics.js';

describe('WeChat call metrics', () => {
  it('labels a call by method and path pattern: identifiers and the query never become labels', () => {
    const base = 'https://api.mch.weixin.qq.com';
    expect(wechatApiOf('POST', `${base}/v3/payscore/serviceorder`)).toBe('POST /v3/payscore/serviceorder');
    expect(wechatApiOf('POST', `${base}/v3/payscore/serviceorder/ZZ20261206AB12CD/complete`)).toBe('POST /v3/payscore/serviceorder/:id/complete');
    expect(wechatApiOf('GET', `${base}/v3/payscore/serviceorder?service_id=2002000000000000000000000000010&out_order_no=ZZ1`)).toBe('GET /v3/payscore/serviceorder');
    expect(wechatApiOf('GET', `${base}/v3/refund/domestic/refunds/RF20261206000001`)).toBe('GET /v3/refund/domestic/refunds/:id');
    expect(wechatApiOf('GET', `${base}/v3/profitsharing/transactions/4200000000202612060000000001/amounts`)).toBe('GET /v3/profitsharing/transactions/:id/amounts');
    expect(wechatApiOf('POST', `${base}/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/PO123/cancel`)).toBe('POST /v3/fund-app/mch-transfer/transfer-bills/out-bill-no/:id/cancel');
    expect(wechatApiOf('GET', `${base}/v3/merchant-service/complaints-v2/200000020261206000001`)).toBe('GET /v3/merchant-service/complaints-v2/:id');
  });

  it('observes every attempt with its result code: OK, WeChat’s error code, or the transport failure', async () => {
    const metrics = new MetricsService({} as DataSource, parseConfig({ NODE_ENV: 'test' }));
    const answers = [
      { status: 200, headers: {}, body: '{}' },
      { status: 404, headers: {}, body: JSON.stringify({ code: 'ORDER_NOT_EXIST', message: 'no' }) },
      { status: 502, headers: {}, body: '<html>bad gateway</html>' },
    ];
    const transport = observedTransport(async () => {
      const next = answers.shift();
      if (!next) throw new PayScoreError('PAYSCORE_TIMEOUT', { retryable: true });
      return next;
    }, metrics);
    const url = 'https://api.mch.weixin.qq.com/v3/payscore/serviceorder/ZZ1A2B3C/complete';
    for (let i = 0; i < 3; i++) await transport({ method: 'POST', url, headers: {}, body: '{}' });
    await expect(transport({ method: 'POST', url, headers: {}, body: '{}' })).rejects.toMatchObject({ code: 'PAYSCORE_TIMEOUT' });
    const text = await metrics.registry.getSingleMetricAsString('zizhu_wechat_call_duration_seconds');
    for (const code of ['OK', 'ORDER_NOT_EXIST', 'HTTP_502', 'PAYSCORE_TIMEOUT']) {
      expect(text).toContain(`zizhu_wechat_call_duration_seconds_count{api="POST /v3/payscore/serviceorder/:id/complete",code="${code}"} 1`);
    }
  });
});
