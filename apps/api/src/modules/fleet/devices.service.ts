import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { platformErrors } from '../../platform/errors/domain-error.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { CredentialChanges } from './credential-changes.js';
import { DEVICE_SECRET_BOX, DeviceSecretBox, newDeviceSecret } from './device-secrets.js';
import type { DeviceDetailDto, ImportDevicesDto, ListDevicesQuery, RegisterDeviceDto, SecretDto, TransferDeviceDto } from './dto/fleet.dto.js';
import {
  DEVICE_TYPES,
  DeviceCommandEntity,
  DeviceEntity,
  DeviceEventEntity,
  DeviceTelemetryEntity,
  PricingPlanEntity,
  SiteEntity,
  type DeviceType,
} from './fleet.entities.js';
import { fleetErrors } from './fleet.errors.js';
import { toCommandDto, toDeviceDto, toEventDto, toSiteDto } from './fleet.mappers.js';
import { appendPlanVersion, checkPlan, createPlan, currentPlan } from './pricing-plans.js';

export interface DeviceSpec {
  siteId: string;
  code: string;
  type: DeviceType;
  name?: string | undefined;
  slots?: number | undefined;
  connectors?: number | undefined;
  heartbeatIntervalSeconds?: number | undefined;
  payscoreServiceId?: string | undefined;
}

function specProblems(spec: DeviceSpec): string[] {
  const problems: string[] = [];
  if (spec.type === 'POWERBANK_CABINET' && spec.slots === undefined) problems.push('slots is required for a POWERBANK_CABINET');
  if (spec.type !== 'POWERBANK_CABINET' && spec.slots !== undefined) problems.push('slots is only for a POWERBANK_CABINET');
  if (spec.type === 'EV_CHARGER' && spec.connectors === undefined) problems.push('connectors is required for an EV_CHARGER');
  if (spec.type !== 'EV_CHARGER' && spec.connectors !== undefined) problems.push('connectors is only for an EV_CHARGER');
  return problems;
}

const isUniqueViolation = (error: unknown, constraint: string): boolean =>
  error instanceof QueryFailedError && (error.driverError as { code?: string; constraint?: string }).code === '23505' &&
  (error.driverError as { constraint?: string }).constraint === constraint;

/**
 * Inserts devices with fresh secrets (sealed with the master key; the clear secret is returned once).
 * Shared by registration, CSV import and the demo seed; runs in the caller's transaction.
 */
export async function insertDevices(
  manager: EntityManager,
  box: DeviceSecretBox,
  rows: readonly (DeviceSpec & { tenantId: string; planId: string | null; id?: string; secret?: string })[],
): Promise<{ device: DeviceEntity; secret: string }[]> {
  const created = rows.map((row) => {
    const id = row.id ?? randomUUID();
    const secret = row.secret ?? newDeviceSecret();
    const device = Object.assign(new DeviceEntity(), {
      id,
      tenantId: row.tenantId,
      siteId: row.siteId,
      code: row.code,
      type: row.type,
      name: row.name ?? null,
      slotCount: row.slots ?? null,
      connectorCount: row.connectors ?? null,
      firmware: null,
      planId: row.planId,
      payscoreServiceId: row.payscoreServiceId ?? null,
      heartbeatIntervalSeconds: row.heartbeatIntervalSeconds ?? 60,
      secretCiphertext: box.seal(id, 1, secret),
      secretVersion: 1,
      secretRotatedAt: null,
      revokedAt: null,
      online: false,
      lastSeenAt: null,
      onlineAt: null,
      offlineAt: null,
      telemetry: null,
    });
    return { device, secret };
  });
  try {
    for (let i = 0; i < created.length; i += 500) {
      await manager.insert(DeviceEntity, created.slice(i, i + 500).map((c) => c.device));
    }
  } catch (error) {
    if (isUniqueViolation(error, 'devices_code_key')) {
      const detail = (error as QueryFailedError & { driverError: { detail?: string } }).driverError.detail;
      throw fleetErrors.DEVICE_CODE_TAKEN(detail ? `A device code is already registered: ${detail}` : undefined);
    }
    throw error;
  }
  const ids = created.map((c) => c.device.id);
  const stored = new Map((await manager.createQueryBuilder(DeviceEntity, 'd').whereInIds(ids).getMany()).map((d) => [d.id, d]));
  return created.map((c) => ({ device: stored.get(c.device.id) ?? c.device, secret: c.secret }));
}

