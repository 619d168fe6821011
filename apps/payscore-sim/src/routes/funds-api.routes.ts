// The WeChat Pay APIv3 paths of profit sharing (分账) and merchant transfer (商家转账), behind the same signature
// verification, answer signing and fault injection as the Pay Score paths (wechatpay-bills-sharing-complaints.md §2, §7).
import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { parseWxBody } from '../platform/json.js';
import { type Merchant } from '../merchants/merchant-registry.js';
import { type SimulatorCore } from '../simulator-core.js';
import { param, queryOf, rawBody, sendJson } from './http-helpers.js';

export function registerFundsApi(app: FastifyInstance, core: SimulatorCore, merchantOf: (request: FastifyRequest) => Merchant): void {
  const body = (request: FastifyRequest): Record<string, unknown> => parseWxBody(rawBody(request));
  /** The `Wechatpay-Serial` request header: the key the sensitive fields were encrypted under. */
  const serial = (request: FastifyRequest): string | undefined => {
    const v = request.headers['wechatpay-serial'];
    return typeof v === 'string' ? v : undefined;
  };
  const ps = core.profitSharing;

  app.post('/v3/profitsharing/receivers/add', async (req, reply) => sendJson(reply, 200, ps.addReceiver(merchantOf(req), body(req), serial(req))));
  app.post('/v3/profitsharing/receivers/delete', async (req, reply) => sendJson(reply, 200, ps.deleteReceiver(merchantOf(req), body(req))));
  app.post('/v3/profitsharing/orders', async (req, reply) => sendJson(reply, 200, ps.createOrder(merchantOf(req), body(req), serial(req))));
  app.post('/v3/profitsharing/orders/unfreeze', async (req, reply) => sendJson(reply, 200, ps.unfreeze(merchantOf(req), body(req))));
  app.get('/v3/profitsharing/orders/:out_order_no', async (req, reply) =>
    sendJson(reply, 200, ps.query(merchantOf(req), param(req, 'out_order_no'), queryOf(req)['transaction_id'])),
  );
  app.get('/v3/profitsharing/transactions/:transaction_id/amounts', async (req, reply) =>
    sendJson(reply, 200, ps.unsplitAmount(merchantOf(req), param(req, 'transaction_id'))),
  );
  app.post('/v3/profitsharing/return-orders', async (req, reply) => sendJson(reply, 200, ps.createReturn(merchantOf(req), body(req))));
  app.get('/v3/profitsharing/return-orders/:out_return_no', async (req, reply) =>
    sendJson(reply, 200, ps.queryReturn(merchantOf(req), param(req, 'out_return_no'), queryOf(req)['out_order_no'])),
  );
  app.get('/v3/profitsharing/bills', async (req, reply) =>
    sendJson(reply, 200, core.profitSharingBills.apply(merchantOf(req), queryOf(req), `http://${req.headers.host ?? '127.0.0.1'}`)),
  );

  const bills = '/v3/fund-app/mch-transfer/transfer-bills';
  app.post(bills, async (req, reply) => sendJson(reply, 200, core.transfers.create(merchantOf(req), body(req), serial(req))));
  app.get(`${bills}/out-bill-no/:out_bill_no`, async (req, reply) => sendJson(reply, 200, core.transfers.query(merchantOf(req), param(req, 'out_bill_no'))));
  app.get(`${bills}/transfer-bill-no/:transfer_bill_no`, async (req, reply) =>
    sendJson(reply, 200, core.transfers.queryByTransferBillNo(merchantOf(req), param(req, 'transfer_bill_no'))),
  );
  app.post(`${bills}/out-bill-no/:out_bill_no/cancel`, async (req, reply) => {
    // the cancel carries no fields; an empty body or {} are both accepted
    if (rawBody(req).trim() !== '') body(req);
    return sendJson(reply, 200, core.transfers.cancel(merchantOf(req), param(req, 'out_bill_no')));
  });
}
