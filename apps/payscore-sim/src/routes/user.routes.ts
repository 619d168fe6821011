// The end user's side: the phone confirmation page, the mini-program login code exchange and the
// official-account web authorisation (snsapi_base) of the reference pages in a browser.
import { type FastifyInstance } from 'fastify';
import { renderConfirmPage, renderOrderList } from '../user/phone-page.js';
import { jscode2session } from '../user/jscode2session.js';
import { authorize, oauth2AccessToken } from '../user/oauth2.js';
import { SimControlError } from '../platform/wx-error.js';
import { type SimulatorCore } from '../simulator-core.js';
import { queryOf, sendJson } from './http-helpers.js';

export function registerUserRoutes(app: FastifyInstance, core: SimulatorCore): void {
  app.get('/sim/phone', async (req, reply) => {
    const q = queryOf(req);
    const no = q['out_order_no'];
    const pkg = q['package'];
    let html: string;
    if ((no === undefined || no === '') && !pkg) html = renderOrderList(core.orders.all());
    else {
      try {
        // by package: the user's WeChat opening the jump (`openid`, when given, is that user); by out_order_no: a look
        const openid = q['openid'];
        const order = pkg
          ? core.orders.openBusinessView({ businessType: 'wxpayScoreUse', extraData: { package: pkg }, ...(openid ? { openid } : {}) }, { phonePage: true })
          : core.orders.findForControl(no ?? '', q['mchid']);
        html = renderConfirmPage(order);
      } catch (error) {
        if (!(error instanceof SimControlError)) throw error;
        return reply.code(error.status).type('text/html; charset=utf-8').send(`<!doctype html><meta charset="utf-8"><p>${error.message.replace(/</g, '&lt;')}</p>`);
      }
    }
    return reply.code(200).type('text/html; charset=utf-8').send(html);
  });

  app.get('/sns/jscode2session', async (req, reply) => {
    const query = queryOf(req);
    const answer = jscode2session(query);
    // the user has opened this mini-program: the simulator now knows them as one of its users
    if (typeof answer['openid'] === 'string' && query['appid']) core.orders.noteSignIn(query['appid'], answer['openid']);
    return sendJson(reply, 200, answer);
  });

  app.get('/connect/oauth2/authorize', async (req, reply) => {
    const answer = authorize(queryOf(req));
    if ('redirect' in answer) return reply.redirect(answer.redirect, 302);
    return reply.code(answer.status).type('text/html; charset=utf-8').send(answer.html);
  });

  app.get('/sns/oauth2/access_token', async (req, reply) => {
    const query = queryOf(req);
    const answer = oauth2AccessToken(query);
    if (typeof answer['openid'] === 'string' && query['appid']) core.orders.noteSignIn(query['appid'], answer['openid']);
    return sendJson(reply, 200, answer);
  });
}
