import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DeviceType } from './fleet.entities.js';

/** What a write that sets a device's `payscoreServiceId` asks the scenario guard about. */
export interface DeviceServiceRequest {
  /** The device's organisation (its merchant of record is resolved from it: a franchisee charges through its brand). */
  readonly tenantId: string;
  readonly deviceType: DeviceType;
  /** The device's pricing plan (its risk fund is the plan's total cap), or null when it has none. */
  readonly plan: Record<string, unknown> | null;
  readonly serviceId: string;
  /** The field the error names (`payscoreServiceId` for registration and the CSV import, `serviceId` for the bind route). */
  readonly field: string;
}

/**
 * Refuses a service the device may not charge through, throwing the bind route's DomainError
 * (PAYSCORE_SERVICE_NOT_FOUND, PAYSCORE_SCENARIO_MISMATCH, PAYSCORE_RISK_CAP_EXCEEDED) with `errors` naming the field.
 */
export type DeviceServiceChecker = (manager: EntityManager, request: DeviceServiceRequest) => Promise<void>;

/**
 * The fleet's way to the scenario guard (issue 14): every path that sets a device's `payscoreServiceId`
 * (registration, the CSV import, the bind route) runs the same check, owned by the merchants module, which
 * attaches it at start (the fleet does not depend on the merchants module; the merchants module depends on the fleet).
 * With none attached, setting a service is refused (fail closed).
 */
@Injectable()
export class PayscoreServiceCheck {
  private checker: DeviceServiceChecker | undefined;

  attach(checker: DeviceServiceChecker): void {
    this.checker = checker;
  }

  async check(manager: EntityManager, request: DeviceServiceRequest): Promise<void> {
    if (!this.checker) throw new Error('No Pay Score scenario guard is attached: refusing to set a device’s Pay Score service.');
    await this.checker(manager, request);
  }
}
