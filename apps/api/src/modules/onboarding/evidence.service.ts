import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { rowsOf } from '../merchants/merchant-store.js';
import { EVIDENCE_CONTENT_TYPES, EVIDENCE_MAX_BYTES, isEvidenceContentType, parsePurpose, purposeOf, type EvidencePurpose } from './acceptance-rules.js';
import { ApplicationPackService, type PackAccountRow } from './application-pack.service.js';
import type { EvidenceFileDto } from './dto/evidence.dto.js';
import { evidenceTooLargeError } from './evidence-body.js';
import { onboardingErrors } from './onboarding.errors.js';

interface EvidenceRow {
  id: string;
  purpose: string;
  name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_at: string | Date;
  uploaded_by: string | null;
}

const COLUMNS = 'id, purpose, name, content_type, size_bytes, sha256, uploaded_at, uploaded_by';
const iso = (v: string | Date): string => (v instanceof Date ? v : new Date(v)).toISOString();

export const invalid = (field: string, message: string, detail?: string) => onboardingErrors.EVIDENCE_INVALID(detail ?? `${field} ${message}.`, { errors: [{ field, messages: [message] }] });

export function evidenceDto(r: EvidenceRow): EvidenceFileDto {
  return { id: r.id, purpose: r.purpose, name: r.name, contentType: r.content_type, size: Number(r.size_bytes), sha256: r.sha256, uploadedAt: iso(r.uploaded_at), uploadedBy: r.uploaded_by };
}

