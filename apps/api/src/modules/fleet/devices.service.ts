import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { DomainError, platformErrors, type RowError } from '../../platform/errors/domain-error.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { TenantReads } from '../../platform/tenancy/tenant-reads.js';
import { AuditService } from '../audit/audit.service.js';
import { CredentialChanges } from './credential-changes.js';
import { DEVICE_SECRET_BOX, DeviceSecretBox, newDeviceSecret } from './device-secrets.js';
import type {
  CommandListQuery,
  DeviceDetailDto,
  DeviceListItemDto,
  DeviceStatus,
  ImportDevicesDto,
  ImportPreviewDto,
  ListDevicesQuery,
  RegisterDeviceDto,
  SecretDto,
  TelemetryQuery,
  TelemetrySeriesDto,
  TransferDeviceDto,
} from './dto/fleet.dto.js';
import { deviceStatusSql } from './device-status.js';
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
import { PayscoreServiceCheck } from './payscore-service-check.js';
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

function specProblems(spec: DeviceSpec): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (spec.type === 'POWERBANK_CABINET' && spec.slots === undefined) problems.push({ field: 'slots', message: 'is required for a POWERBANK_CABINET' });
  if (spec.type !== 'POWERBANK_CABINET' && spec.slots !== undefined) problems.push({ field: 'slots', message: 'is only for a POWERBANK_CABINET' });
  if (spec.type === 'EV_CHARGER' && spec.connectors === undefined) problems.push({ field: 'connectors', message: 'is required for an EV_CHARGER' });
  if (spec.type !== 'EV_CHARGER' && spec.connectors !== undefined) problems.push({ field: 'connectors', message: 'is only for an EV_CHARGER' });
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

/** What a device's QR code encodes (contracts.md §4): fixed once printed. */
export const deviceQrUrl = (publicBaseUrl: string, code: string): string => `${publicBaseUrl}/d/${encodeURIComponent(code)}`;

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

/** The columns toDeviceDto reads, under DeviceEntity's property names (the list maps rows without the ORM). */
const DEVICE_LIST_COLUMNS = [
  ['id', 'id'], ['tenant_id', 'tenantId'], ['site_id', 'siteId'], ['code', 'code'], ['type', 'type'], ['name', 'name'], ['slot_count', 'slotCount'],
  ['connector_count', 'connectorCount'], ['firmware', 'firmware'], ['plan_id', 'planId'], ['payscore_service_id', 'payscoreServiceId'],
  ['heartbeat_interval_seconds', 'heartbeatIntervalSeconds'], ['online', 'online'], ['last_seen_at', 'lastSeenAt'], ['offline_at', 'offlineAt'],
  ['telemetry', 'telemetry'], ['secret_version', 'secretVersion'], ['revoked_at', 'revokedAt'], ['created_at', 'createdAt'],
].map(([column, property]) => `d.${column} AS "${property}"`).join(', ');

