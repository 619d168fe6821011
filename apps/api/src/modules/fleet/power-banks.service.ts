import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import type { DeviceInventoryDto, ListPowerBanksQuery, PowerBankDto, PowerBankListDto } from './dto/power-banks.dto.js';
import { fleetErrors } from './fleet.errors.js';
import { CHARGED_PERCENT, reportedSlots } from './power-banks.js';

interface BankRow {
  id: string;
  bank_id: string;
  state: string;
  tenant_id: string;
  network_tenant_id: string;
  device_id: string | null;
  device_code: string | null;
  slot: number | null;
  charge_percent: number | null;
  session_id: string | null;
  rented_from_code: string | null;
  rented_at: Date | null;
  returned_at: Date | null;
  bought_out_at: Date | null;
  lost_at: Date | null;
  flag: string | null;
  flag_detail: string | null;
  flagged_at: Date | null;
  updated_at: Date;
  total?: number;
}

const BANK_SELECT = `SELECT p.*, d.code AS device_code, r.code AS rented_from_code FROM power_banks p
  LEFT JOIN devices d ON d.id = p.device_id LEFT JOIN devices r ON r.id = p.rented_from_device_id`;

const isoOrNull = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function toDto(r: BankRow): PowerBankDto {
  return {
    id: r.id,
    bankId: r.bank_id,
    state: r.state,
    organizationId: r.tenant_id,
    networkId: r.network_tenant_id,
    deviceId: r.device_id,
    deviceCode: r.device_code,
    slot: r.slot,
    chargePercent: r.charge_percent,
    sessionId: r.session_id,
    rentedFromDeviceCode: r.rented_from_code,
    rentedAt: isoOrNull(r.rented_at),
    returnedAt: isoOrNull(r.returned_at),
    boughtOutAt: isoOrNull(r.bought_out_at),
    lostAt: isoOrNull(r.lost_at),
    flag: r.flag,
    flagDetail: r.flag_detail,
    flaggedAt: isoOrNull(r.flagged_at),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** The operator's view of the power banks (issue 16): under row-level security, a franchisee sees its own cabinets' banks, the brand all. */
@Injectable()
export class PowerBanksService {
  constructor(
    private readonly context: RequestContext,
    private readonly audit: AuditService,
  ) {}

  private get manager(): EntityManager {
    return this.context.manager;
  }

  async list(query: ListPowerBanksQuery): Promise<PowerBankListDto> {
    const where: string[] = [];
    const values: unknown[] = [];
    const param = (value: unknown) => `$${values.push(value)}`;
    if (query.state) where.push(`p.state = ${param(query.state)}`);
    if (query.flagged !== undefined) where.push(query.flagged ? `p.flag IS NOT NULL` : `p.flag IS NULL`);
    if (query.deviceId) where.push(`p.device_id = ${param(query.deviceId)}`);
    if (query.bankId) where.push(`lower(p.bank_id) LIKE ${param(`${query.bankId.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    const rows = (await this.manager.query(
      `SELECT * , count(*) OVER ()::int AS total FROM (${BANK_SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}) p
       ORDER BY (p.flag IS NULL), p.bank_id LIMIT ${param(query.limit ?? 100)} OFFSET ${param(query.offset ?? 0)}`,
      values,
    )) as BankRow[];
    return { items: rows.map(toDto), total: rows[0]?.total ?? 0 };
  }

  async inventory(deviceId: string): Promise<DeviceInventoryDto> {
    const [device] = (await this.manager.query(`SELECT id, code, type, slot_count, telemetry FROM devices WHERE id = $1`, [deviceId])) as {
      id: string;
      code: string;
      type: string;
      slot_count: number | null;
      telemetry: unknown;
    }[];
    if (!device) throw fleetErrors.DEVICE_NOT_FOUND();
    const banks = (await this.manager.query(`${BANK_SELECT} WHERE p.device_id = $1 OR (p.rented_from_device_id = $1 AND p.state = 'RENTED') ORDER BY p.slot NULLS LAST, p.bank_id`, [
      deviceId,
    ])) as BankRow[];
    const inSlot = banks.filter((b) => b.device_id === deviceId && b.state === 'IN_SLOT' && b.slot !== null);
    const reported = reportedSlots(device.telemetry);
    const charged = (percent: number | null) => (percent ?? 100) >= CHARGED_PERCENT;
    const slotNumbers = new Set<number>([...(reported ?? []).map((s) => s.slot), ...inSlot.map((b) => b.slot!)]);
    for (let n = 1; n <= (device.slot_count ?? 0); n += 1) slotNumbers.add(n);
    const slots = [...slotNumbers]
      .sort((a, b) => a - b)
      .map((slot) => {
        const bank = inSlot.find((b) => b.slot === slot);
        return { slot, bankId: bank?.bank_id ?? null, chargePercent: bank?.charge_percent ?? null, charged: bank ? charged(bank.charge_percent) : false };
      });
    const known = reported !== null;
    return {
      deviceId: device.id,
      code: device.code,
      reported: known,
      slotCount: device.slot_count,
      slots,
      freeSlots: known ? slots.filter((s) => s.bankId === null).length : null,
      banks: inSlot.length,
      chargedBanks: inSlot.filter((b) => charged(b.charge_percent)).length,
      chargedPercent: CHARGED_PERCENT,
      powerBanks: banks.map(toDto),
    };
  }

  /** Clears a bank's operator flag (row-level security: only a bank the caller sees; 404 otherwise). Audited with the note. */
  async clearFlag(id: string, note: string): Promise<PowerBankDto> {
    const [bank] = (await this.manager.query(`${BANK_SELECT} WHERE p.id = $1 FOR UPDATE OF p`, [id])) as BankRow[];
    if (!bank) throw fleetErrors.POWERBANK_NOT_FOUND();
    if (!bank.flag) throw fleetErrors.POWERBANK_NOT_FLAGGED();
    await this.manager.query(`UPDATE power_banks SET flag = NULL, flag_detail = NULL, flagged_at = NULL WHERE id = $1`, [id]);
    const [after] = (await this.manager.query(`${BANK_SELECT} WHERE p.id = $1`, [id])) as BankRow[];
    await this.audit.record({
      action: 'power-bank.clear-flag',
      resourceType: 'power_bank',
      resourceId: id,
      subjectTenantId: bank.tenant_id,
      before: { bankId: bank.bank_id, flag: bank.flag, flagDetail: bank.flag_detail, flaggedAt: isoOrNull(bank.flagged_at) },
      after: { bankId: bank.bank_id, flag: null, note },
    });
    return toDto(after!);
  }
}