const NOT_OPERATED = 'No such device among those you operate.';

/**
 * The device if the principal operates it (row-level security's write set, `zizhu_fleet_writable`: its own
 * fleet and a franchise brand's franchisees', never a reseller's customers), locked for the write; else
 * DEVICE_NOT_FOUND, as for another tenant's device. For every route that changes a device.
 */
export async function findWritableDevice(manager: EntityManager, id: string): Promise<DeviceEntity> {
  const device = await manager
    .createQueryBuilder(DeviceEntity, 'd')
    .where('d.id = :id', { id })
    .andWhere('zizhu_fleet_writable(d.tenant_id)')
    .setLock('pessimistic_write')
    .getOne();
  if (!device) throw fleetErrors.DEVICE_NOT_FOUND(NOT_OPERATED);
  return device;
}

@Injectable()
export class DevicesService {
  constructor(
    private readonly context: RequestContext,
    private readonly audit: AuditService,
    @Inject(DEVICE_SECRET_BOX) private readonly box: DeviceSecretBox,
    private readonly credentialChanges: CredentialChanges,
  ) {}

  private get manager(): EntityManager {
    return this.context.manager;
  }

  async get(id: string): Promise<DeviceEntity> {
    const device = await this.manager.findOne(DeviceEntity, { where: { id } });
    if (!device) throw fleetErrors.DEVICE_NOT_FOUND();
    return device;
  }

  async getByCode(code: string): Promise<DeviceEntity> {
    const device = await this.manager.findOne(DeviceEntity, { where: { code } });
    if (!device) throw fleetErrors.DEVICE_NOT_FOUND();
    return device;
  }

  async list(query: ListDevicesQuery): Promise<{ items: DeviceEntity[]; total: number }> {
    const qb = this.manager.createQueryBuilder(DeviceEntity, 'd').orderBy('d.created_at', 'ASC').addOrderBy('d.code', 'ASC');
    if (query.siteId) qb.andWhere('d.site_id = :siteId', { siteId: query.siteId });
    if (query.organizationId) qb.andWhere('d.tenant_id = :org', { org: query.organizationId });
    if (query.type) qb.andWhere('d.type = :type', { type: query.type });
    if (query.online !== undefined) qb.andWhere('d.online = :online', { online: query.online });
    const [items, total] = await qb.take(query.limit ?? 100).skip(query.offset ?? 0).getManyAndCount();
    return { items, total };
  }