@Injectable()
export class DevicesService {
  constructor(
    private readonly context: RequestContext,
    private readonly audit: AuditService,
    @Inject(DEVICE_SECRET_BOX) private readonly box: DeviceSecretBox,
    private readonly credentialChanges: CredentialChanges,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reads: TenantReads,
    private readonly serviceCheck: PayscoreServiceCheck,
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

  /**
   * A page of the devices the caller may see, with their status, site name and plan name (the plan only where
   * the caller operates the fleet: row-level security hides a customer's prices from its reseller).
   */
  async list(query: ListDevicesQuery): Promise<{ items: DeviceListItemDto[]; total: number }> {
    const status = deviceStatusSql('d');
    const where: string[] = [];
    const values: unknown[] = [];
    const param = (value: unknown) => `$${values.push(value)}`;
    if (query.siteId) where.push(`d.site_id = ${param(query.siteId)}`);
    if (query.organizationId) where.push(`d.tenant_id = ${param(query.organizationId)}`);
    if (query.type) where.push(`d.type = ${param(query.type)}`);
    if (query.online !== undefined) where.push(`d.online = ${param(query.online)}`);
    if (query.status) where.push(`${status} = ${param(query.status)}`);
    if (query.code) where.push(`lower(d.code) LIKE ${param(`${query.code.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`)} ESCAPE '\\'`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    // the page and the count of all that match: one round trip with the tenant entry (TenantReads), rows mapped without the ORM
    const [rows, counted] = await this.reads.run([
      {
        text: `SELECT ${DEVICE_LIST_COLUMNS}, s.name AS "siteName", p.name AS "planName", ${status} AS status
                 FROM devices d LEFT JOIN sites s ON s.id = d.site_id LEFT JOIN pricing_plans p ON p.id = d.plan_id
                 ${filter} ORDER BY d.created_at, d.code LIMIT ${param(query.limit ?? 100)} OFFSET ${param(query.offset ?? 0)}`,
        values,
      },
      { text: `SELECT count(*)::int AS total FROM devices d ${filter}`, values: values.slice(0, -2) },
    ]);
    // a technician works on the hardware: a plan's name often carries its price (as the detail's plan, issue 16)
    const technician = this.context.principal.role === 'TECHNICIAN';
    const items = (rows as (DeviceEntity & { siteName: string | null; planName: string | null; status: DeviceStatus })[]).map((row) => ({
      ...toDeviceDto(row),
      status: row.status,
      siteName: row.siteName ?? '',
      planName: technician ? null : row.planName,
      qrUrl: deviceQrUrl(this.config.payscore.publicBaseUrl, row.code),
    }));
    return { items, total: (counted as [{ total: number }])[0].total };
  }

  /** The device's status (deviceStatusSql), read with the caller's visibility. */
  private async statusOf(id: string): Promise<DeviceStatus> {
    const [row] = (await this.manager.query(`SELECT ${deviceStatusSql('d')} AS status FROM devices d WHERE d.id = $1`, [id])) as { status: DeviceStatus }[];
    return row?.status ?? 'OFFLINE';
  }

  async detail(id: string): Promise<DeviceDetailDto> {
    const device = await this.get(id);
    const m = this.manager;
    const [site, plan, telemetry, commands, events, status, operable] = [
      await m.findOneOrFail(SiteEntity, { where: { id: device.siteId } }),
      device.planId ? await currentPlan(m, device.planId) : null,
      await m.find(DeviceTelemetryEntity, { where: { deviceId: id }, order: { recordedAt: 'DESC' }, take: 50 }),
      await m.find(DeviceCommandEntity, { where: { deviceId: id }, order: { createdAt: 'DESC' }, take: 50 }),
      await m.find(DeviceEventEntity, { where: { deviceId: id }, order: { occurredAt: 'DESC', receivedAt: 'DESC' }, take: 100 }),
      await this.statusOf(id),
      ((await m.query(`SELECT zizhu_fleet_writable($1) AS operable`, [device.tenantId])) as { operable: boolean }[])[0]?.operable === true,
    ];
    const timeline = [
      ...commands.map((c) => ({ kind: 'command' as const, at: c.createdAt.toISOString(), type: c.type, ref: c.id, state: c.state })),
      ...events.map((e) => ({ kind: 'event' as const, at: e.occurredAt.toISOString(), type: e.type, ref: e.eventId, state: null })),
    ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    return {
      ...toDeviceDto(device),
      status,
      qrUrl: deviceQrUrl(this.config.payscore.publicBaseUrl, device.code),
      operable,
      site: toSiteDto(site),
      // a technician works on the hardware: prices are not its business (issue 16)
      plan: this.context.principal.role === 'TECHNICIAN' ? null : plan,
      telemetryHistory: telemetry.map((t) => ({ recordedAt: t.recordedAt.toISOString(), firmware: t.firmware, telemetry: t.telemetry })),
      commands: commands.map(toCommandDto),
      events: events.map(toEventDto),
      timeline,
    };
  }

  /**
   * The device's numeric telemetry over [from, to), averaged in SQL into at most `maxPoints` buckets of equal
   * width (a chart never loads the raw samples). Only buckets with samples are answered.
   */
  async telemetry(id: string, query: TelemetryQuery): Promise<TelemetrySeriesDto> {
    await this.get(id);
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 24 * 3600_000);
    if (!(from < to)) throw platformErrors.VALIDATION_FAILED('from must be before to.', { errors: [{ field: 'from', messages: ['from must be before to'] }] });
    if (to.getTime() - from.getTime() > 31 * 86_400_000) {
      throw platformErrors.VALIDATION_FAILED('The range is at most 31 days.', { errors: [{ field: 'to', messages: ['to must be at most 31 days after from'] }] });
    }
    const bucketSeconds = Math.max(1, Math.ceil((to.getTime() - from.getTime()) / 1000 / (query.maxPoints ?? 200)));
    const rows = (await this.manager.query(
      `WITH samples AS (
         SELECT t.id, floor(extract(epoch FROM t.recorded_at - $2::timestamptz) / $4)::int AS bucket, t.telemetry
         FROM device_telemetry t
         WHERE t.device_id = $1 AND t.recorded_at >= $2 AND t.recorded_at < $3
       ), counts AS (
         SELECT bucket, count(*)::int AS samples FROM samples GROUP BY bucket
       ), fields AS (
         SELECT s.bucket, kv.key, avg((kv.value #>> '{}')::double precision) AS value
         FROM samples s CROSS JOIN LATERAL jsonb_each(s.telemetry) kv
         WHERE jsonb_typeof(kv.value) = 'number'
         GROUP BY s.bucket, kv.key
       )
       SELECT c.bucket, c.samples, f.key, f.value
       FROM counts c LEFT JOIN fields f ON f.bucket = c.bucket
       ORDER BY c.bucket, f.key`,
      [id, from.toISOString(), to.toISOString(), bucketSeconds],
    )) as { bucket: number; samples: number; key: string | null; value: number | null }[];
    const points = new Map<number, { at: string; samples: number; values: Record<string, number> }>();
    const metrics = new Set<string>();
    for (const row of rows) {
      const bucket = Number(row.bucket);
      let point = points.get(bucket);
      if (!point) {
        point = { at: new Date(from.getTime() + bucket * bucketSeconds * 1000).toISOString(), samples: Number(row.samples), values: {} };
        points.set(bucket, point);
      }
      if (row.key !== null && row.value !== null) {
        point.values[row.key] = Math.round(Number(row.value) * 1000) / 1000;
        metrics.add(row.key);
      }
    }
    return { from: from.toISOString(), to: to.toISOString(), bucketSeconds, metrics: [...metrics].sort(), points: [...points.values()] };
  }

  /**
   * A page of the device's commands, newest first. A fleet watched but not operated (a reseller's customers)
   * sees only maintenance commands: row-level security hides those of sessions.
   */
  async commands(id: string, query: CommandListQuery): Promise<{ items: DeviceCommandEntity[]; total: number }> {
    await this.get(id);
    const [items, total] = await this.manager.findAndCount(DeviceCommandEntity, {
      where: { deviceId: id, ...(query.state ? { state: query.state } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit ?? 20,
      skip: query.offset ?? 0,
    });
    return { items, total };
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
    if (problems.length) throw fleetErrors.DEVICE_INVALID(problems.map((p) => `${p.field} ${p.message}`).join('; '));
    const site = await this.siteOrFail(input.siteId);
    const planId = await this.planFor(site.tenantId, input, input.code);
    if (input.payscoreServiceId !== undefined) {
      // the scenario guard of the bind route (issue 14): refused here, the request's transaction stores nothing (not the plan either)
      const plan = planId ? await currentPlan(this.manager, planId) : null;
      await this.serviceCheck.check(this.manager, {
        tenantId: site.tenantId,
        deviceType: input.type,
        plan: plan ? (plan.plan as unknown as Record<string, unknown>) : null,
        serviceId: input.payscoreServiceId,
        field: 'payscoreServiceId',
      });
    }
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

  /**
   * Checks every row of a device CSV as the import would: the cells, the site (one the caller operates),
   * codes repeated in the file and codes already registered on the platform. Stores nothing.
   */
  async previewImport(input: ImportDevicesDto): Promise<ImportPreviewDto & { specs: ParsedDeviceRow[]; sites: Map<string, SiteEntity> }> {
    const { header, rows: specs } = parseDeviceCsv(input.csv);
    const sites = new Map<string, SiteEntity>();
    const siteIds = [...new Set(specs.map((s) => s.cells.siteId).filter((id) => UUID.test(id)))];
    if (siteIds.length) {
      const found = await this.manager
        .createQueryBuilder(SiteEntity, 's')
        .where('s.id IN (:...siteIds)', { siteIds })
        .andWhere('zizhu_fleet_writable(s.tenant_id)')
        .getMany();
      for (const site of found) sites.set(site.id, site);
    }
    const codes = specs.map((s) => s.cells.code).filter((c) => CODE.test(c));
    const [takenRow] = codes.length
      ? ((await this.manager.query(`SELECT zizhu_device_codes_taken($1::text[]) AS taken`, [[...new Set(codes)]])) as { taken: string[] }[])
      : [];
    const taken = new Set(takenRow?.taken ?? []);
    const firstLine = new Map<string, number>();
    for (const spec of specs) if (!firstLine.has(spec.cells.code)) firstLine.set(spec.cells.code, spec.line);
    // the scenario guard of the bind route (issue 14), per row: the service must be one of the device's merchant of
    // record, approved for its vertical, with the import's plan's risk fund under its cap
    const serviceErrors = new Map<number, RowError>();
    const checked = new Map<string, DomainError | null>();
    let importPlan: Record<string, unknown> | null = null;
    try {
      importPlan = input.plan ? checkPlan(input.plan) : null;
    } catch {
      importPlan = null; // the import refuses the plan itself; the services are checked without a risk fund
    }
    for (const spec of specs) {
      const site = sites.get(spec.cells.siteId);
      const serviceId = spec.spec?.payscoreServiceId;
      if (!spec.spec || !site || serviceId === undefined) continue;
      // once per organisation, vertical and service: a large file repeats the same few
      const key = `${site.tenantId}|${spec.spec.type}|${serviceId}`;
      if (!checked.has(key)) {
        try {
          await this.serviceCheck.check(this.manager, { tenantId: site.tenantId, deviceType: spec.spec.type, plan: importPlan, serviceId, field: 'payscoreServiceId' });
          checked.set(key, null);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          checked.set(key, error);
        }
      }
      const refused = checked.get(key);
      if (refused) serviceErrors.set(spec.line, { row: spec.line, field: 'payscoreServiceId', message: refused.message, code: refused.code });
    }
    const rows = specs.map((spec) => {
      const errors = [...spec.problems];
      const { code, siteId } = spec.cells;
      if (UUID.test(siteId) && !sites.has(siteId)) errors.push({ row: spec.line, field: 'siteId', message: 'no such site' });
      if (CODE.test(code) && firstLine.get(code) !== spec.line) errors.push({ row: spec.line, field: 'code', message: `repeated in the file (first on line ${firstLine.get(code)})` });
      else if (taken.has(code)) errors.push({ row: spec.line, field: 'code', message: 'already registered' });
      const serviceError = serviceErrors.get(spec.line);
      if (serviceError) errors.push(serviceError);
      const site = sites.get(siteId);
      return {
        row: spec.line,
        code,
        type: spec.cells.type,
        siteId,
        siteName: site?.name ?? null,
        organizationId: site?.tenantId ?? null,
        name: spec.spec?.name ?? null,
        errors,
      };
    });
    const errors = [...header, ...rows.flatMap((r) => r.errors)];
    return { valid: errors.length === 0, rows, errors, specs, sites };
  }

  /**
   * All rows or none: any problem the preview finds answers 422 DEVICE_IMPORT_INVALID naming every bad row
   * (`rows`: row, field, message; `errors`: the same grouped by line) and stores nothing.
   */
  async import(input: ImportDevicesDto): Promise<{ device: DeviceEntity; secret: string }[]> {
    const { errors, specs, sites } = await this.previewImport(input);
    if (errors.length) {
      const byLine = new Map<number, string[]>();
      for (const e of errors) byLine.set(e.row, [...(byLine.get(e.row) ?? []), `${e.field}: ${e.message}`]);
      throw fleetErrors.DEVICE_IMPORT_INVALID(`Invalid rows: ${[...byLine.keys()].map((l) => `line ${l}`).join(', ')}; nothing was imported.`, {
        errors: [...byLine].map(([line, messages]) => ({ field: `line ${line}`, messages })),
        rows: errors,
      });
    }
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
const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_IMPORT_ROWS = 5000;

export interface ParsedDeviceRow {
  /** The line of the file (the header is line 1). */
  line: number;
  cells: { code: string; type: string; siteId: string };
  spec: DeviceSpec | null;
  problems: RowError[];
}

/**
 * Parses the device CSV (header row first; no quoting needed for these fields, quotes are stripped): the
 * header's problems (row 1) and each row's, by field. More than 5000 rows is refused at once.
 */
export function parseDeviceCsv(csv: string): { header: RowError[]; rows: ParsedDeviceRow[] } {
  const lines = csv.split(/\r?\n/).map((l, i) => ({ text: l.trim(), line: i + 1 })).filter((l) => l.text !== '');
  const [head, ...rows] = lines;
  if (!head) return { header: [{ row: 1, field: 'csv', message: 'the CSV is empty' }], rows: [] };
  if (rows.length > MAX_IMPORT_ROWS) {
    throw fleetErrors.DEVICE_IMPORT_INVALID(`At most ${MAX_IMPORT_ROWS} devices per import.`, {
      rows: [{ row: rows[MAX_IMPORT_ROWS]!.line, field: 'csv', message: `at most ${MAX_IMPORT_ROWS} devices per import` }],
    });
  }
  const columns = head.text.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  const header: RowError[] = [];
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  const missing = ['code', 'type', 'siteId'].filter((c) => !columns.includes(c));
  if (unknown.length) header.push({ row: head.line, field: 'header', message: `unknown columns: ${unknown.join(', ')}` });
  if (missing.length) header.push({ row: head.line, field: 'header', message: `missing columns: ${missing.join(', ')}` });
  if (rows.length === 0) header.push({ row: head.line, field: 'csv', message: 'the CSV has no device rows' });
  if (header.length) return { header, rows: [] };
  return {
    header,
    rows: rows.map(({ text, line }) => {
      const cells = text.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
      const problems: RowError[] = [];
      const problem = (field: string, message: string) => problems.push({ row: line, field, message });
      if (cells.length !== columns.length) problem('csv', `expected ${columns.length} cells, found ${cells.length}`);
      const get = (name: string): string | undefined => {
        const value = cells[columns.indexOf(name)];
        return columns.includes(name) && value !== undefined && value !== '' ? value : undefined;
      };
      const int = (name: string, min: number, max: number): number | undefined => {
        const raw = get(name);
        if (raw === undefined) return undefined;
        const n = Number(raw);
        if (!Number.isInteger(n) || n < min || n > max) problem(name, `must be an integer from ${min} to ${max}`);
        return n;
      };
      const code = get('code') ?? '';
      const type = get('type') ?? '';
      const siteId = get('siteId') ?? '';
      if (!CODE.test(code)) problem('code', 'must be 3–64 letters, digits, - or _');
      if (!(DEVICE_TYPES as readonly string[]).includes(type)) problem('type', `must be one of ${DEVICE_TYPES.join(', ')}`);
      if (!UUID.test(siteId)) problem('siteId', 'must be a UUID');
      const name = get('name');
      if (name !== undefined && name.length > 200) problem('name', 'must be at most 200 characters');
      const payscoreServiceId = get('payscoreServiceId');
      if (payscoreServiceId !== undefined && payscoreServiceId.length > 64) problem('payscoreServiceId', 'must be at most 64 characters');
      const spec: DeviceSpec = {
        code,
        type: type as DeviceType,
        siteId,
        name,
        slots: int('slots', 1, 200),
        connectors: int('connectors', 1, 16),
        heartbeatIntervalSeconds: int('heartbeatIntervalSeconds', 1, 3600),
        payscoreServiceId,
      };
      if (problems.length === 0) for (const p of specProblems(spec)) problem(p.field, p.message);
      return { line, cells: { code, type, siteId }, spec: problems.length ? null : spec, problems };
    }),
  };
}
