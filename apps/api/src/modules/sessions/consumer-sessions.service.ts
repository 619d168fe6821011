import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { openBusinessViewForConfirm, outOrderNoFor } from '@zizhu/payscore';
import { riskFundFor, type PricingPlan } from '@zizhu/pricing';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../platform/clock/clock.js';
import { systemStatement, Transactions } from '../../platform/database/transactions.js';
import { JobsService } from '../../platform/jobs/jobs.service.js';
import { EndUsersService } from '../consumers/end-users.service.js';
import type { ConsumerPrincipal } from '../consumers/consumer-auth.js';
import { CHARGED_PERCENT } from '../fleet/power-banks.js';
import { currentPlan } from '../fleet/pricing-plans.js';
import type { DeviceType } from '../fleet/fleet.entities.js';
import { assertServiceFits, MerchantGateway, scenarioOfDeviceType } from '../merchants/merchant-gateway.service.js';
import { SessionEngine, CANCEL_REASONS } from './session-engine.service.js';
import { SessionStore } from './session-store.js';
import { SessionWatch } from './session-watch.js';
import type { SessionRow } from './session.model.js';
import { runningFen } from './sessions.mappers.js';
import { sessionErrors } from './sessions.errors.js';
import { createOrderJob, syncOrderJob } from './sessions.jobs.js';

export interface StartSessionInput {
  deviceCode: string;
  slot?: number | undefined;
  connector?: number | undefined;
}

interface DeviceForScan {
  id: string;
  tenant_id: string;
  code: string;
  type: DeviceType;
  slot_count: number | null;
  connector_count: number | null;
  plan_id: string | null;
  payscore_service_id: string | null;
  revoked_at: Date | null;
  online: boolean;
  last_seen_at: Date | null;
  /** POWERBANK_CABINET: banks in its slots charged to at least CHARGED_PERCENT (null: its heartbeats report no slot inventory). */
  charged_banks: number | null;
}

/** How long the scan answer waits for WeChat's confirmation package before answering without it. */
const PACKAGE_WAIT_MS = 8000;
/** The consumer's own session: one of another user (or unknown) reads nothing. */
const OWN_SESSION = `SELECT s.* FROM service_sessions s JOIN end_users u ON u.id = s.end_user_id WHERE s.id = $1 AND u.appid = $2 AND u.openid = $3`;

/**
 * The end user's side (contracts.md §6). A consumer acts across merchants (a QR code names any device),
 * so these run in system transactions that name the consumer explicitly in every query.
 */
@Injectable()
export class ConsumerSessionsService {
  private readonly logger = new Logger('Sessions');

