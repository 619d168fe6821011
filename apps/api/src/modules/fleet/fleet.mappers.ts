import type { CommandDto, DeviceDto, DeviceEventDto, SiteDto } from './dto/fleet.dto.js';
import type { DeviceCommandEntity, DeviceEntity, DeviceEventEntity, SiteEntity } from './fleet.entities.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export const toSiteDto = (s: SiteEntity): SiteDto => ({
  id: s.id,
  organizationId: s.tenantId,
  name: s.name,
  address: s.address,
  city: s.city,
  latitude: s.latitude,
  longitude: s.longitude,
  createdAt: s.createdAt.toISOString(),
});

export const toDeviceDto = (d: DeviceEntity): DeviceDto => ({
  id: d.id,
  organizationId: d.tenantId,
  siteId: d.siteId,
  code: d.code,
  type: d.type,
  name: d.name,
  slots: d.slotCount,
  connectors: d.connectorCount,
  firmware: d.firmware,
  planId: d.planId,
  payscoreServiceId: d.payscoreServiceId,
  heartbeatIntervalSeconds: d.heartbeatIntervalSeconds,
  online: d.online,
  lastSeenAt: iso(d.lastSeenAt),
  offlineAt: iso(d.offlineAt),
  telemetry: d.telemetry,
  secretVersion: d.secretVersion,
  revokedAt: iso(d.revokedAt),
  createdAt: d.createdAt.toISOString(),
});

export const toCommandDto = (c: DeviceCommandEntity): CommandDto => ({
  id: c.id,
  deviceId: c.deviceId,
  type: c.type,
  sessionId: c.sessionId,
  params: c.params,
  state: c.state,
  createdAt: c.createdAt.toISOString(),
  expiresAt: c.expiresAt.toISOString(),
  deliveredAt: iso(c.deliveredAt),
  succeededAt: iso(c.succeededAt),
  failedAt: iso(c.failedAt),
  expiredAt: iso(c.expiredAt),
  ackResult: c.ackResult,
  ackDetail: c.ackDetail,
});

export const toEventDto = (e: DeviceEventEntity): DeviceEventDto => ({
  eventId: e.eventId,
  type: e.type,
  source: e.source,
  sessionId: e.sessionId,
  occurredAt: e.occurredAt.toISOString(),
  receivedAt: e.receivedAt.toISOString(),
  clockSkewSeconds: e.clockSkewSeconds,
  clockFlag: e.clockFlag,
  outOfOrder: e.outOfOrder,
  payload: e.payload,
});
