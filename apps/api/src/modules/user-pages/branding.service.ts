import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import type { OrganizationEntity } from '../organizations/organization.entity.js';
import { organizationErrors } from '../organizations/organizations.errors.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { brandingFieldsOf, resolveBranding, type BrandingFields } from './branding.js';
import type { BrandingDto, PutBrandingDto } from './dto/branding.dto.js';

interface BrandingRow {
  tenant_id: string;
  brand_name: string | null;
  color: string | null;
  other_payment_url: string | null;
  service_phone: string | null;
  updated_at: Date;
}

const NONE: BrandingFields = { brandName: null, color: null, otherPaymentUrl: null, servicePhone: null };

/**
 * Per-organisation branding of the reference user pages (README.md "Branding").
 *
 * Who: the organisation's own users read it and its admins write it; a franchise brand reads and writes its
 * franchisees' (they carry the brand's look); the platform admin any. A hardware reseller does not: its customer
 * runs its own merchant account and brand, so the customer's own admin brands it (the reseller gets 404, as does
 * anyone else). The table's row-level security says the same (`zizhu_fleet_writable`).
 */
@Injectable()
export class BrandingService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly context: RequestContext,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
  ) {}

  async get(organizationId: string): Promise<BrandingDto> {
    const org = await this.brandable(organizationId);
    return this.view(org);
  }

  async put(organizationId: string, input: PutBrandingDto): Promise<BrandingDto> {
    const org = await this.brandable(organizationId);
    const [before] = (await this.context.manager.query(`SELECT * FROM organization_brandings WHERE tenant_id = $1`, [org.id])) as BrandingRow[];
    const next: BrandingFields = {
      brandName: input.brandName?.trim() || null,
      color: input.color ?? null,
      otherPaymentUrl: input.otherPaymentUrl ?? null,
      servicePhone: input.servicePhone ?? null,
    };
    await this.context.manager.query(
      `INSERT INTO organization_brandings (tenant_id, brand_name, color, other_payment_url, service_phone, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, now(), $6)
       ON CONFLICT (tenant_id) DO UPDATE SET brand_name = EXCLUDED.brand_name, color = EXCLUDED.color, other_payment_url = EXCLUDED.other_payment_url,
         service_phone = EXCLUDED.service_phone, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [org.id, next.brandName, next.color, next.otherPaymentUrl, next.servicePhone, this.context.principal.userId],
    );
    await this.audit.record({
      action: 'organization.branding.set',
      resourceType: 'organization',
      resourceId: org.id,
      subjectTenantId: org.id,
      before: brandingFieldsOf(before) ?? NONE,
      after: next,
    });
    return this.view(org);
  }

  /** The organisation if the caller may brand it (or read its branding), else 404 (RLS hides the rest already). */
  private async brandable(organizationId: string): Promise<OrganizationEntity> {
    const org = await this.organizations.get(organizationId);
    const tenantId = this.context.principal.tenantId;
    const mayBrand = this.context.isPlatformAdmin || org.id === tenantId || (org.kind === 'FRANCHISEE' && org.parentId === tenantId);
    if (!mayBrand) throw organizationErrors.ORGANIZATION_NOT_FOUND();
    return org;
  }

  private async view(org: OrganizationEntity): Promise<BrandingDto> {
    const inherits = org.kind === 'FRANCHISEE' && org.parentId !== null;
    const rows = (await this.context.manager.query(`SELECT * FROM organization_brandings WHERE tenant_id = ANY ($1::uuid[])`, [
      inherits ? [org.id, org.parentId] : [org.id],
    ])) as BrandingRow[];
    const ownRow = rows.find((r) => r.tenant_id === org.id);
    const brandRow = inherits ? rows.find((r) => r.tenant_id === org.parentId) : undefined;
    const own = brandingFieldsOf(ownRow) ?? NONE;
    const effective = resolveBranding({ own, brand: brandingFieldsOf(brandRow), env: this.config.userPages, orgName: org.name });
    const [device] = (await this.context.manager.query(`SELECT code FROM devices WHERE tenant_id = $1 ORDER BY revoked_at IS NOT NULL, created_at, code LIMIT 1`, [org.id])) as {
      code: string;
    }[];
    return {
      organizationId: org.id,
      own: { ...own },
      effective: { brandName: effective.name, color: effective.color, otherPaymentUrl: effective.otherPaymentUrl, servicePhone: effective.servicePhone },
      sources: { ...effective.sources },
      previewDeviceCode: device?.code ?? null,
      updatedAt: ownRow ? new Date(ownRow.updated_at).toISOString() : null,
    };
  }
}
