// The simulator's own control routes (contracts.md §5 plus the documented extras in README.md).
import { type FastifyInstance } from 'fastify';
import { rfc3339 } from '../platform/beijing-time.js';
import { SimControlError } from '../platform/wx-error.js';
import { parseMerchant } from '../merchants/merchant-registry.js';
import { orderWire, type DebitOutcome, type OrderRecord } from '../orders/order-model.js';
import { parseFaultRules } from '../control/faults.js';
import { type DeliverySwitches } from '../notifications/notifier.js';
import { type SimulatorCore } from '../simulator-core.js';
import { controlBody, param, queryOf, rawBody, sendJson } from './http-helpers.js';
import { parseAlteration } from '../bills/alterations.js';
import { BILL_FILE_FAULTS, type BillFileFault } from '../bills/trade-bill.js';

const OUTCOMES = ['confirm', 'refuse', 'assessment-failed'] as const;
const DEBIT_OUTCOMES: readonly DebitOutcome[] = ['success', 'insufficient-funds', 'user-pays-later'];

const optionalString = (body: Record<string, unknown>, field: string): string | undefined => {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new SimControlError(400, 'INVALID_FIELD', `${field} must be a string`);
  return v;
};

export function simOrderView(core: SimulatorCore, o: OrderRecord): Record<string, unknown> {
  return {
    ...orderWire(o),
    sim: {
      scenario: o.scenario,
      mode: o.mode,
      createdAt: rfc3339(o.createdAtMs),
      updatedAt: rfc3339(o.updatedAtMs),
      package: o.packageToken,
      pageOpened: o.pageOpened,
      packageUsed: o.packageUsed,
      debitBusyUntil: o.debitBusyUntilMs === undefined ? undefined : rfc3339(o.debitBusyUntilMs),
      queryId: o.queryId,
      openedBy: o.viewerOpenid,
      userAction: o.userAction,
      depositPaid: o.depositPaid,
      cancelReason: o.cancelReason,
      modifyCount: o.modifyCount,
      debitPlan: core.orders.debitPlanFor(o),
      debitAttempts: o.debitAttempts,
      debitScheduled: o.debitTask !== undefined,
      payments: o.payments.map((p) => ({ ...p, paidAt: rfc3339(p.paidAtMs) })),
      warnings: o.warnings,
    },
  };
}

