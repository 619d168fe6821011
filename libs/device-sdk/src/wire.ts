/** The device API's wire shapes (contracts.md §4). */
export const DEVICE_COMMAND_TYPES = ['UNLOCK', 'EJECT', 'START_CHARGING', 'STOP_CHARGING', 'OPEN_VALVE', 'CLOSE_VALVE', 'REBOOT'] as const;
export type DeviceCommandType = (typeof DEVICE_COMMAND_TYPES)[number];

export interface DeviceCommand {
  readonly id: string;
  readonly type: DeviceCommandType;
  readonly sessionId: string | null;
  readonly params: Record<string, unknown>;
  readonly expiresAt: string;
}

export interface CommandsResponse {
  readonly commands: DeviceCommand[];
}

export interface CommandAck {
  readonly result: 'SUCCEEDED' | 'FAILED';
  readonly detail?: string;
  /** ISO 8601, the device's clock. */
  readonly occurredAt: string;
  /** A power-bank cabinet's ack of an EJECT: the bank it ejected. */
  readonly bankId?: string;
}

/** Event types a device reports, per vertical, plus `session.ended` which closes a session with its usage. */
export const DEVICE_EVENT_TYPES = [
  'session.ended',
  'door.opened',
  'door.closed',
  'powerbank.removed',
  'powerbank.returned',
  'charging.started',
  'charging.metered',
  'charging.stopped',
  'valve.opened',
  /** A valve's meter while it runs: `volumeMillilitres` dispensed since the session's valve opened (the running cost). */
  'valve.metered',
  'valve.closed',
  'device.fault',
] as const;
export type DeviceEventType = (typeof DEVICE_EVENT_TYPES)[number];

export interface DeviceEvent {
  readonly eventId: string;
  readonly type: DeviceEventType;
  readonly sessionId?: string;
  /** ISO 8601, the device's clock. */
  readonly occurredAt: string;
  readonly [field: string]: unknown;
}

export interface HeartbeatBody {
  readonly firmware?: string;
  readonly [telemetry: string]: unknown;
}

export interface HeartbeatResponse {
  readonly serverTime: string;
  readonly heartbeatIntervalSeconds: number;
}

export interface EventResponse {
  readonly eventId: string;
  readonly duplicate: boolean;
}

/** A problem+json answer of the API. */
export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
}
