import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Clock } from '../../platform/clock/clock.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import type { DeviceType } from '../fleet/fleet.entities.js';
import { scenarioOfDeviceType } from '../merchants/merchant-gateway.service.js';
import { rowsOf } from '../merchants/merchant-store.js';
import { CHECKLIST, checklistStates, isChecklistKey, missingForFinish, type ChecklistKey } from './acceptance-rules.js';
import { ACCOUNT_DEVICES_SQL } from './account-devices.js';
import { ApplicationPackService } from './application-pack.service.js';
import type { AcceptanceRunDto, AcceptanceSessionDto } from './dto/acceptance.dto.js';
import { onboardingErrors } from './onboarding.errors.js';
import { nextReviewDay, WEEKENDS_ONLY } from './onboarding-rules.js';

interface RunRow {
  id: string;
  tenant_id: string;
  merchant_account_id: string;
  service_id: string;
  device_id: string;
  device_code: string;
  not_applicable: Record<string, string> | string;
  created_at: string | Date;
  finished_at: string | Date | null;
}

interface SessionRow {
  id: string;
  state: 'PAID' | 'CANCELLED';
  out_order_no: string;
  transaction_id: string | null;
  created_at: string | Date;
  confirmed_at: string | Date | null;
  paid_at: string | Date | null;
  cancelled_at: string | Date | null;
  paid_fen: number | null;
}

const iso = (v: string | Date): string => (v instanceof Date ? v : new Date(v)).toISOString();
const isoOrNull = (v: string | Date | null): string | null => (v === null ? null : iso(v));
const RUN_COLUMNS = 'id, tenant_id, merchant_account_id, service_id, device_id, device_code, not_applicable, created_at, finished_at';

const fieldError = (field: string, message: string) => onboardingErrors.ACCEPTANCE_RUN_INVALID(`${field}: ${message}.`, { errors: [{ field, messages: [message] }] });

/**
 * Acceptance runs (issue 14, step 2.3): a run watches one device on one service id of the account; its completed and
 * cancelled orders are the first PAID and the first CANCELLED session there created after the run (read from
 * `service_sessions` on every read: the session engine is not touched). The checklist is `acceptance-rules.ts`'s.
 * Same readers and writers as the onboarding tracker (others 404); writes audited.
 */
