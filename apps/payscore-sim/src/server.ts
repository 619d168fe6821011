// createSimulator(): the WeChat Pay Score simulator as a real HTTP server (fastify).
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { authenticate } from './platform/request-auth.js';
import { signedHeaders } from './platform/wechatpay-crypto.js';
import { SimControlError, WxError } from './platform/wx-error.js';
import { faultBody, type SignatureFault } from './control/faults.js';
import { type Merchant } from './merchants/merchant-registry.js';
import { SimulatorCore, type CoreOptions } from './simulator-core.js';
import { registerMerchantApi } from './routes/merchant-api.routes.js';
import { registerControlRoutes } from './routes/control.routes.js';
import { registerFundsApi } from './routes/funds-api.routes.js';
import { registerComplaintsApi } from './routes/complaints-api.routes.js';
import { registerUserRoutes } from './routes/user.routes.js';
import { rawBody, sendJson } from './routes/http-helpers.js';
import { boundaryOf, parseMultipart } from './complaints/multipart.js';

export interface SimulatorOptions extends CoreOptions {
  /** Port to listen on; 0 picks a free one. Default 4010. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** fastify logger option. Default false. */
  readonly logger?: FastifyServerOptions['logger'];
}

export interface Simulator {
  readonly app: FastifyInstance;
  readonly core: SimulatorCore;
  /** e.g. http://127.0.0.1:4010 */
  readonly url: string;
  readonly port: number;
  readonly platformPublicKeyPem: string;
  readonly platformPublicKeyId: string;
  close(): Promise<void>;
}

interface RequestContext {
  merchant?: Merchant;
  faultAfterStatus?: number;
  signatureFault?: SignatureFault;
}

const isMerchantApi = (url: string): boolean => url.startsWith('/v3/');
const isFileDownload = (url: string): boolean =>
  url.startsWith('/v3/billdownload/') || (url.startsWith('/v3/merchant-service/images/') && !url.startsWith('/v3/merchant-service/images/upload'));
const requestId = (): string => `08${randomBytes(14).toString('hex').toUpperCase()}`;

/** The signed body of a multipart request (the image upload): its `meta` part, as WeChat documents. */
function signedMultipartBody(req: FastifyRequest): string {
  const boundary = boundaryOf(req.headers['content-type']);
  if (!boundary || !Buffer.isBuffer(req.body)) return '';
  return parseMultipart(req.body, boundary).get('meta')?.data.toString('utf8') ?? '';
}

export function buildSimulatorApp(core: SimulatorCore, logger: FastifyServerOptions['logger'] = false): FastifyInstance {
  const app = Fastify({ logger, routerOptions: { maxParamLength: 200 }, bodyLimit: 3 * 1024 * 1024 });
  const contexts = new WeakMap<FastifyRequest, RequestContext>();
  const ctx = (req: FastifyRequest): RequestContext => {
    let c = contexts.get(req);
    if (!c) contexts.set(req, (c = {}));
    return c;
  };

  // Every body arrives as the exact string sent: the request signature covers those bytes.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  // the complaint image upload is multipart with a binary file: kept as bytes; its signature covers the `meta` part
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  // Injected faults apply to the WeChat-side routes, never to /sim control routes.
  app.addHook('onRequest', async (req, reply) => {
    const url = req.raw.url ?? req.url;
    if (url.startsWith('/sim')) return;
    const fault = core.faults.decide(url);
    if (!fault) return;
    if (fault.delayMs > 0) await sleep(fault.delayMs);
    if (fault.signature) ctx(req).signatureFault = fault.signature;
    if (fault.status === undefined) return;
    if (fault.phase === 'after') {
      ctx(req).faultAfterStatus = fault.status;
      return;
    }
    return sendJson(reply, fault.status, faultBody(fault.status));
  });

  app.addHook('preHandler', async (req) => {
    const url = req.raw.url ?? req.url;
    if (!isMerchantApi(url)) return;
    ctx(req).merchant = authenticate(
      { method: req.method, url, authorization: req.headers.authorization, body: Buffer.isBuffer(req.body) ? signedMultipartBody(req) : rawBody(req) },
      (mchid) => core.merchants.get(mchid),
      core.clock.real(),
      core.requestTimestampWindowSec,
    );
  });

  // Every WeChat-side answer is signed with the platform key (except file streams, as WeChat does).
  app.addHook('onSend', async (req, reply, payload) => {
    const url = req.raw.url ?? req.url;
    if (!isMerchantApi(url)) return payload;
    let out = payload;
    const faultAfter = contexts.get(req)?.faultAfterStatus;
    if (faultAfter !== undefined) {
      reply.code(faultAfter).type('application/json; charset=utf-8');
      out = JSON.stringify(faultBody(faultAfter));
    }
    reply.header('Request-ID', requestId());
    if (isFileDownload(url) && reply.statusCode === 200) return out;
    const text = out === null || out === undefined ? '' : Buffer.isBuffer(out) ? out.toString('utf8') : String(out);
    const signatureFault = contexts.get(req)?.signatureFault;
    if (signatureFault === 'missing') return out;
    for (const [k, v] of Object.entries(signedHeaders(core.platformKey, text, core.clock.real()))) reply.header(k, v);
    // a valid signature of other bytes: the headers look right, the signature fails over this body
    if (signatureFault === 'invalid') reply.header('Wechatpay-Signature', signedHeaders(core.platformKey, `${text} `, core.clock.real())['Wechatpay-Signature']);
    return out;
  });

  app.setErrorHandler(async (error, req, reply) => {
    if (error instanceof WxError) return sendJson(reply, error.status, error.toBody());
    if (error instanceof SimControlError) return sendJson(reply, error.status, { code: error.code, message: error.message });
    const status = (error as { statusCode?: number }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return sendJson(reply, status, { code: 'PARAM_ERROR', message: (error as Error).message });
    }
    req.log.error(error);
    return sendJson(reply, 500, { code: 'SYSTEM_ERROR', message: '系统异常，请稍后重试' });
  });

  app.setNotFoundHandler(async (req, reply) =>
    sendJson(reply, 404, { code: 'NOT_FOUND', message: `${req.method} ${req.url.split('?')[0]} is not a route of the simulator` }),
  );

  const merchantOf = (req: FastifyRequest): Merchant => {
    const m = contexts.get(req)?.merchant;
    if (!m) throw new WxError(401, 'SIGN_ERROR', '错误的签名，验签失败');
    return m;
  };
  registerMerchantApi(app, core, merchantOf);
  registerFundsApi(app, core, merchantOf);
  registerComplaintsApi(app, core, merchantOf);
  registerControlRoutes(app, core);
  registerUserRoutes(app, core);
  return app;
}

export async function createSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const holder: { app?: FastifyInstance } = {};
  const core = new SimulatorCore(options, (error) => holder.app?.log.error(error));
  const app = buildSimulatorApp(core, options.logger ?? false);
  holder.app = app;
  await app.listen({ port: options.port ?? 4010, host: options.host ?? '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 4010);
  const host = options.host ?? '127.0.0.1';
  let closed = false;
  return {
    app,
    core,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    platformPublicKeyPem: core.platformKey.publicKeyPem,
    platformPublicKeyId: core.platformKey.publicKeyId,
    async close() {
      if (closed) return;
      closed = true;
      core.close();
      await app.close();
      await core.notifier.settle();
    },
  };
}