  async detail(id: string): Promise<DeviceDetailDto> {
    const device = await this.get(id);
    const m = this.manager;
    const [site, plan, telemetry, commands, events] = [
      await m.findOneOrFail(SiteEntity, { where: { id: device.siteId } }),
      device.planId ? await currentPlan(m, device.planId) : null,
      await m.find(DeviceTelemetryEntity, { where: { deviceId: id }, order: { recordedAt: 'DESC' }, take: 50 }),
      await m.find(DeviceCommandEntity, { where: { deviceId: id }, order: { createdAt: 'DESC' }, take: 50 }),
      await m.find(DeviceEventEntity, { where: { deviceId: id }, order: { occurredAt: 'DESC', receivedAt: 'DESC' }, take: 100 }),
    ];
    const timeline = [
      ...commands.map((c) => ({ kind: 'command' as const, at: c.createdAt.toISOString(), type: c.type, ref: c.id, state: c.state })),
      ...events.map((e) => ({ kind: 'event' as const, at: e.occurredAt.toISOString(), type: e.type, ref: e.eventId, state: null })),
    ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    return {
      ...toDeviceDto(device),
      site: toSiteDto(site),
      plan,
      telemetryHistory: telemetry.map((t) => ({ recordedAt: t.recordedAt.toISOString(), firmware: t.firmware, telemetry: t.telemetry })),
      commands: commands.map(toCommandDto),
      events: events.map(toEventDto),
      timeline,
    };
  }

  /** A site of the fleet the principal operates (a reseller's own, never its customers'). */
  private writableSite(siteId: string): Promise<SiteEntity | null> {
    return this.manager.createQueryBuilder(SiteEntity, 's').where('s.id = :siteId', { siteId }).andWhere('zizhu_fleet_writable(s.tenant_id)').getOne();
  }

  private async siteOrFail(siteId: string): Promise<SiteEntity> {
    const site = await this.writableSite(siteId);
    if (!site) throw fleetErrors.SITE_NOT_FOUND('No such site among those you operate.');
    return site;
  }

  private async planFor(tenantId: string, input: { plan?: Record<string, unknown> | undefined; planId?: string | undefined }, name: string): Promise<string | null> {
    if (input.plan && input.planId) throw fleetErrors.DEVICE_INVALID('Give either plan or planId, not both.');
    if (input.planId) {
      const plan = await this.manager.findOne(PricingPlanEntity, { where: { id: input.planId, tenantId } });
      if (!plan) throw fleetErrors.DEVICE_PLAN_NOT_FOUND('No such pricing plan in the device’s organisation.');
      return plan.id;
    }
    if (input.plan) return (await createPlan(this.manager, tenantId, name, checkPlan(input.plan), this.context.principal.userId)).id;
    return null;
  }

  async register(input: RegisterDeviceDto): Promise<{ device: DeviceEntity; secret: string }> {
    const problems = specProblems(input);
    if (problems.length) throw fleetErrors.DEVICE_INVALID(problems.join('; '));
    const site = await this.siteOrFail(input.siteId);
    const planId = await this.planFor(site.tenantId, input, input.code);
    const [created] = await insertDevices(this.manager, this.box, [{ ...input, tenantId: site.tenantId, planId }]);
    await this.audit.record({
      action: 'device.register',
      resourceType: 'device',
      resourceId: created!.device.id,
      subjectTenantId: site.tenantId,
      after: toDeviceDto(created!.device),
    });
    return created!;
  }

  async import(input: ImportDevicesDto): Promise<{ device: DeviceEntity; secret: string }[]> {
    const specs = parseDeviceCsv(input.csv);
    const sites = new Map<string, SiteEntity>();
    const errors: { field: string; messages: string[] }[] = [];
    for (const { line, spec, problems } of specs) {
      if (spec && !sites.has(spec.siteId)) {
        const site = await this.writableSite(spec.siteId);
        if (site) sites.set(site.id, site);
      }
      const all = [...problems, ...(spec && !sites.has(spec.siteId) ? ['siteId: no such site'] : [])];
      if (all.length) errors.push({ field: `line ${line}`, messages: all });
    }
    const codes = specs.map((s) => s.spec?.code).filter((c): c is string => !!c);
    const repeated = codes.filter((c, i) => codes.indexOf(c) !== i);
    if (repeated.length) errors.push({ field: 'code', messages: [`repeated in the file: ${[...new Set(repeated)].join(', ')}`] });
    if (errors.length) throw fleetErrors.DEVICE_IMPORT_INVALID(`Invalid rows: ${errors.map((e) => e.field).join(', ')}`, { errors });
    const planByTenant = new Map<string, string | null>();
    const plan = input.plan ? checkPlan(input.plan) : undefined;
    const rows = [];
    for (const { spec } of specs) {
      const site = sites.get(spec!.siteId)!;
      if (!planByTenant.has(site.tenantId)) {
        planByTenant.set(site.tenantId, plan ? (await createPlan(this.manager, site.tenantId, `import ${new Date().toISOString()}`, plan, this.context.principal.userId)).id : null);
      }
      rows.push({ ...spec!, tenantId: site.tenantId, planId: planByTenant.get(site.tenantId) ?? null });
    }
    const created = await insertDevices(this.manager, this.box, rows);
    await this.audit.record({
      action: 'device.import',
      resourceType: 'device',
      resourceId: null,
      subjectTenantId: null,
      after: { count: created.length, codes: created.slice(0, 100).map((c) => c.device.code) },
    });
    return created;
  }

  async rotateSecret(id: string): Promise<SecretDto> {
    const device = await findWritableDevice(this.manager, id);
    const secret = newDeviceSecret();
    const version = device.secretVersion + 1;
    // rotating also lifts a revocation: the device is provisioned again with the new secret
    await this.manager.update(
      DeviceEntity,
      { id },
      { secretCiphertext: this.box.seal(id, version, secret), secretVersion: version, secretRotatedAt: new Date(), revokedAt: null },
    );
    await this.audit.record({ action: 'device.secret.rotate', resourceType: 'device', resourceId: id, subjectTenantId: device.tenantId, after: { secretVersion: version } });
    this.credentialChanges.changed(id);
    return { deviceId: id, secret, secretVersion: version };
  }

  async revokeSecret(id: string): Promise<DeviceEntity> {
    const device = await findWritableDevice(this.manager, id);
    if (!device.revokedAt) {
      await this.manager.update(DeviceEntity, { id }, { revokedAt: new Date(), online: false });
      await this.audit.record({ action: 'device.secret.revoke', resourceType: 'device', resourceId: id, subjectTenantId: device.tenantId });
      this.credentialChanges.changed(id);
    }
    return this.get(id);
  }

  /**
   * `{plan}`: the next version of the device's plan when the device alone uses it (or a new plan of its own, named
   * after its code, when it had none or shares its plan with other devices: editing a shared plan is PUT /v1/plans/{id},
   * after its preview). `{planId}`: the device uses that plan of its organisation from now on. Running sessions keep
   * the version they started with.
   */
  async setPlan(id: string, input: { plan?: Record<string, unknown> | undefined; planId?: string | undefined }): Promise<DeviceDetailDto['plan']> {
    if ((input.plan === undefined) === (input.planId === undefined)) {
      throw platformErrors.VALIDATION_FAILED('Invalid fields: plan', { errors: [{ field: 'plan', messages: ['give either plan or planId'] }] });
    }
    const device = await findWritableDevice(this.manager, id);
    const checked = input.plan === undefined ? undefined : checkPlan(input.plan);
    const userId = this.context.principal.userId;
    let planId: string;
    let shared = false;
    if (input.planId !== undefined) {
      const plan = await this.manager.findOne(PricingPlanEntity, { where: { id: input.planId, tenantId: device.tenantId } });
      if (!plan) throw fleetErrors.DEVICE_PLAN_NOT_FOUND('No such pricing plan in the device’s organisation.');
      planId = plan.id;
    } else {
      if (device.planId) {
        const [other] = (await this.manager.query(`SELECT 1 FROM devices WHERE plan_id = $1 AND id <> $2 LIMIT 1`, [device.planId, id])) as unknown[];
        shared = other !== undefined;
      }
      if (device.planId && !shared) {
        await appendPlanVersion(this.manager, device.planId, checked!, userId);
        planId = device.planId;
      } else {
        planId = (await createPlan(this.manager, device.tenantId, device.code, checked!, userId)).id;
      }
    }
    if (planId !== device.planId) await this.manager.update(DeviceEntity, { id }, { planId });
    const current = await currentPlan(this.manager, planId);
    await this.audit.record({
      action: 'device.plan.set',
      resourceType: 'device',
      resourceId: id,
      subjectTenantId: device.tenantId,
      before: { planId: device.planId },
      after: { planId: current?.id, version: current?.version, ...(shared ? { detachedFromSharedPlan: device.planId } : {}) },
    });
    return current;
  }

  /**
   * The sale of a reseller's device: from the caller's inventory to one of the owner's customer organisations,
   * into a site of that customer (zizhu_fleet_transfer_device, which checks it all again in the database).
   * The seller's plan and Pay Score service do not follow the device, open commands expire, and the secret is
   * replaced by one nobody is told, with the device revoked: the customer rotates the secret to provision it,
   * so the seller never knows the secret the customer's device signs with. Audited before/after.
   */
  async transfer(id: string, input: TransferDeviceDto): Promise<DeviceEntity> {
    const device = await findWritableDevice(this.manager, id);
    const version = device.secretVersion + 1;
    const sealed = this.box.seal(id, version, newDeviceSecret());
    const [row] = (await this.manager.query(`SELECT zizhu_fleet_transfer_device($1, $2, $3, $4, $5) AS outcome`, [
      id,
      input.organizationId,
      input.siteId,
      sealed,
      version,
    ])) as { outcome: string }[];
    switch (row?.outcome) {
      case 'OK':
        break;
      case 'DEVICE_NOT_FOUND':
        throw fleetErrors.DEVICE_NOT_FOUND(NOT_OPERATED);
      case 'CUSTOMER_NOT_FOUND':
        throw fleetErrors.DEVICE_TRANSFER_CUSTOMER_NOT_FOUND(`Organisation ${input.organizationId} is not a customer of the device’s owner.`);
      case 'SITE_NOT_FOUND':
        throw fleetErrors.SITE_NOT_FOUND(`No site ${input.siteId} of that customer: the customer creates its site first.`);
      case 'DEVICE_USED':
        throw fleetErrors.DEVICE_TRANSFER_REFUSED('The device has served sessions under its owner; only a device still in inventory is transferred.');
      default:
        throw fleetErrors.DEVICE_TRANSFER_REFUSED('The device changed while it was being transferred; try again.');
    }
    this.credentialChanges.changed(id);
    const after = await this.get(id); // still visible to the seller: its customer's fleet
    const summary = (d: DeviceEntity) => ({
      organizationId: d.tenantId,
      siteId: d.siteId,
      planId: d.planId,
      payscoreServiceId: d.payscoreServiceId,
      secretVersion: d.secretVersion,
      revokedAt: d.revokedAt?.toISOString() ?? null,
    });
    await this.audit.record({
      action: 'device.transfer',
      resourceType: 'device',
      resourceId: id,
      subjectTenantId: input.organizationId,
      before: summary(device),
      after: summary(after),
    });
    return after;
  }
}

const CSV_COLUMNS = ['code', 'type', 'siteId', 'name', 'slots', 'connectors', 'heartbeatIntervalSeconds', 'payscoreServiceId'] as const;

/** Parses the device CSV (header row first; no quoting needed for these fields, quotes are stripped). */
export function parseDeviceCsv(csv: string): { line: number; spec: DeviceSpec | null; problems: string[] }[] {
  const lines = csv.split(/\r?\n/).map((l, i) => ({ text: l.trim(), line: i + 1 })).filter((l) => l.text !== '');
  const [header, ...rows] = lines;
  if (!header) throw fleetErrors.DEVICE_IMPORT_INVALID('The CSV is empty.');
  const columns = header.text.split(',').map((c) => c.trim());
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  const missing = ['code', 'type', 'siteId'].filter((c) => !columns.includes(c));
  if (unknown.length || missing.length) {
    throw fleetErrors.DEVICE_IMPORT_INVALID(
      [unknown.length ? `unknown columns: ${unknown.join(', ')}` : '', missing.length ? `missing columns: ${missing.join(', ')}` : ''].filter(Boolean).join('; '),
    );
  }
  if (rows.length === 0) throw fleetErrors.DEVICE_IMPORT_INVALID('The CSV has no device rows.');
  if (rows.length > 5000) throw fleetErrors.DEVICE_IMPORT_INVALID('At most 5000 devices per import.');
  return rows.map(({ text, line }) => {
    const cells = text.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    const problems: string[] = [];
    if (cells.length !== columns.length) problems.push(`expected ${columns.length} cells, found ${cells.length}`);
    const get = (name: string): string | undefined => {
      const value = cells[columns.indexOf(name)];
      return columns.includes(name) && value !== undefined && value !== '' ? value : undefined;
    };
    const int = (name: string, min: number, max: number): number | undefined => {
      const raw = get(name);
      if (raw === undefined) return undefined;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < min || n > max) problems.push(`${name} must be an integer from ${min} to ${max}`);
      return n;
    };
    const code = get('code') ?? '';
    const type = get('type') ?? '';
    const siteId = get('siteId') ?? '';
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/.test(code)) problems.push('code must be 3–64 letters, digits, - or _');
    if (!(DEVICE_TYPES as readonly string[]).includes(type)) problems.push(`type must be one of ${DEVICE_TYPES.join(', ')}`);
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(siteId)) problems.push('siteId must be a UUID');
    const spec: DeviceSpec = {
      code,
      type: type as DeviceType,
      siteId,
      name: get('name'),
      slots: int('slots', 1, 200),
      connectors: int('connectors', 1, 16),
      heartbeatIntervalSeconds: int('heartbeatIntervalSeconds', 1, 3600),
      payscoreServiceId: get('payscoreServiceId'),
    };
    if (problems.length === 0) problems.push(...specProblems(spec));
    return { line, spec: problems.length ? null : spec, problems };
  });
}