/** A file name a download can carry: 1–200 characters, no control characters, no path separators. */
function checkName(name: string | undefined): string {
  const value = name?.trim() ?? '';
  if (!value) throw invalid('name', 'must be the file’s name (1–200 characters)');
  if (value.length > 200) throw invalid('name', 'must be at most 200 characters');
  if (/[\u0000-\u001f\u007f/\\]/.test(value)) throw invalid('name', 'must not contain control characters or path separators');
  return value;
}

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function attachmentHeader(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/**
 * The evidence store of a merchant account (issue 14): files for a step of the onboarding (`step:<key>`) or for an
 * item of an acceptance run (`acceptance:<runId>:<item>`), in `onboarding_evidence` (bytea, RLS), with their
 * sha256. Same readers and writers as the onboarding tracker (others 404); uploads and deletions audited.
 */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly context: RequestContext,
    private readonly audit: AuditService,
    private readonly packs: ApplicationPackService,
  ) {}

  private get manager(): EntityManager {
    return this.context.manager;
  }

  /** The run of an acceptance purpose, which must be this account's (else 422 naming purpose). */
  private async runOf(accountId: string, purpose: EvidencePurpose): Promise<{ finished: boolean } | null> {
    if (purpose.kind !== 'acceptance') return null;
    const [run] = rowsOf<{ finished: boolean }>(await this.manager.query(`SELECT finished_at IS NOT NULL AS finished FROM acceptance_runs WHERE id = $1 AND merchant_account_id = $2`, [purpose.runId, accountId]));
    if (!run) throw invalid('purpose', 'must name an acceptance run of this merchant account', `No acceptance run ${purpose.runId} on this merchant account.`);
    return run;
  }

  async upload(accountId: string, declaredType: string | undefined, body: unknown, query: { purpose?: string; name?: string }): Promise<EvidenceFileDto> {
    const account = await this.packs.account(accountId);
    const purpose = parsePurpose(query.purpose);
    if (!purpose) throw invalid('purpose', 'must be step:<1.1|1.2|1.3|1.4|2.1|2.2|2.3> or acceptance:<runId>:<SCREEN_RECORDING|ONSITE_VIDEO|COMPLETED_ORDER_DETAIL|CANCELLED_ORDER_DETAIL>');
    const name = checkName(query.name);
    const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
    if (bytes.length === 0) throw invalid('body', 'must be the file’s bytes (an empty file is refused)');
    if (!isEvidenceContentType(declaredType)) throw invalid('contentType', `must be one of ${EVIDENCE_CONTENT_TYPES.join(', ')}`, `Content-Type ${declaredType ?? '(none)'} is not taken as evidence.`);
    if (bytes.length > EVIDENCE_MAX_BYTES) throw evidenceTooLargeError();
    const run = await this.runOf(accountId, purpose);
    if (run?.finished) throw onboardingErrors.ACCEPTANCE_RUN_FINISHED();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const [row] = rowsOf<EvidenceRow>(
      await this.manager.query(
        `INSERT INTO onboarding_evidence (tenant_id, merchant_account_id, purpose, name, content_type, size_bytes, sha256, content, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
        [account.tenant_id, accountId, purposeOf(purpose), name, declaredType, bytes.length, sha256, bytes, this.context.principal.userId],
      ),
    );
    await this.audit.record({
      action: 'merchant-account.evidence.upload',
      resourceType: 'merchant_account',
      resourceId: accountId,
      subjectTenantId: account.tenant_id,
      after: { evidenceId: row!.id, purpose: row!.purpose, name, contentType: declaredType, size: bytes.length, sha256 },
    });
    return evidenceDto(row!);
  }

  async list(accountId: string, purpose: string | undefined): Promise<{ items: EvidenceFileDto[] }> {
    await this.packs.account(accountId);
    if (purpose !== undefined && !parsePurpose(purpose)) throw invalid('purpose', 'must be step:<step> or acceptance:<runId>:<item key>');
    const rows = rowsOf<EvidenceRow>(
      await this.manager.query(
        `SELECT ${COLUMNS} FROM onboarding_evidence WHERE merchant_account_id = $1 AND ($2::text IS NULL OR purpose = $2) ORDER BY uploaded_at, id`,
        [accountId, purpose ?? null],
      ),
    );
    return { items: rows.map(evidenceDto) };
  }

  /** Metadata of one file of the account (null when there is none). */
  async find(accountId: string, evidenceId: string): Promise<EvidenceFileDto | null> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(evidenceId)) return null;
    const [row] = rowsOf<EvidenceRow>(await this.manager.query(`SELECT ${COLUMNS} FROM onboarding_evidence WHERE id = $1 AND merchant_account_id = $2`, [evidenceId, accountId]));
    return row ? evidenceDto(row) : null;
  }

  /** Metadata of several files of the account, by id. */
  async findMany(accountId: string, ids: readonly string[]): Promise<Map<string, EvidenceFileDto>> {
    if (!ids.length) return new Map();
    const rows = rowsOf<EvidenceRow>(await this.manager.query(`SELECT ${COLUMNS} FROM onboarding_evidence WHERE merchant_account_id = $1 AND id::text = ANY($2::text[])`, [accountId, [...ids]]));
    return new Map(rows.map((r) => [r.id, evidenceDto(r)]));
  }

  async content(accountId: string, evidenceId: string): Promise<{ file: EvidenceFileDto; bytes: Buffer }> {
    await this.packs.account(accountId);
    const file = await this.find(accountId, evidenceId);
    if (!file) throw onboardingErrors.EVIDENCE_NOT_FOUND();
    const [row] = rowsOf<{ content: string }>(await this.manager.query(`SELECT encode(content, 'base64') AS content FROM onboarding_evidence WHERE id = $1`, [evidenceId]));
    return { file, bytes: Buffer.from(row!.content.replace(/\s+/g, ''), 'base64') };
  }

  /**
   * Deletes a file. Refused (409 EVIDENCE_LOCKED) while an onboarding step refers to it (set the step's evidence
   * without it first) or when it belongs to a finished acceptance run (what was handed to WeChat stays). Audited.
   */
  async remove(accountId: string, evidenceId: string): Promise<void> {
    const account: PackAccountRow = await this.packs.account(accountId);
    const file = await this.find(accountId, evidenceId);
    if (!file) throw onboardingErrors.EVIDENCE_NOT_FOUND();
    const purpose = parsePurpose(file.purpose);
    if (purpose?.kind === 'acceptance') {
      const [run] = rowsOf<{ finished: boolean }>(await this.manager.query(`SELECT finished_at IS NOT NULL AS finished FROM acceptance_runs WHERE id = $1`, [purpose.runId]));
      if (run?.finished) throw onboardingErrors.EVIDENCE_LOCKED('The acceptance run this file belongs to is finished: its evidence is kept as submitted.');
    }
    const [used] = rowsOf<{ step: string }>(
      await this.manager.query(`SELECT step FROM onboarding_steps WHERE merchant_account_id = $1 AND evidence @> $2::jsonb LIMIT 1`, [accountId, JSON.stringify([{ fileId: evidenceId }])]),
    );
    if (used) throw onboardingErrors.EVIDENCE_LOCKED(`Step ${used.step} refers to this file: record the step without it first.`);
    await this.manager.query(`DELETE FROM onboarding_evidence WHERE id = $1 AND merchant_account_id = $2`, [evidenceId, accountId]);
    await this.audit.record({
      action: 'merchant-account.evidence.delete',
      resourceType: 'merchant_account',
      resourceId: accountId,
      subjectTenantId: account.tenant_id,
      before: { evidenceId, purpose: file.purpose, name: file.name, size: file.size, sha256: file.sha256 },
    });
  }
}
