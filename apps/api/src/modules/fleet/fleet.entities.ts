import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const DEVICE_TYPES = ['FRIDGE', 'POWERBANK_CABINET', 'EV_CHARGER', 'WATER_VALVE'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];
export const COMMAND_TYPES = ['UNLOCK', 'EJECT', 'START_CHARGING', 'STOP_CHARGING', 'OPEN_VALVE', 'CLOSE_VALVE', 'REBOOT'] as const;
export type CommandType = (typeof COMMAND_TYPES)[number];
export const COMMAND_STATES = ['QUEUED', 'DELIVERED', 'SUCCEEDED', 'FAILED', 'EXPIRED'] as const;
export type CommandState = (typeof COMMAND_STATES)[number];

@Entity({ name: 'sites' })
export class SiteEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) address!: string;
  @Column({ type: 'text' }) city!: string;
  @Column({ type: 'double precision', nullable: true }) latitude!: number | null;
  @Column({ type: 'double precision', nullable: true }) longitude!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity({ name: 'pricing_plans' })
export class PricingPlanEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'current_version', type: 'integer' }) currentVersion!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** Immutable (a trigger refuses UPDATE and DELETE): a session keeps the version it started with. */
@Entity({ name: 'pricing_plan_versions' })
export class PricingPlanVersionEntity {
  @PrimaryColumn({ name: 'plan_id', type: 'uuid' }) planId!: string;
  @PrimaryColumn({ type: 'integer' }) version!: number;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @Column({ type: 'jsonb' }) plan!: Record<string, unknown>;
  /** Who published the version (null before 1764305000000 and for the demo seed). */
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity({ name: 'devices' })
export class DeviceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @Column({ name: 'site_id', type: 'uuid' }) siteId!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) type!: DeviceType;
  @Column({ type: 'text', nullable: true }) name!: string | null;
  @Column({ name: 'slot_count', type: 'integer', nullable: true }) slotCount!: number | null;
  @Column({ name: 'connector_count', type: 'integer', nullable: true }) connectorCount!: number | null;
  @Column({ type: 'text', nullable: true }) firmware!: string | null;
  @Column({ name: 'plan_id', type: 'uuid', nullable: true }) planId!: string | null;
  @Column({ name: 'payscore_service_id', type: 'text', nullable: true }) payscoreServiceId!: string | null;
  @Column({ name: 'heartbeat_interval_seconds', type: 'integer' }) heartbeatIntervalSeconds!: number;
  @Column({ name: 'secret_ciphertext', type: 'text', select: false }) secretCiphertext!: string;
  @Column({ name: 'secret_version', type: 'integer' }) secretVersion!: number;
  @Column({ name: 'secret_rotated_at', type: 'timestamptz', nullable: true }) secretRotatedAt!: Date | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ type: 'boolean' }) online!: boolean;
  @Column({ name: 'last_seen_at', type: 'timestamptz', nullable: true }) lastSeenAt!: Date | null;
  @Column({ name: 'online_at', type: 'timestamptz', nullable: true }) onlineAt!: Date | null;
  @Column({ name: 'offline_at', type: 'timestamptz', nullable: true }) offlineAt!: Date | null;
  @Column({ type: 'jsonb', nullable: true }) telemetry!: Record<string, unknown> | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity({ name: 'device_telemetry' })
export class DeviceTelemetryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: number;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @Column({ name: 'device_id', type: 'uuid' }) deviceId!: string;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
  @Column({ type: 'text', nullable: true }) firmware!: string | null;
  @Column({ type: 'jsonb' }) telemetry!: Record<string, unknown>;
}

@Entity({ name: 'device_commands' })
export class DeviceCommandEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @Column({ name: 'device_id', type: 'uuid' }) deviceId!: string;
  @Column({ type: 'text' }) type!: CommandType;
  @Column({ name: 'session_id', type: 'text', nullable: true }) sessionId!: string | null;
  @Column({ type: 'jsonb' }) params!: Record<string, unknown>;
  @Column({ type: 'text' }) state!: CommandState;
  @Column({ name: 'requested_by', type: 'uuid', nullable: true }) requestedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'delivery_attempts', type: 'integer' }) deliveryAttempts!: number;
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true }) deliveredAt!: Date | null;
  @Column({ name: 'succeeded_at', type: 'timestamptz', nullable: true }) succeededAt!: Date | null;
  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true }) failedAt!: Date | null;
  @Column({ name: 'expired_at', type: 'timestamptz', nullable: true }) expiredAt!: Date | null;
  @Column({ name: 'acked_at', type: 'timestamptz', nullable: true }) ackedAt!: Date | null;
  @Column({ name: 'ack_result', type: 'text', nullable: true }) ackResult!: 'SUCCEEDED' | 'FAILED' | null;
  @Column({ name: 'ack_detail', type: 'text', nullable: true }) ackDetail!: string | null;
  @Column({ name: 'ack_occurred_at', type: 'timestamptz', nullable: true }) ackOccurredAt!: Date | null;
}

@Entity({ name: 'device_events' })
export class DeviceEventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @Column({ name: 'device_id', type: 'uuid' }) deviceId!: string;
  @Column({ name: 'event_id', type: 'text' }) eventId!: string;
  @Column({ type: 'text' }) type!: string;
  @Column({ name: 'session_id', type: 'text', nullable: true }) sessionId!: string | null;
  @Column({ type: 'text' }) source!: 'DEVICE' | 'PLATFORM';
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  @Column({ name: 'clock_skew_seconds', type: 'integer', nullable: true }) clockSkewSeconds!: number | null;
  @Column({ name: 'clock_flag', type: 'text', nullable: true }) clockFlag!: 'DEVICE_CLOCK_SKEWED' | 'OCCURRED_IN_FUTURE' | null;
  @Column({ name: 'out_of_order', type: 'boolean' }) outOfOrder!: boolean;
  @Column({ type: 'jsonb' }) payload!: Record<string, unknown>;
}

export const fleetEntities = [SiteEntity, PricingPlanEntity, PricingPlanVersionEntity, DeviceEntity, DeviceTelemetryEntity, DeviceCommandEntity, DeviceEventEntity];
