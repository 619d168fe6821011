// The WeChat Pay APIv3 paths of consumer complaints 2.0 (wechatpay-bills-sharing-complaints.md §3.1), behind the same
// signature verification, answer signing and fault injection as every /v3 path. Images are file streams: unsigned.
import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { parseWxBody } from '../platform/json.js';
import { type Merchant } from '../merchants/merchant-registry.js';
import { type SimulatorCore } from '../simulator-core.js';
import { param, queryOf, rawBody, sendJson } from './http-helpers.js';
import { boundaryOf, parseMultipart } from '../complaints/multipart.js';
import { paramError } from '../platform/wx-error.js';

export function registerComplaintsApi(app: FastifyInstance, core: SimulatorCore, merchantOf: (request: FastifyRequest) => Merchant): void {
  const body = (request: FastifyRequest): Record<string, unknown> => parseWxBody(rawBody(request));
  const c = core.complaints;
  const base = '/v3/merchant-service/complaints-v2';

  app.get(base, async (req, reply) => sendJson(reply, 200, c.list(merchantOf(req), queryOf(req))));
  app.get(`${base}/:complaint_id`, async (req, reply) => sendJson(reply, 200, c.detail(merchantOf(req), param(req, 'complaint_id'))));
  app.get(`${base}/:complaint_id/negotiation-historys`, async (req, reply) =>
    sendJson(reply, 200, c.history(merchantOf(req), param(req, 'complaint_id'), queryOf(req))),
  );
  app.post(`${base}/:complaint_id/response`, async (req, reply) => {
    c.respond(merchantOf(req), param(req, 'complaint_id'), body(req));
    return reply.code(204).send();
  });
  app.post(`${base}/:complaint_id/complete`, async (req, reply) => {
    c.complete(merchantOf(req), param(req, 'complaint_id'), body(req));
    return reply.code(204).send();
  });
  app.post(`${base}/:complaint_id/update-refund-progress`, async (req, reply) => {
    c.updateRefundProgress(merchantOf(req), param(req, 'complaint_id'), body(req));
    return reply.code(204).send();
  });

  const notifications = '/v3/merchant-service/complaint-notifications';
  app.post(notifications, async (req, reply) => sendJson(reply, 200, c.setNotificationUrl(merchantOf(req), body(req), 'POST')));
  app.put(notifications, async (req, reply) => sendJson(reply, 200, c.setNotificationUrl(merchantOf(req), body(req), 'PUT')));
  app.get(notifications, async (req, reply) => sendJson(reply, 200, c.getNotificationUrl(merchantOf(req))));
  app.delete(notifications, async (req, reply) => {
    c.deleteNotificationUrl(merchantOf(req));
    return reply.code(204).send();
  });

  app.post('/v3/merchant-service/images/upload', async (req, reply) => {
    const boundary = boundaryOf(req.headers['content-type']);
    if (!boundary || !Buffer.isBuffer(req.body)) throw paramError('请使用multipart/form-data上传图片', 'file');
    return sendJson(reply, 200, c.upload(merchantOf(req), parseMultipart(req.body, boundary)));
  });

  // the router decodes the media id; the signature was checked over the raw URL as sent
  app.get('/v3/merchant-service/images/:media_id', async (req, reply) =>
    reply.code(200).type('image/png').send(c.image(merchantOf(req), param(req, 'media_id'))),
  );
}
