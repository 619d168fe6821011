// The WeChat Pay APIv3 paths the platform uses (contracts.md §5), behind signature verification.
import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { parseWxBody } from '../platform/json.js';
import { WxError } from '../platform/wx-error.js';
import { type Merchant } from '../merchants/merchant-registry.js';
import { type SimulatorCore } from '../simulator-core.js';
import { param, queryOf, rawBody, sendJson } from './http-helpers.js';

export function registerMerchantApi(app: FastifyInstance, core: SimulatorCore, merchantOf: (request: FastifyRequest) => Merchant): void {
  const body = (request: FastifyRequest): Record<string, unknown> => parseWxBody(rawBody(request));

  app.post('/v3/payscore/serviceorder', async (req, reply) => sendJson(reply, 200, core.orders.create(merchantOf(req), body(req))));
  app.get('/v3/payscore/serviceorder', async (req, reply) => sendJson(reply, 200, core.orders.query(merchantOf(req), queryOf(req))));

  const ops = ['cancel', 'complete', 'modify', 'pay', 'sync'] as const;
  for (const op of ops) {
    app.post(`/v3/payscore/serviceorder/:out_order_no/${op}`, async (req, reply) => {
      const result = core.orders[op](merchantOf(req), param(req, 'out_order_no'), body(req));
      return sendJson(reply, 200, result);
    });
  }

  app.post('/v3/refund/domestic/refunds', async (req, reply) => sendJson(reply, 200, core.refunds.create(merchantOf(req), body(req))));
  app.get('/v3/refund/domestic/refunds/:out_refund_no', async (req, reply) =>
    sendJson(reply, 200, core.refunds.query(merchantOf(req), param(req, 'out_refund_no'))),
  );

  // Public-key mode: the simulator has no platform certificates. Answer as WeChat does for
  // public-key-only merchants (wechatpay-bills-sharing-complaints.md §4.2).
  app.get('/v3/certificates', async (req) => {
    merchantOf(req);
    throw new WxError(404, 'RESOURCE_NOT_EXISTS', '无可用的平台证书,请在商户平台-API安全申请使用微信支付公钥', {
      platform_public_key_id: core.platformKey.publicKeyId,
    });
  });

  app.get('/v3/bill/tradebill', async (req, reply) =>
    sendJson(reply, 200, core.bills.apply(merchantOf(req), queryOf(req), `http://${req.headers.host ?? `127.0.0.1`}`)),
  );
  app.get('/v3/bill/fundflowbill', async (req, reply) =>
    sendJson(reply, 200, core.fundFlowBills.apply(merchantOf(req), queryOf(req), `http://${req.headers.host ?? `127.0.0.1`}`)),
  );
  app.get('/v3/billdownload/file', async (req, reply) => {
    const file = core.bills.download(merchantOf(req), queryOf(req)['token']);
    return reply
      .code(200)
      .type(file.gzip ? 'application/octet-stream' : 'text/plain; charset=utf-8')
      .send(file.body);
  });
}