@Injectable()
export class AcceptanceService {
  constructor(
    private readonly context: RequestContext,
    private readonly audit: AuditService,
    private readonly packs: ApplicationPackService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get manager(): EntityManager {
    return this.context.manager;
  }

  async create(accountId: string, input: { serviceId: string; deviceId: string }): Promise<AcceptanceRunDto> {
    const account = await this.packs.account(accountId);
    const [service] = rowsOf<{ id: string; scenario: string; disabled: boolean }>(
      await this.manager.query(`SELECT id, scenario, disabled_at IS NOT NULL AS disabled FROM payscore_services WHERE merchant_account_id = $1 AND service_id = $2`, [accountId, input.serviceId]),
    );
    if (!service || service.disabled) throw fieldError('serviceId', 'must be an enabled Pay Score service id of this merchant account');
    // the device must charge through this service (for a franchisee that collects itself: its own, whatever it is bound to)
    const [device] = rowsOf<{ id: string; code: string; type: DeviceType; ps_id: string }>(
      await this.manager.query(`SELECT d.id, d.code, d.type, d.ps_id FROM (${ACCOUNT_DEVICES_SQL}) d WHERE d.id = $3`, [accountId, this.clock.now(), input.deviceId]),
    );
    if (!device || device.ps_id !== service.id) throw fieldError('deviceId', 'must be a device that charges through this service id');
    if (scenarioOfDeviceType(device.type) !== service.scenario) throw fieldError('deviceId', `must fit the service’s scenario ${service.scenario} (a ${device.type} is ${scenarioOfDeviceType(device.type)})`);
    const [run] = rowsOf<RunRow>(
      await this.manager.query(
        `INSERT INTO acceptance_runs (tenant_id, merchant_account_id, payscore_service_id, service_id, device_id, device_code, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${RUN_COLUMNS}`,
        [account.tenant_id, accountId, service.id, input.serviceId, device.id, device.code, this.clock.now(), this.context.principal.userId],
      ),
    );
    await this.audit.record({
      action: 'merchant-account.acceptance-run.create',
      resourceType: 'merchant_account',
      resourceId: accountId,
      subjectTenantId: account.tenant_id,
      after: { runId: run!.id, serviceId: input.serviceId, deviceCode: device.code },
    });
    return this.view(run!);
  }

  async list(accountId: string): Promise<{ items: AcceptanceRunDto[] }> {
    await this.packs.account(accountId);
    const rows = rowsOf<RunRow>(await this.manager.query(`SELECT ${RUN_COLUMNS} FROM acceptance_runs WHERE merchant_account_id = $1 ORDER BY created_at DESC, id DESC`, [accountId]));
    const items: AcceptanceRunDto[] = [];
    for (const r of rows) items.push(await this.view(r));
    return { items };
  }

  private async run(accountId: string, runId: string): Promise<RunRow> {
    await this.packs.account(accountId);
    const [row] = rowsOf<RunRow>(await this.manager.query(`SELECT ${RUN_COLUMNS} FROM acceptance_runs WHERE id = $1 AND merchant_account_id = $2`, [runId, accountId]));
    if (!row) throw onboardingErrors.ACCEPTANCE_RUN_NOT_FOUND();
    return row;
  }

  async get(accountId: string, runId: string): Promise<AcceptanceRunDto> {
    return this.view(await this.run(accountId, runId));
  }

  /** Marks a checklist item not applicable (with a reason) or applicable again (null). Audited. */
  async putItem(accountId: string, runId: string, key: string, reason: string | null | undefined): Promise<AcceptanceRunDto> {
    const run = await this.run(accountId, runId);
    const item = isChecklistKey(key) ? CHECKLIST.find((c) => c.key === key) : undefined;
    if (!item || !item.upload) {
      throw onboardingErrors.ACCEPTANCE_RUN_INVALID(`No checklist item ${key} to mark.`, { errors: [{ field: 'key', messages: [`must be one of ${CHECKLIST.filter((c) => c.upload).map((c) => c.key).join(', ')}`] }] });
    }
    if (run.finished_at !== null) throw onboardingErrors.ACCEPTANCE_RUN_FINISHED();
    const value = reason?.trim() || null;
    await this.manager.query(
      value === null ? `UPDATE acceptance_runs SET not_applicable = not_applicable - $2 WHERE id = $1` : `UPDATE acceptance_runs SET not_applicable = not_applicable || jsonb_build_object($2::text, $3::text) WHERE id = $1`,
      value === null ? [runId, key] : [runId, key, value],
    );
    await this.audit.record({ action: 'merchant-account.acceptance-run.item.set', resourceType: 'merchant_account', resourceId: accountId, subjectTenantId: run.tenant_id, after: { runId, key, notApplicableReason: value } });
    return this.get(accountId, runId);
  }

  /** Finishes a complete run (422 ACCEPTANCE_RUN_INCOMPLETE naming what is missing otherwise). Audited. */
  async finish(accountId: string, runId: string): Promise<AcceptanceRunDto> {
    const run = await this.run(accountId, runId);
    if (run.finished_at !== null) throw onboardingErrors.ACCEPTANCE_RUN_FINISHED();
    const view = await this.view(run);
    if (view.missing.length) {
      throw onboardingErrors.ACCEPTANCE_RUN_INCOMPLETE(`Missing: ${view.missing.join(', ')}.`, { errors: view.missing.map((field) => ({ field, messages: [field.endsWith('Session') ? 'no such session recorded yet' : 'needs evidence or a reason why it does not apply'] })) });
    }
    await this.manager.query(`UPDATE acceptance_runs SET finished_at = $2, finished_by = $3 WHERE id = $1`, [runId, this.clock.now(), this.context.principal.userId]);
    await this.audit.record({
      action: 'merchant-account.acceptance-run.finish',
      resourceType: 'merchant_account',
      resourceId: accountId,
      subjectTenantId: run.tenant_id,
      after: { runId, completed: view.completed?.outOrderNo, cancelled: view.cancelled?.outOrderNo, evidence: view.checklist.flatMap((c) => c.evidenceIds) },
    });
    return this.get(accountId, runId);
  }

  private async sessions(run: RunRow): Promise<{ completed: AcceptanceSessionDto | null; cancelled: AcceptanceSessionDto | null }> {
    const rows = rowsOf<SessionRow>(
      await this.manager.query(
        `SELECT DISTINCT ON (state) id, state, out_order_no, transaction_id, created_at, confirmed_at, paid_at, cancelled_at, paid_fen
           FROM service_sessions
          WHERE merchant_account_id = $1 AND service_id = $2 AND device_id = $3 AND created_at >= $4 AND state IN ('PAID', 'CANCELLED')
          ORDER BY state, created_at, id`,
        [run.merchant_account_id, run.service_id, run.device_id, run.created_at instanceof Date ? run.created_at : new Date(run.created_at)],
      ),
    );
    const dto = (r: SessionRow | undefined): AcceptanceSessionDto | null =>
      r
        ? {
            sessionId: r.id,
            state: r.state,
            outOrderNo: r.out_order_no,
            transactionId: r.transaction_id,
            createdAt: iso(r.created_at),
            confirmedAt: isoOrNull(r.confirmed_at),
            finishedAt: isoOrNull(r.state === 'PAID' ? r.paid_at : r.cancelled_at),
            amountFen: r.state === 'PAID' && r.paid_fen !== null ? Number(r.paid_fen) : null,
          }
        : null;
    return { completed: dto(rows.find((r) => r.state === 'PAID')), cancelled: dto(rows.find((r) => r.state === 'CANCELLED')) };
  }

  private async view(run: RunRow): Promise<AcceptanceRunDto> {
    const { completed, cancelled } = await this.sessions(run);
    const files = rowsOf<{ id: string; purpose: string }>(
      await this.manager.query(`SELECT id, purpose FROM onboarding_evidence WHERE merchant_account_id = $1 AND purpose LIKE $2 ORDER BY uploaded_at, id`, [run.merchant_account_id, `acceptance:${run.id}:%`]),
    );
    const byItem = new Map<ChecklistKey, string[]>();
    for (const f of files) {
      const key = f.purpose.split(':')[2] as ChecklistKey;
      byItem.set(key, [...(byItem.get(key) ?? []), f.id]);
    }
    const notApplicable = typeof run.not_applicable === 'string' ? (JSON.parse(run.not_applicable) as Record<string, string>) : run.not_applicable;
    const states = checklistStates(byItem, notApplicable, completed !== null && cancelled !== null);
    const offline = this.config.payscore.simulated;
    const finishedAt = isoOrNull(run.finished_at);
    const notes = [
      '手机录屏、现场视频和两张订单详情页截图必须来自真实微信 App（真实手机扫码、真实微信支付分订单），平台无法代替生成。',
      '微信支付只在周二、周四审核验收。',
    ];
    if (offline) notes.unshift('离线模式：本平台连接的是微信支付分模拟器，本次验收只能证明流程可走通；提交给微信的录屏、视频和截图仍须在真实微信 App 中完成。');
    return {
      id: run.id,
      merchantAccountId: run.merchant_account_id,
      serviceId: run.service_id,
      deviceId: run.device_id,
      deviceCode: run.device_code,
      userPagePath: `/d/${encodeURIComponent(run.device_code)}`,
      offline,
      simulatorUrl: offline ? this.config.payscore.apiBaseUrl : null,
      createdAt: iso(run.created_at),
      finishedAt,
      reviewDay: nextReviewDay(finishedAt ? new Date(finishedAt) : this.clock.now(), this.config.onboarding ?? WEEKENDS_ONLY),
      completed,
      cancelled,
      checklist: states.map((s) => {
        const d = CHECKLIST.find((c) => c.key === s.key)!;
        return { key: d.key, label: d.label, source: d.source, where: d.where, upload: d.upload, evidenceIds: s.evidenceIds, notApplicableReason: s.notApplicableReason, done: s.done };
      }),
      missing: missingForFinish(states, completed !== null, cancelled !== null),
      notes,
    };
  }
}