  constructor(
    private readonly transactions: Transactions,
    private readonly jobs: JobsService,
    private readonly merchants: MerchantGateway,
    private readonly endUsers: EndUsersService,
    private readonly engine: SessionEngine,
    private readonly store: SessionStore,
    private readonly watch: SessionWatch,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  async start(consumer: ConsumerPrincipal, input: StartSessionInput): Promise<Record<string, unknown>> {
    // a scan the scenario guard refuses is recorded after its transaction rolled back (issue 14, scenario compliance)
    let refusal: unknown[] | null = null;
    let created = false;
    const sessionId = await this.transactions
      .asSystem(async (m) => {
        const [device] = (await m.query(
          `SELECT d.id, d.tenant_id, d.code, d.type, d.slot_count, d.connector_count, d.plan_id, d.payscore_service_id, d.revoked_at, d.online, d.last_seen_at,
                  CASE WHEN d.type = 'POWERBANK_CABINET'
                        -- only a cabinet whose last report named its banks is checked (slots without bankIds say nothing of them)
                        AND EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(d.telemetry->'slots') = 'array' THEN d.telemetry->'slots' ELSE '[]'::jsonb END) e
                                     WHERE jsonb_typeof(e) = 'object' AND jsonb_typeof(e->'bankId') = 'string')
                       THEN (SELECT count(*)::int FROM power_banks p WHERE p.device_id = d.id AND p.network_tenant_id = zizhu_powerbank_network(d.tenant_id)
                               AND p.state = 'IN_SLOT' AND coalesce(p.charge_percent, 100) >= $2) END AS charged_banks
             FROM devices d WHERE d.code = $1`,
          [input.deviceCode, CHARGED_PERCENT],
        )) as DeviceForScan[];
        if (!device) throw sessionErrors.SESSION_DEVICE_NOT_FOUND(`No device has the code ${input.deviceCode}.`);
        if (device.revoked_at) throw sessionErrors.SESSION_DEVICE_UNAVAILABLE('This device is out of service.');
        if (!device.online && device.last_seen_at) throw sessionErrors.SESSION_DEVICE_UNAVAILABLE('This device is offline.');
        const position = this.position(device, input);
        // a scan repeated by the same user at the same position answers that user's open session; before the
        // user confirmed, with a new Pay Score order (the package handed out before is single-use: the user may
        // have opened it and backed out)
        const [open] = (await m.query(
          `SELECT s.id, s.state, u.appid, u.openid FROM service_sessions s JOIN end_users u ON u.id = s.end_user_id
           WHERE s.device_id = $1 AND coalesce(s.slot, 0) = $2 AND coalesce(s.connector, 0) = $3 AND s.state IN ('AWAITING_CONFIRMATION', 'STARTING', 'IN_USE')`,
          [device.id, position.slot ?? 0, position.connector ?? 0],
        )) as { id: string; state: string; appid: string; openid: string }[];
        if (open) {
          if (open.appid !== consumer.appid || open.openid !== consumer.openid) throw sessionErrors.SESSION_DEVICE_BUSY();
          if (open.state === 'AWAITING_CONFIRMATION') await this.engine.replaceOrder(m, open.id);
          return open.id;
        }
        // a cabinet that reports its inventory rents only a charged bank: refused before any Pay Score order (issue 16)
        if (device.charged_banks === 0) throw sessionErrors.SESSION_NO_CHARGED_BANK(`No power bank in ${device.code} is charged to ${CHARGED_PERCENT}% or more.`);
        if (!device.plan_id) throw sessionErrors.SESSION_PLAN_MISSING();
        const plan = await currentPlan(m, device.plan_id);
        if (!plan) throw sessionErrors.SESSION_PLAN_MISSING();
        // the scenario guard: refused before any call to WeChat
        const binding = await this.merchants.resolveService(m, { tenantId: device.tenant_id, payscoreServiceId: device.payscore_service_id, type: device.type });
        const fund = riskFundFor(plan.plan as unknown as PricingPlan, binding.scenario);
        if (!fund.ok) throw sessionErrors.SESSION_PLAN_MISSING(`The device's pricing plan cannot be charged through Pay Score: ${fund.error.message}`);
        if (binding.scenario !== scenarioOfDeviceType(device.type)) {
          refusal = [binding.merchantTenantId, binding.merchantAccountId, binding.id, binding.serviceId, binding.scenario, device.id, device.code, device.type, consumer.appid, consumer.openid, this.clock.now()];
        }
        assertServiceFits(binding, device.type, fund.value.amountFen);
        const handle = await this.merchants.forAccount(m, binding.merchantAccountId);
        // launch checklist 13: the appid that opens the confirmation page is the one the order is created with
        if (!handle.appids.includes(consumer.appid)) {
          throw sessionErrors.SESSION_APPID_NOT_BOUND(`The mini-program ${consumer.appid} is not bound to merchant ${handle.mchid}; this device's QR code must open one of its bound mini-programs.`);
        }
        const endUserId = await this.endUsers.ensure(m, binding.merchantTenantId, consumer.appid, consumer.openid);
        const id = randomUUID();
        await m.query(
          `INSERT INTO service_sessions (id, tenant_id, merchant_tenant_id, merchant_account_id, payscore_service_id, service_id, scenario, service_mode,
             end_user_id, appid, device_id, device_type, device_code, slot, connector, plan_id, plan_version, plan, risk_fund_fen, notify_url, out_order_no, state,
             profit_sharing, created_at, awaiting_confirmation_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, 'AWAITING_CONFIRMATION', $22, $23, $23)`,
          [
            id,
            device.tenant_id,
            binding.merchantTenantId,
            binding.merchantAccountId,
            binding.id,
            binding.serviceId,
            binding.scenario,
            binding.mode,
            endUserId,
            consumer.appid,
            device.id,
            device.type,
            device.code,
            position.slot,
            position.connector,
            device.plan_id,
            plan.version,
            JSON.stringify(plan.plan),
            fund.value.amountFen,
            handle.notifyUrl,
            outOrderNoFor(id),
            binding.profitSharing === true,
            // the session's start (the day whose agreement applies) and its confirmation timeout run on the business clock
            this.clock.now(),
          ],
        );
        await this.store.insertAttempt(m, { id, tenant_id: device.tenant_id, merchant_tenant_id: binding.merchantTenantId }, 1, outOrderNoFor(id));
        await this.jobs.enqueue(createOrderJob, { tenantId: binding.merchantTenantId, sessionId: id }, { key: `create:${id}` });
        created = true;
        return id;
      })
      .catch(async (error: unknown) => {
        if ((error as { code?: string; constraint?: string }).constraint === 'service_sessions_one_open_per_position') throw sessionErrors.SESSION_DEVICE_BUSY();
        if (refusal) {
          const params = refusal;
          // the record is for the compliance page; failing to write it must not replace the refusal the user gets
          await this.transactions
            .asSystem((m) =>
              m.query(
                `INSERT INTO scenario_refusals (tenant_id, merchant_account_id, payscore_service_id, service_id, service_scenario, device_id, device_code, device_type, appid, openid, refused_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
                params,
              ),
            )
            .catch((recordError: unknown) => this.logger.warn({ err: recordError, deviceId: params[5] }, 'scan refused by the scenario guard: the refusal could not be recorded'));
        }
        throw error;
      });
    // each look reads the session and, once it has its package (or moved on), what the answer shows, in one transaction;
    // a session just created has no package yet, so the first look is the wait
    const ready = (r: SessionRow) => r.order_package !== null || r.state !== 'AWAITING_CONFIRMATION';
    const seen = await this.watch.until(
      sessionId,
      () =>
        this.transactions.asSystem(async (m) => {
          const row = await this.read(consumer, sessionId, m);
          return { row, view: ready(row) ? await this.view(row, m) : null };
        }),
      (v) => v.view !== null,
      PACKAGE_WAIT_MS,
      250,
      created ? { row: null, view: null } : undefined,
    );
    return seen.view ?? this.transactions.asSystem(async (m) => this.view(seen.row ?? (await this.read(consumer, sessionId, m)), m));
  }

  private position(device: DeviceForScan, input: StartSessionInput): { slot: number | null; connector: number | null } {
    if (input.slot !== undefined) {
      if (device.type !== 'POWERBANK_CABINET' || input.slot > (device.slot_count ?? 0)) {
        throw sessionErrors.SESSION_POSITION_INVALID(`slot: this device has ${device.slot_count ? `slots 1–${device.slot_count}` : 'no slots'}.`, { errors: [{ field: 'slot', messages: ['no such slot on this device'] }] });
      }
    }
    if (input.connector !== undefined) {
      if (device.type !== 'EV_CHARGER' || input.connector > (device.connector_count ?? 0)) {
        throw sessionErrors.SESSION_POSITION_INVALID(`connector: this device has ${device.connector_count ? `connectors 1–${device.connector_count}` : 'no connectors'}.`, {
          errors: [{ field: 'connector', messages: ['no such connector on this device'] }],
        });
      }
    }
    return {
      slot: input.slot ?? null,
      connector: input.connector ?? (device.type === 'EV_CHARGER' ? 1 : null),
    };
  }

  /** The consumer's own session (another user's answers 404). */
  private async read(consumer: ConsumerPrincipal, sessionId: string, m?: EntityManager): Promise<SessionRow> {
    const values = [sessionId, consumer.appid, consumer.openid];
    // alone, the read is one statement in a transaction of its own: one round trip
    const [row] = m ? ((await m.query(OWN_SESSION, values)) as SessionRow[]) : (await systemStatement<SessionRow>(this.dataSource, { text: OWN_SESSION, values })).rows;
    if (!row) throw sessionErrors.SESSION_NOT_FOUND();
    return row;
  }

  /** What the user's page polls: the session, then (in use, or awaiting confirmation) what its answer shows, read apart. */
  async get(consumer: ConsumerPrincipal, sessionId: string): Promise<Record<string, unknown>> {
    return this.view(await this.read(consumer, sessionId));
  }

  /** The mini-program came back from the confirmation page: ask WeChat now instead of waiting for the callback. */
  async confirmed(consumer: ConsumerPrincipal, sessionId: string): Promise<Record<string, unknown>> {
    const row = await this.transactions.asSystem(async (m) => {
      const r = await this.read(consumer, sessionId, m);
      if (r.state === 'AWAITING_CONFIRMATION') {
        await this.jobs.enqueue(syncOrderJob, { tenantId: r.merchant_tenant_id, sessionId }, { key: `sync:${sessionId}:${Math.floor(Date.now() / 2000)}` });
      }
      return r;
    });
    if (row.state !== 'AWAITING_CONFIRMATION') return this.view(row);
    return this.view(await this.watch.until(sessionId, () => this.read(consumer, sessionId), (r) => r.state !== 'AWAITING_CONFIRMATION', 3000));
  }

  /** The user backed out on the confirmation page (or never went): the order is cancelled. */
  async cancel(consumer: ConsumerPrincipal, sessionId: string): Promise<Record<string, unknown>> {
    const row = await this.transactions.asSystem(async (m) => {
      await this.read(consumer, sessionId, m);
      const locked = (await this.store.lock(m, sessionId))!;
      if (locked.state !== 'AWAITING_CONFIRMATION') throw sessionErrors.SESSION_INVALID_STATE(`The session is ${locked.state}; only a session awaiting confirmation can be cancelled by the user.`);
      return this.engine.requestCancel(m, locked, CANCEL_REASONS.userCancelled);
    });
    this.watch.changed(sessionId);
    return this.view(row);
  }

  /**
   * What the mini-program shows; the confirmation jump while the user has not confirmed. What it reads (the meter,
   * the merchant's keys) is read in the caller's transaction, or in one of its own when there is none.
   */
  private async view(row: SessionRow, manager?: EntityManager): Promise<Record<string, unknown>> {
    const reading = <T>(fn: (m: EntityManager) => Promise<T>) => (manager ? fn(manager) : this.transactions.asSystem(fn));
    let businessView: unknown = null;
    let running: number | null = null;
    if (row.state === 'IN_USE') {
      const readings = await reading((m) => this.store.meterReadings(m, [row]));
      running = runningFen(row, readings.get(row.id) ?? null, this.clock.now().getTime());
    }
    if (row.state === 'AWAITING_CONFIRMATION' && row.order_package && !row.cancel_requested_at) {
      const handle = await reading((m) => this.merchants.forAccount(m, row.merchant_account_id));
      // launch checklist (Pay Score 1): the v2 sign uses the APIv2 key
      businessView = openBusinessViewForConfirm({ mchid: handle.mchid, package: row.order_package }, { apiV2Key: handle.apiV2Key, now: Date.now() });
    }
    return {
      sessionId: row.id,
      state: row.state,
      outOrderNo: row.out_order_no,
      attempt: row.order_attempt,
      deviceCode: row.device_code,
      slot: row.slot,
      connector: row.connector,
      businessView,
      riskFundFen: row.risk_fund_fen,
      ...(running !== null ? { runningFen: running } : {}),
      ...(row.total_fen !== null ? { totalFen: row.total_fen } : {}),
      ...(row.quote ? { lines: (row.quote as { lines?: unknown }).lines ?? [] } : {}),
      ...(row.paid_fen !== null ? { paidFen: row.paid_fen } : {}),
      ...(row.refunded_fen > 0 ? { refundedFen: row.refunded_fen } : {}),
      ...(row.cancel_reason && row.state === 'CANCELLED' ? { cancelReason: row.cancel_reason } : {}),
      startedAt: row.service_started_at?.toISOString() ?? null,
      endedAt: row.service_ended_at?.toISOString() ?? null,
      createdAt: row.created_at.toISOString(),
    };
  }
}
