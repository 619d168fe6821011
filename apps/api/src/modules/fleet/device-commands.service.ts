import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { CommandSignal } from './command-signal.service.js';
import { DevicesService, findWritableDevice } from './devices.service.js';
import type { SendCommandDto } from './dto/fleet.dto.js';
import { DeviceCommandEntity, type CommandType, type DeviceType } from './fleet.entities.js';
import { fleetErrors } from './fleet.errors.js';
import { toCommandDto } from './fleet.mappers.js';

/** Which commands each kind of device takes. */
export const COMMANDS_BY_TYPE: Record<DeviceType, readonly CommandType[]> = {
  FRIDGE: ['UNLOCK', 'REBOOT'],
  POWERBANK_CABINET: ['EJECT', 'UNLOCK', 'REBOOT'],
  EV_CHARGER: ['START_CHARGING', 'STOP_CHARGING', 'REBOOT'],
  WATER_VALVE: ['OPEN_VALVE', 'CLOSE_VALVE', 'REBOOT'],
};

/** Queues commands durably for a device; the device fetches them by long poll (device-api). */
@Injectable()
export class DeviceCommandsService {
  constructor(
    private readonly context: RequestContext,
    private readonly devices: DevicesService,
    private readonly audit: AuditService,
    private readonly signal: CommandSignal,
  ) {}

  async queue(deviceId: string, input: SendCommandDto): Promise<DeviceCommandEntity> {
    const m = this.context.manager;
    // a hardware reseller sees its customers' devices, but only the merchant of record (or a franchise brand) operates them
    const device = await findWritableDevice(m, deviceId);
    if (device.revokedAt) throw fleetErrors.DEVICE_REVOKED();
    if (!COMMANDS_BY_TYPE[device.type].includes(input.type)) {
      throw fleetErrors.DEVICE_COMMAND_NOT_SUPPORTED(`A ${device.type} takes ${COMMANDS_BY_TYPE[device.type].join(', ')}; not ${input.type}.`);
    }
    const command = await m.save(
      Object.assign(new DeviceCommandEntity(), {
        tenantId: device.tenantId,
        deviceId,
        type: input.type,
        sessionId: input.sessionId ?? null,
        params: input.params ?? {},
        state: 'QUEUED',
        requestedBy: this.context.principal.userId,
        expiresAt: new Date(Date.now() + (input.ttlSeconds ?? 60) * 1000),
        deliveryAttempts: 0,
      }),
    );
    await this.audit.record({
      action: 'device.command',
      resourceType: 'device',
      resourceId: deviceId,
      subjectTenantId: device.tenantId,
      after: { commandId: command.id, type: command.type, params: command.params, sessionId: command.sessionId },
    });
    if (this.signal.viaNotify) await m.query(this.signal.notifySql(), [deviceId]);
    else this.signal.wake(deviceId);
    return m.findOneOrFail(DeviceCommandEntity, { where: { id: command.id } });
  }

  /**
   * Queues a session's command (start or stop) in the caller's transaction, on behalf of the platform
   * (no user, no audit row: the session's own `<state>_at` columns record it). Returns the command id.
   */
  async queueForSession(
    manager: EntityManager,
    input: { tenantId: string; deviceId: string; type: CommandType; sessionId: string; params: Record<string, unknown>; ttlSeconds: number },
  ): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO device_commands (tenant_id, device_id, type, session_id, params, state, requested_by, expires_at, delivery_attempts)
       VALUES ($1, $2, $3, $4, $5, 'QUEUED', NULL, now() + make_interval(secs => $6), 0) RETURNING id`,
      [input.tenantId, input.deviceId, input.type, input.sessionId, input.params, input.ttlSeconds],
    )) as { id: string }[];
    if (this.signal.viaNotify) await manager.query(this.signal.notifySql(), [input.deviceId]);
    else this.signal.wake(input.deviceId); // embedded: the poll's claim queues behind this transaction on the one connection
    return row!.id;
  }

  async get(deviceId: string, commandId: string) {
    await this.devices.get(deviceId);
    const command = await this.context.manager.findOne(DeviceCommandEntity, { where: { id: commandId, deviceId } });
    if (!command) throw fleetErrors.DEVICE_COMMAND_NOT_FOUND();
    return toCommandDto(command);
  }
}