export function registerControlRoutes(app: FastifyInstance, core: SimulatorCore): void {
  app.get('/', async (_req, reply) =>
    sendJson(reply, 200, {
      name: 'zizhu WeChat Pay Score simulator',
      platformPublicKeyId: core.platformKey.publicKeyId,
      phone: '/sim/phone',
      state: '/sim/state',
      docs: 'apps/payscore-sim/README.md',
    }),
  );

  app.post('/sim/merchants', async (req, reply) => {
    const merchant = parseMerchant(controlBody(req));
    core.merchants.register(merchant);
    return sendJson(reply, 200, { platformPublicKeyPem: core.platformKey.publicKeyPem, platformPublicKeyId: core.platformKey.publicKeyId });
  });

  app.post('/sim/orders/:out_order_no/confirm', async (req, reply) => {
    const body = controlBody(req);
    const outcome = body['outcome'] ?? 'confirm';
    if (!OUTCOMES.includes(outcome as (typeof OUTCOMES)[number])) {
      throw new SimControlError(400, 'INVALID_OUTCOME', `outcome must be one of ${OUTCOMES.join(', ')}`);
    }
    const openid = optionalString(body, 'openid');
    const mchid = optionalString(body, 'mchid');
    const result = core.orders.userAction(param(req, 'out_order_no'), {
      outcome: outcome as (typeof OUTCOMES)[number],
      ...(openid !== undefined ? { openid } : {}),
      ...(mchid !== undefined ? { mchid } : {}),
      payDeposit: body['payDeposit'] === true,
    });
    return sendJson(reply, 200, result);
  });

  app.post('/sim/business-view', async (req, reply) => {
    const body = controlBody(req);
    const appid = optionalString(body, 'appid');
    const openid = optionalString(body, 'openid');
    const order = core.orders.openBusinessView({
      ...(appid !== undefined ? { appid } : {}),
      ...(openid !== undefined ? { openid } : {}),
      businessType: body['businessType'],
      extraData: body['extraData'],
    });
    return sendJson(reply, 200, {
      opened: true,
      out_order_no: order.outOrderNo,
      mchid: order.mchid,
      phoneUrl: `/sim/phone?out_order_no=${encodeURIComponent(order.outOrderNo)}&mchid=${encodeURIComponent(order.mchid)}`,
    });
  });

  app.post('/sim/orders/:out_order_no/user-pay', async (req, reply) => {
    const mchid = optionalString(controlBody(req), 'mchid');
    return sendJson(reply, 200, core.orders.userPays(param(req, 'out_order_no'), mchid));
  });

  app.get('/sim/orders/:out_order_no', async (req, reply) => {
    const order = core.orders.findForControl(param(req, 'out_order_no'), queryOf(req)['mchid']);
    return sendJson(reply, 200, simOrderView(core, order));
  });

  app.post('/sim/debits', async (req, reply) => {
    const body = controlBody(req);
    const outcome = body['outcome'];
    if (!DEBIT_OUTCOMES.includes(outcome as DebitOutcome)) {
      throw new SimControlError(400, 'INVALID_OUTCOME', `outcome must be one of ${DEBIT_OUTCOMES.join(', ')}`);
    }
    const failures = body['failures'];
    if (failures !== undefined && (typeof failures !== 'number' || !Number.isInteger(failures) || failures < 0)) {
      throw new SimControlError(400, 'INVALID_FIELD', 'failures must be a non-negative integer');
    }
    const outOrderNo = optionalString(body, 'outOrderNo');
    const mchid = optionalString(body, 'mchid');
    const plan = { outcome: outcome as DebitOutcome, ...(typeof failures === 'number' ? { failures } : {}) };
    core.orders.setDebitPlan(outOrderNo, mchid, plan);
    return sendJson(reply, 200, { scope: outOrderNo === undefined ? 'default' : `${mchid ?? '*'}|${outOrderNo}`, ...plan });
  });

  app.get('/sim/clock', async (_req, reply) => sendJson(reply, 200, clockView(core)));
  app.post('/sim/clock', async (req, reply) => {
    const seconds = controlBody(req)['advanceSeconds'];
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
      throw new SimControlError(400, 'INVALID_FIELD', 'advanceSeconds must be a non-negative number');
    }
    core.advance(seconds);
    return sendJson(reply, 200, clockView(core));
  });

  app.get('/sim/faults', async (_req, reply) => sendJson(reply, 200, { rules: core.faults.list() }));
  app.post('/sim/faults', async (req, reply) => {
    core.faults.set(parseFaultRules(controlBody(req)));
    return sendJson(reply, 200, { rules: core.faults.list() });
  });

  app.get('/sim/callbacks', async (_req, reply) =>
    sendJson(reply, 200, { switches: core.notifier.getSwitches(), deliveries: core.notifier.deliveries() }),
  );
  app.post('/sim/callbacks', async (req, reply) => {
    const body = controlBody(req);
    const patch: Partial<DeliverySwitches> = {};
    for (const f of ['copies', 'holdMs', 'lateMs'] as const) {
      const v = body[f];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < (f === 'copies' ? 1 : 0)) {
        throw new SimControlError(400, 'INVALID_FIELD', `${f} must be an integer ${f === 'copies' ? '>= 1' : '>= 0'}`);
      }
      patch[f] = v;
    }
    if (body['signTestProbe'] !== undefined) {
      if (typeof body['signTestProbe'] !== 'boolean') throw new SimControlError(400, 'INVALID_FIELD', 'signTestProbe must be a boolean');
      patch.signTestProbe = body['signTestProbe'];
    }
    if (body['drop'] !== undefined) {
      if (typeof body['drop'] !== 'boolean') throw new SimControlError(400, 'INVALID_FIELD', 'drop must be a boolean');
      patch.drop = body['drop'];
    }
    if (body['outOfOrder'] !== undefined) {
      if (typeof body['outOfOrder'] !== 'boolean') throw new SimControlError(400, 'INVALID_FIELD', 'outOfOrder must be a boolean');
      patch.outOfOrder = body['outOfOrder'];
    }
    return sendJson(reply, 200, { switches: core.notifier.setSwitches(patch) });
  });
  app.post('/sim/callbacks/flush', async (_req, reply) => {
    core.notifier.flush();
    return sendJson(reply, 200, { switches: core.notifier.getSwitches() });
  });

  app.get('/sim/settings', async (_req, reply) => sendJson(reply, 200, { ...core.orders.settings, ...core.fundSettings }));
  app.post('/sim/settings', async (req, reply) => {
    const body = controlBody(req);
    if (body['cancelWhilePaying'] !== undefined) {
      if (typeof body['cancelWhilePaying'] !== 'boolean') throw new SimControlError(400, 'INVALID_FIELD', 'cancelWhilePaying must be a boolean');
      core.orders.settings.cancelWhilePaying = body['cancelWhilePaying'];
    }
    if (body['lenient'] !== undefined) {
      if (typeof body['lenient'] !== 'boolean') throw new SimControlError(400, 'INVALID_FIELD', 'lenient must be a boolean');
      core.orders.settings.lenient = body['lenient'];
    }
    if (body['industryTemplates'] !== undefined) {
      if (body['industryTemplates'] !== 'warn' && body['industryTemplates'] !== 'strict') {
        throw new SimControlError(400, 'INVALID_FIELD', 'industryTemplates must be warn|strict');
      }
      core.orders.settings.industryTemplates = body['industryTemplates'];
    }
    if (body['refundOutcome'] !== undefined) {
      const outcome = body['refundOutcome'];
      if (outcome !== 'SUCCESS' && outcome !== 'ABNORMAL' && outcome !== 'CLOSED') {
        throw new SimControlError(400, 'INVALID_FIELD', 'refundOutcome must be SUCCESS|ABNORMAL|CLOSED');
      }
      core.orders.settings.refundOutcome = outcome;
    }
    for (const field of ['debitBusyMs', 'debitDelayMs', 'debitRetryMs'] as const) {
      const value = body[field];
      if (value === undefined) continue;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new SimControlError(400, 'INVALID_FIELD', `${field} must be an integer >= 0`);
      core.orders.settings[field] = value;
    }
    applyFundSettings(core, body);
    return sendJson(reply, 200, { ...core.orders.settings, ...core.fundSettings });
  });

  // ---------------------------------------------------------------- profit sharing and merchant transfer

  app.get('/sim/merchants/:mchid/balance', async (req, reply) => {
    const mchid = param(req, 'mchid');
    return sendJson(reply, 200, { mchid, availableFen: core.funds.balance(mchid) });
  });
  app.post('/sim/merchants/:mchid/balance', async (req, reply) => {
    const mchid = param(req, 'mchid');
    const fen = controlBody(req)['availableFen'];
    if (typeof fen !== 'number' || !Number.isSafeInteger(fen) || fen < 0) throw new SimControlError(400, 'INVALID_FIELD', 'availableFen must be an integer >= 0');
    core.funds.setBalance(mchid, fen);
    return sendJson(reply, 200, { mchid, availableFen: core.funds.balance(mchid) });
  });
  app.post('/sim/merchants/:mchid/profit-sharing-max-ratio', async (req, reply) => {
    const mchid = param(req, 'mchid');
    return sendJson(reply, 200, { mchid, maxRatio: core.profitSharing.setMaxRatio(mchid, controlBody(req)['maxRatio']) });
  });
  app.post('/sim/merchants/:mchid/profit-sharing-notify-url', async (req, reply) => {
    const mchid = param(req, 'mchid');
    const url = controlBody(req)['url'];
    if (typeof url !== 'string' || !/^https?:\/\/[^?]+$/.test(url)) throw new SimControlError(400, 'INVALID_FIELD', 'url must be an http(s) URL without a query string');
    core.profitSharing.setNotifyUrl(mchid, url);
    return sendJson(reply, 200, { mchid, url });
  });
  app.post('/sim/profit-sharing/account-names', async (req, reply) => {
    const body = controlBody(req);
    const account = body['account'];
    const name = body['name'];
    if (typeof account !== 'string' || account === '' || typeof name !== 'string' || name === '') {
      throw new SimControlError(400, 'INVALID_FIELD', 'account and name must be non-empty strings');
    }
    core.profitSharing.setAccountName(account, name);
    return sendJson(reply, 200, { account, name });
  });
  app.post('/sim/profit-sharing/receiver-failures', async (req, reply) => {
    const body = controlBody(req);
    const account = body['account'];
    const failReason = body['failReason'] ?? 'ACCOUNT_ABNORMAL';
    if (typeof account !== 'string' || account === '' || typeof failReason !== 'string' || failReason === '') {
      throw new SimControlError(400, 'INVALID_FIELD', 'account (and failReason, default ACCOUNT_ABNORMAL) must be non-empty strings');
    }
    core.profitSharing.failNextLine(account, failReason);
    return sendJson(reply, 200, { account, failReason });
  });
  app.get('/sim/profit-sharing', async (_req, reply) => sendJson(reply, 200, core.profitSharing.view()));

  app.post('/sim/transfers/failures', async (req, reply) => {
    const body = controlBody(req);
    const openid = body['openid'];
    const failReason = body['failReason'] ?? 'PAYEE_ACCOUNT_ABNORMAL';
    if (typeof openid !== 'string' || openid === '' || typeof failReason !== 'string' || failReason === '') {
      throw new SimControlError(400, 'INVALID_FIELD', 'openid (and failReason, default PAYEE_ACCOUNT_ABNORMAL) must be non-empty strings');
    }
    core.transfers.failNext(openid, failReason);
    return sendJson(reply, 200, { openid, failReason });
  });
  app.post('/sim/transfers/:out_bill_no/confirm', async (req, reply) =>
    sendJson(reply, 200, core.transfers.userConfirms(param(req, 'out_bill_no'), optionalString(controlBody(req), 'mchid'))),
  );
  app.get('/sim/transfers', async (_req, reply) => sendJson(reply, 200, core.transfers.view()));

  // ---------------------------------------------------------------- bills and complaints

  app.get('/sim/bills/alterations', async (_req, reply) => sendJson(reply, 200, { alterations: core.billAlterations.all() }));
  app.post('/sim/bills/alterations', async (req, reply) => {
    const raw = rawBody(req).trim();
    let value: unknown;
    try {
      value = raw === '' ? [] : JSON.parse(raw);
    } catch {
      throw new SimControlError(400, 'INVALID_JSON', 'body is not valid JSON');
    }
    if (Array.isArray(value)) core.billAlterations.set(value.map(parseAlteration));
    else core.billAlterations.add(parseAlteration(value));
    return sendJson(reply, 200, { alterations: core.billAlterations.all() });
  });
  app.delete('/sim/bills/alterations', async (_req, reply) => {
    core.billAlterations.clear();
    return sendJson(reply, 200, { alterations: [] });
  });

  app.post('/sim/bills/file-faults', async (req, reply) => {
    const body = controlBody(req);
    const fault = body['fault'];
    const times = body['times'];
    if (fault !== 'none' && !BILL_FILE_FAULTS.includes(fault as BillFileFault)) {
      throw new SimControlError(400, 'INVALID_FIELD', `fault must be one of none, ${BILL_FILE_FAULTS.join(', ')}`);
    }
    if (times !== undefined && (typeof times !== 'number' || !Number.isInteger(times) || times < 1)) throw new SimControlError(400, 'INVALID_FIELD', 'times must be an integer >= 1');
    core.bills.fileFault = fault === 'none' ? undefined : { fault: fault as BillFileFault, ...(typeof times === 'number' ? { times } : {}) };
    return sendJson(reply, 200, { fileFault: core.bills.fileFault ?? null });
  });

  app.post('/sim/complaints', async (req, reply) =>
    sendJson(reply, 200, core.complaints.create(controlBody(req), `http://${req.headers.host ?? '127.0.0.1'}`)),
  );
  app.get('/sim/complaints', async (_req, reply) => sendJson(reply, 200, core.complaints.viewAll()));
  app.get('/sim/uploads/:media_id', async (req, reply) => {
    const upload = core.complaints.uploaded(param(req, 'media_id'));
    const ext = upload.filename.slice(upload.filename.lastIndexOf('.') + 1).toLowerCase();
    return reply
      .code(200)
      .header('x-sim-mchid', upload.mchid)
      .header('x-sim-filename', encodeURIComponent(upload.filename))
      .type(ext === 'png' ? 'image/png' : ext === 'bmp' ? 'image/bmp' : 'image/jpeg')
      .send(upload.bytes);
  });
  app.get('/sim/complaints/:complaint_id', async (req, reply) => sendJson(reply, 200, core.complaints.viewOne(param(req, 'complaint_id'))));
  app.post('/sim/complaints/:complaint_id/user-messages', async (req, reply) =>
    sendJson(reply, 200, core.complaints.userMessage(param(req, 'complaint_id'), controlBody(req))),
  );

  app.get('/sim/state', async (_req, reply) =>
    sendJson(reply, 200, {
      clock: clockView(core),
      platformPublicKeyId: core.platformKey.publicKeyId,
      settings: core.orders.settings,
      merchants: core.merchants.all().map((m) => ({
        mchid: m.mchid,
        ...(m.name === undefined ? {} : { name: m.name }),
        serialNo: m.serialNo,
        appids: m.appids,
        services: [...m.services.values()],
      })),
      orders: core.orders.all().map((o) => simOrderView(core, o)),
      refunds: core.refunds.all().map(({ canonical: _c, ...r }) => ({ ...r, createdAt: rfc3339(r.createdAtMs) })),
      callbacks: { switches: core.notifier.getSwitches(), deliveries: core.notifier.deliveries() },
      faults: core.faults.list(),
      profitSharing: core.profitSharing.view(),
      transfers: core.transfers.view(),
      billAlterations: core.billAlterations.all(),
      complaints: core.complaints.viewAll(),
      scheduledTasks: core.scheduler.pending,
    }),
  );

  app.post('/sim/reset', async (_req, reply) => {
    core.reset();
    return sendJson(reply, 200, { reset: true });
  });
}

