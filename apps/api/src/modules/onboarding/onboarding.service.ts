import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../platform/clock/clock.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import type { DeviceType } from '../fleet/fleet.entities.js';
import { scenarioOfDeviceType } from '../merchants/merchant-gateway.service.js';
import { rowsOf } from '../merchants/merchant-store.js';
import { ACCOUNT_DEVICES_SQL } from './account-devices.js';
import { ApplicationPackService } from './application-pack.service.js';
import { EvidenceService, invalid } from './evidence.service.js';
import type { EvidenceDto, OnboardingDto, PutOnboardingStepDto } from './dto/onboarding.dto.js';
import { onboardingErrors } from './onboarding.errors.js';
import { refusalOf, STEP_KEYS, tracker, WEEKENDS_ONLY, type PlatformChecks, type StepKey, type StoredState, type StoredStep, type SubjectType } from './onboarding-rules.js';

interface StepRow {
  step: StepKey;
  state: StoredState;
  submitted_on: string | Date | null;
  note: string | null;
  evidence: EvidenceDto[] | string;
}

const dayOf = (v: string | Date | null): string | null => (v === null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/**
 * The onboarding tracker of a merchant account (issue 14): the operator's record of each step, the platform's own
 * checks (credentials validated, devices fitting their service's scenario, a paid and a cancelled order seen on a
 * service id), and the rules of `onboarding-rules.ts`. Same readers and writers as the application pack.
 */
@Injectable()
export class OnboardingService {
  constructor(
    private readonly context: RequestContext,
    private readonly audit: AuditService,
    private readonly packs: ApplicationPackService,
    private readonly clock: Clock,
    private readonly files: EvidenceService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get manager(): EntityManager {
    return this.context.manager;
  }

  private async checks(id: string): Promise<PlatformChecks> {
    const [account] = rowsOf<{ validated: boolean; services: number }>(
      await this.manager.query(
        `SELECT a.validated_at IS NOT NULL AS validated,
                (SELECT count(*)::int FROM payscore_services s WHERE s.merchant_account_id = a.id AND s.disabled_at IS NULL) AS services
           FROM merchant_accounts a WHERE a.id = $1`,
        [id],
      ),
    );
    const bound = rowsOf<{ code: string; type: DeviceType; scenario: string; service_id: string }>(
      await this.manager.query(
        `SELECT d.code, d.type, d.scenario, d.service_id FROM (${ACCOUNT_DEVICES_SQL}) d ORDER BY d.code`,
        [id, this.clock.now()],
      ),
    );
    const debugged = rowsOf<{ service_id: string }>(
      await this.manager.query(
        `SELECT service_id FROM service_sessions WHERE merchant_account_id = $1 AND state IN ('PAID', 'CANCELLED')
          GROUP BY service_id HAVING bool_or(state = 'PAID') AND bool_or(state = 'CANCELLED') ORDER BY service_id`,
        [id],
      ),
    );
    return {
      credentialsValidated: Boolean(account?.validated),
      services: Number(account?.services ?? 0),
      scenarioMismatches: bound.filter((d) => scenarioOfDeviceType(d.type) !== d.scenario).map((d) => `${d.code} → ${d.scenario}`),
      debuggedServiceIds: debugged.map((d) => d.service_id),
    };
  }

  private async stored(id: string): Promise<Map<StepKey, StepRow>> {
    const rows = rowsOf<StepRow>(await this.manager.query(`SELECT step, state, submitted_on::text AS submitted_on, note, evidence FROM onboarding_steps WHERE merchant_account_id = $1`, [id]));
    return new Map(rows.map((r) => [r.step, r]));
  }

  private static states(rows: Map<StepKey, StepRow>): Map<StepKey, StoredStep> {
    return new Map([...rows].map(([k, r]) => [k, { state: r.state, submittedOn: dayOf(r.submitted_on) }]));
  }

  async get(id: string): Promise<OnboardingDto> {
    const account = await this.packs.account(id);
    const [subject] = rowsOf<{ s: SubjectType | null }>(await this.manager.query(`SELECT onboarding_subject_type AS s FROM merchant_accounts WHERE id = $1`, [id]));
    const rows = await this.stored(id);
    const t = tracker(OnboardingService.states(rows), subject?.s ?? null, await this.checks(id), this.clock.now(), this.config.onboarding ?? WEEKENDS_ONLY);
    const evidenceOf = (r: StepRow | undefined): EvidenceDto[] => (r ? (typeof r.evidence === 'string' ? (JSON.parse(r.evidence) as EvidenceDto[]) : r.evidence) : []);
    const stored = await this.files.findMany(id, [...rows.values()].flatMap((r) => evidenceOf(r).flatMap((e) => (e.fileId ? [e.fileId] : []))));
    // a stored file's name, type and size are shown from the file itself
    const shown = (e: EvidenceDto): EvidenceDto => {
      const f = e.fileId ? stored.get(e.fileId) : undefined;
      return f ? { ...e, fileName: f.name, contentType: f.contentType, sizeBytes: f.size, sha256: f.sha256 } : e;
    };
    return {
      nextAction: t.nextAction,
      refused: t.refused,
      merchantAccountId: account.id,
      subjectType: subject?.s ?? null,
      steps: t.steps.map((s) => {
        const r = rows.get(s.key);
        const evidence = evidenceOf(r).map(shown);
        return { ...s, submittedOn: dayOf(r?.submitted_on ?? null), note: r?.note ?? null, evidence };
      }),
      notes: t.notes,
    };
  }

  async putSubject(id: string, subjectType: SubjectType): Promise<OnboardingDto> {
    const account = await this.packs.account(id);
    const before = await this.get(id);
    await this.manager.query(`UPDATE merchant_accounts SET onboarding_subject_type = $2, updated_at = now() WHERE id = $1`, [id, subjectType]);
    await this.audit.record({ action: 'merchant-account.onboarding.subject.set', resourceType: 'merchant_account', resourceId: id, subjectTenantId: account.tenant_id, before: { subjectType: before.subjectType }, after: { subjectType } });
    return this.get(id);
  }

  /**
   * The evidence as stored: a `fileId` must be a file of this account uploaded for this step (else 422 naming
   * evidence.fileId); its name, type and size are copied from the file, the metadata-only form is kept as given.
   */
  private async resolveEvidence(id: string, step: StepKey, evidence: readonly EvidenceDto[]): Promise<EvidenceDto[]> {
    const files = await this.files.findMany(id, evidence.flatMap((e) => (e.fileId ? [e.fileId] : [])));
    return evidence.map((e, i) => {
      const { sha256: _ignored, ...given } = e;
      if (!e.fileId) return given;
      const f = files.get(e.fileId);
      if (!f || f.purpose !== `step:${step}`) {
        throw invalid('evidence.fileId', `must be an evidence file of this merchant account uploaded with purpose step:${step}`, `evidence[${i}].fileId ${e.fileId} is not a file of step ${step} on this merchant account.`);
      }
      return { ...given, fileId: f.id, fileName: f.name, contentType: f.contentType, sizeBytes: f.size };
    });
  }

  async putStep(id: string, step: string, input: PutOnboardingStepDto): Promise<OnboardingDto> {
    const account = await this.packs.account(id);
    if (!(STEP_KEYS as readonly string[]).includes(step)) {
      throw onboardingErrors.ONBOARDING_STEP_INVALID(`No step ${step}; the steps are ${STEP_KEYS.join(', ')}.`, { errors: [{ field: 'step', messages: [`must be one of ${STEP_KEYS.join(', ')}`] }] });
    }
    const key = step as StepKey;
    const [subject] = rowsOf<{ s: SubjectType | null }>(await this.manager.query(`SELECT onboarding_subject_type AS s FROM merchant_accounts WHERE id = $1`, [id]));
    const rows = await this.stored(id);
    const evidence = await this.resolveEvidence(id, key, input.evidence ?? []);
    const refusal = refusalOf(key, input.state, OnboardingService.states(rows), subject?.s ?? null, await this.checks(id));
    if (refusal) throw onboardingErrors.ONBOARDING_STEP_BLOCKED(`Step ${key} cannot be ${input.state}: ${refusal}`, { errors: [{ field: 'state', messages: [refusal] }] });
    const before = rows.get(key) ?? null;
    await this.manager.query(
      `INSERT INTO onboarding_steps (tenant_id, merchant_account_id, step, state, submitted_on, note, evidence, updated_at)
       VALUES ($1, $2, $3, $4, $5::date, $6, $7::jsonb, now())
       ON CONFLICT (merchant_account_id, step) DO UPDATE SET state = EXCLUDED.state, submitted_on = EXCLUDED.submitted_on, note = EXCLUDED.note,
         evidence = EXCLUDED.evidence, updated_at = now()`,
      [account.tenant_id, id, key, input.state, input.submittedOn ?? null, input.note ?? null, JSON.stringify(evidence)],
    );
    await this.audit.record({
      action: 'merchant-account.onboarding.step.set',
      resourceType: 'merchant_account',
      resourceId: id,
      subjectTenantId: account.tenant_id,
      before: before ? { step: key, state: before.state, submittedOn: dayOf(before.submitted_on) } : null,
      after: { step: key, state: input.state, submittedOn: input.submittedOn ?? null, evidence: (input.evidence ?? []).length },
    });
    return this.get(id);
  }
}
