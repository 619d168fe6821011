import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../platform/clock/clock.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { COMPLAINT_RATE_FORMULA, complaintRate } from '../complaints/complaint-rate.js';
import type { DeviceType } from '../fleet/fleet.entities.js';
import { complaintRateRows } from '../overview/complaint-rate-rows.js';
import { scenarioOfDeviceType } from '../merchants/merchant-gateway.service.js';
import { rowsOf } from '../merchants/merchant-store.js';
import { ACCOUNT_DEVICES_SQL } from './account-devices.js';
import { ApplicationPackService } from './application-pack.service.js';
import type { ComplianceDto } from './dto/compliance.dto.js';

const iso = (v: unknown): string => (v instanceof Date ? v : new Date(String(v))).toISOString();

/** Scenario compliance of a merchant account (issue 14): its services, their devices, refused scans, the complaint rate. */
@Injectable()
export class ComplianceService {
  constructor(
    private readonly context: RequestContext,
    private readonly packs: ApplicationPackService,
    private readonly clock: Clock,
  ) {}

  private get manager(): EntityManager {
    return this.context.manager;
  }

  async get(id: string): Promise<ComplianceDto> {
    await this.packs.account(id);
    const services = rowsOf<{ id: string; service_id: string; name: string; scenario: string; mode: string; risk_cap_fen: number; disabled_at: unknown }>(
      await this.manager.query(`SELECT id, service_id, name, scenario, mode, risk_cap_fen, disabled_at FROM payscore_services WHERE merchant_account_id = $1 ORDER BY created_at, id`, [id]),
    );
    const devices = rowsOf<{ service_id: string; id: string; code: string; type: DeviceType }>(
      await this.manager.query(
        `SELECT d.service_id, d.id, d.code, d.type FROM (${ACCOUNT_DEVICES_SQL}) d ORDER BY d.code`,
        [id, this.clock.now()],
      ),
    );
    const refusals = rowsOf<{ payscore_service_id: string; refused_at: unknown; device_code: string; device_type: string; openid: string; appid: string }>(
      await this.manager.query(
        `SELECT payscore_service_id, refused_at, device_code, device_type, openid, appid FROM (
           SELECT r.*, row_number() OVER (PARTITION BY r.payscore_service_id ORDER BY r.refused_at DESC) AS n FROM scenario_refusals r
            WHERE r.merchant_account_id = $1 AND r.refused_at >= now() - interval '30 days') x
          WHERE n <= 100 ORDER BY refused_at DESC`,
        [id],
      ),
    );
    // the overview's own rows (the COMPLAINT_RATE alert's SQL and comparison): the account was read above, so it is among them
    const rate = (await complaintRateRows(this.manager, null)).find((r) => r.id === id);
    const complaints = Number(rate?.complaints ?? 0);
    const paidOrders = Number(rate?.paid_orders ?? 0);
    return {
      merchantAccountId: id,
      services: services.map((s) => {
        const own = devices
          .filter((d) => d.service_id === s.service_id)
          .map((d) => ({ id: d.id, code: d.code, type: d.type, scenario: scenarioOfDeviceType(d.type), fits: scenarioOfDeviceType(d.type) === s.scenario }));
        return {
          serviceId: s.service_id,
          name: s.name,
          scenario: s.scenario,
          mode: s.mode,
          riskCapFen: Number(s.risk_cap_fen),
          disabledAt: s.disabled_at ? iso(s.disabled_at) : null,
          devices: own,
          scenariosUnmixed: own.every((d) => d.fits),
          refusals: refusals
            .filter((r) => r.payscore_service_id === s.id)
            .map((r) => ({ refusedAt: iso(r.refused_at), deviceCode: r.device_code, deviceType: r.device_type, openid: r.openid, appid: r.appid })),
        };
      }),
      complaintRate: {
        complaints,
        paidOrders,
        rate: complaintRate(complaints, paidOrders),
        thresholdPercent: rate ? Number(rate.threshold) : null,
        alertEnabled: rate?.alert_enabled ?? false,
        aboveThreshold: rate?.above ?? false,
        formula: COMPLAINT_RATE_FORMULA,
      },
    };
  }
}