/** The profit-sharing and transfer fields of POST /sim/settings. */
function applyFundSettings(core: SimulatorCore, body: Record<string, unknown>): void {
  const s = core.fundSettings;
  for (const field of ['profitSharingSettleMs', 'profitSharingDelayMs', 'transferAcceptMs', 'transferDelayMs', 'transferConfirmWindowMs'] as const) {
    const value = body[field];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new SimControlError(400, 'INVALID_FIELD', `${field} must be an integer >= 0`);
    s[field] = value;
  }
  const feeRate = body['feeRateBasisPoints'];
  if (feeRate !== undefined) {
    if (typeof feeRate !== 'number' || !Number.isInteger(feeRate) || feeRate < 0 || feeRate > 10000) {
      throw new SimControlError(400, 'INVALID_FIELD', 'feeRateBasisPoints must be an integer 0..10000 (60 = 0.60%)');
    }
    s.feeRateBasisPoints = feeRate;
  }
  const eventType = body['profitSharingEventType'];
  if (eventType !== undefined) {
    if (eventType !== 'PROFITSHARING' && eventType !== 'TRANSACTION') throw new SimControlError(400, 'INVALID_FIELD', 'profitSharingEventType must be PROFITSHARING|TRANSACTION');
    s.profitSharingEventType = eventType;
  }
  const confirm = body['transferConfirm'];
  if (confirm !== undefined) {
    if (confirm !== 'user' && confirm !== 'auto') throw new SimControlError(400, 'INVALID_FIELD', 'transferConfirm must be user|auto');
    s.transferConfirm = confirm;
  }
}

function clockView(core: SimulatorCore): Record<string, unknown> {
  return { now: rfc3339(core.clock.now()), nowMs: core.clock.now(), offsetSeconds: core.clock.offsetSeconds };
}
