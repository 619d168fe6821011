import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { ALERT_TITLES, type AlertKind } from '../alerts/alert-kinds.js';
import { AuditService } from '../audit/audit.service.js';
import { rowsOf } from '../merchants/merchant-store.js';
import {
  type AddNoteDto,
  AssigneeDto,
  AUTO_TICKET_KINDS,
  CreateTicketDto,
  MaintenanceSettingsDto,
  PutMaintenanceSettingsDto,
  ListTicketsQuery,
  TicketDetailDto,
  TicketDto,
  TicketEventDto,
  TicketListDto,
  TicketPhotoDto,
  TransitionTicketDto,
  UpdateTicketDto,
} from './dto/maintenance.dto.js';
import { maintenanceErrors } from './maintenance.errors.js';
import { photoTooLargeError } from './photo-body.js';
import { actionsFrom, needsResolution, nextState, PHOTO_CONTENT_TYPES, PHOTO_MAX_BYTES, STAMP, type TicketState } from './ticket-rules.js';

interface TicketRow {
  id: string;
  tenant_id: string;
  device_id: string;
  device_code: string;
  alert_id: string | null;
  title: string;
  description: string;
  state: TicketState;
  assignee_id: string | null;
  assignee_name: string | null;
  resolution: string | null;
  opened_at: Date | string;
  opened_by: string | null;
  started_at: Date | string | null;
  started_by: string | null;
  resolved_at: Date | string | null;
  resolved_by: string | null;
  closed_at: Date | string | null;
  closed_by: string | null;
  reopened_at: Date | string | null;
  reopened_by: string | null;
}

interface PhotoRow {
  id: string;
  name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_at: Date | string;
  uploaded_by: string | null;
}

const SELECT_TICKET = `
  SELECT t.id, t.tenant_id, t.device_id, d.code AS device_code, t.alert_id, t.title, t.description, t.state, t.assignee_id, t.assignee_name,
         t.resolution, t.opened_at, t.opened_by, t.started_at, t.started_by, t.resolved_at, t.resolved_by, t.closed_at, t.closed_by, t.reopened_at, t.reopened_by
  FROM maintenance_tickets t JOIN devices d ON d.id = t.device_id`;
const PHOTO_COLUMNS = 'id, name, content_type, size_bytes, sha256, uploaded_at, uploaded_by';

const iso = (v: Date | string | null): string | null => (v === null ? null : (v instanceof Date ? v : new Date(v)).toISOString());
const invalid = (field: string, message: string) => maintenanceErrors.TICKET_INVALID(`${field} ${message}.`, { errors: [{ field, messages: [message] }] });
const photoInvalid = (field: string, message: string) => maintenanceErrors.TICKET_PHOTO_INVALID(`${field} ${message}.`, { errors: [{ field, messages: [message] }] });

export function toTicketDto(r: TicketRow): TicketDto {
  return {
    id: r.id,
    organizationId: r.tenant_id,
    deviceId: r.device_id,
    deviceCode: r.device_code,
    alertId: r.alert_id,
    title: r.title,
    description: r.description,
    state: r.state,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    resolution: r.resolution,
    openedAt: iso(r.opened_at)!,
    openedBy: r.opened_by,
    startedAt: iso(r.started_at),
    startedBy: r.started_by,
    resolvedAt: iso(r.resolved_at),
    resolvedBy: r.resolved_by,
    closedAt: iso(r.closed_at),
    closedBy: r.closed_by,
    reopenedAt: iso(r.reopened_at),
    reopenedBy: r.reopened_by,
    actions: actionsFrom(r.state),
  };
}

const toPhotoDto = (r: PhotoRow): TicketPhotoDto => ({
  id: r.id,
  name: r.name,
  contentType: r.content_type,
  size: Number(r.size_bytes),
  sha256: r.sha256,
  uploadedAt: iso(r.uploaded_at)!,
  uploadedBy: r.uploaded_by,
});

/** A file name a download can carry: 1–200 characters, no control characters, no path separators. */
function checkName(name: string | undefined): string {
  const value = name?.trim() ?? '';
  if (!value) throw photoInvalid('name', 'must be the file’s name (1–200 characters)');
  if (value.length > 200) throw photoInvalid('name', 'must be at most 200 characters');
  if (/[\u0000-\u001f\u007f/\\]/.test(value)) throw photoInvalid('name', 'must not contain control characters or path separators');
  return value;
}

/**
 * Maintenance tickets for device faults (issue 16). Tickets belong to the device's organisation: read like the device
 * (RLS `zizhu_fleet_visible`), changed only by those who operate it (`zizhu_fleet_writable`; a reseller watching its
 * customers' devices reads their tickets and gets 403 TICKET_NOT_OPERATOR on a change). Every change is audited and
 * written to the ticket's thread.
 */
@Injectable()
export class MaintenanceService {
  constructor(
    private readonly context: RequestContext,
    private readonly audit: AuditService,
  ) {}

  private get m(): EntityManager {
    return this.context.manager;
  }

  private async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return rowsOf<T>(await this.m.query(sql, params));
  }

  private async writable(tenantId: string): Promise<boolean> {
    const [row] = await this.query<{ ok: boolean }>(`SELECT zizhu_fleet_writable($1) AS ok`, [tenantId]);
    return row?.ok === true;
  }

  private async ticket(id: string, lock = false): Promise<TicketRow> {
    if (lock) {
      const [locked] = await this.query<{ id: string }>(`SELECT id FROM maintenance_tickets WHERE id = $1 FOR UPDATE`, [id]);
      if (!locked) throw maintenanceErrors.TICKET_NOT_FOUND();
    }
    const [row] = await this.query<TicketRow>(`${SELECT_TICKET} WHERE t.id = $1`, [id]);
    if (!row) throw maintenanceErrors.TICKET_NOT_FOUND();
    return row;
  }

  /** The ticket, locked, for a change: visible (else 404), operated by the caller (else 403), not closed unless allowed. */
  private async forChange(id: string, allowClosed = false): Promise<TicketRow> {
    const [visible] = await this.query<{ tenant_id: string }>(`SELECT tenant_id FROM maintenance_tickets WHERE id = $1`, [id]);
    if (!visible) throw maintenanceErrors.TICKET_NOT_FOUND();
    if (!(await this.writable(visible.tenant_id))) throw maintenanceErrors.TICKET_NOT_OPERATOR();
    const row = await this.ticket(id, true);
    if (!allowClosed && row.state === 'CLOSED') throw maintenanceErrors.TICKET_CLOSED();
    return row;
  }

  private async event(t: TicketRow, kind: 'NOTE' | 'STATE' | 'ASSIGNED' | 'PHOTO', body: string, from: string | null = null, to: string | null = null): Promise<void> {
    await this.m.query(
      `INSERT INTO maintenance_ticket_events (tenant_id, ticket_id, kind, body, from_state, to_state, created_by, created_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT display_name FROM users WHERE id = $7))`,
      [t.tenant_id, t.id, kind, body, from, to, this.context.principal.userId],
    );
  }

  /**
   * An active login of the device's organisation or of the organisation directly above it, that the caller sees (a
   * franchisee assigns its own logins; its brand also the brand's technicians). Answers the login's display name.
   */
  private async checkAssignee(tenantId: string, assigneeId: string): Promise<string> {
    const [row] = await this.query<{ display_name: string }>(
      `SELECT u.display_name FROM users u, organizations o
       WHERE u.id = $1 AND o.id = $2 AND u.disabled_at IS NULL AND u.role <> 'PLATFORM_ADMIN' AND (u.tenant_id = o.id OR u.tenant_id = o.parent_id)`,
      [assigneeId, tenantId],
    );
    if (!row) throw maintenanceErrors.TICKET_ASSIGNEE_INVALID(undefined, { errors: [{ field: 'assigneeId', messages: ['must be an active login of the device’s organisation or the one above it'] }] });
    return row.display_name;
  }

  async list(q: ListTicketsQuery): Promise<TicketListDto> {
    const rows = await this.query<TicketRow & { total: number }>(
      `${SELECT_TICKET.replace('SELECT t.id,', 'SELECT count(*) OVER ()::int AS total, t.id,')}
       WHERE ($1::text IS NULL OR t.state = $1) AND ($2::uuid IS NULL OR t.assignee_id = $2) AND ($3::uuid IS NULL OR t.device_id = $3) AND ($4::uuid IS NULL OR t.alert_id = $4)
       ORDER BY t.opened_at DESC, t.id LIMIT $5 OFFSET $6`,
      [q.state ?? null, q.assigneeId ?? null, q.deviceId ?? null, q.alertId ?? null, q.limit ?? 50, q.offset ?? 0],
    );
    let total = rows[0]?.total;
    if (total === undefined) {
      const [counted] = await this.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM maintenance_tickets t WHERE ($1::text IS NULL OR t.state = $1) AND ($2::uuid IS NULL OR t.assignee_id = $2) AND ($3::uuid IS NULL OR t.device_id = $3) AND ($4::uuid IS NULL OR t.alert_id = $4)`,
        [q.state ?? null, q.assigneeId ?? null, q.deviceId ?? null, q.alertId ?? null],
      );
      total = counted?.n ?? 0;
    }
    return { items: rows.map(toTicketDto), total: Number(total) };
  }

  async detail(id: string): Promise<TicketDetailDto> {
    const t = await this.ticket(id);
    const events = await this.query<{ id: string; kind: string; body: string; from_state: string | null; to_state: string | null; created_at: Date | string; created_by: string | null; created_by_name: string | null }>(
      `SELECT id, kind, body, from_state, to_state, created_at, created_by, created_by_name FROM maintenance_ticket_events WHERE ticket_id = $1 ORDER BY created_at, id`,
      [id],
    );
    const photos = await this.query<PhotoRow>(`SELECT ${PHOTO_COLUMNS} FROM maintenance_ticket_photos WHERE ticket_id = $1 ORDER BY uploaded_at, id`, [id]);
    return {
      ...toTicketDto(t),
      events: events.map(
        (e): TicketEventDto => ({ id: e.id, kind: e.kind, body: e.body, fromState: e.from_state, toState: e.to_state, createdAt: iso(e.created_at)!, createdBy: e.created_by, createdByName: e.created_by_name }),
      ),
      photos: photos.map(toPhotoDto),
    };
  }

  /** Opens a ticket by hand or from a device alert (one per alert: the second call answers the first, `created` false). */
  async create(input: CreateTicketDto): Promise<{ ticket: TicketDetailDto; created: boolean }> {
    let deviceId = input.deviceId;
    let title = input.title?.trim();
    let alertId: string | null = null;
    if (input.alertId) {
      const [alert] = await this.query<{ id: string; kind: AlertKind; subject_type: string; subject_id: string }>(`SELECT id, kind, subject_type, subject_id FROM alerts WHERE id = $1`, [input.alertId]);
      if (!alert) throw maintenanceErrors.TICKET_ALERT_NOT_FOUND();
      if (alert.subject_type !== 'device') throw maintenanceErrors.TICKET_ALERT_NOT_DEVICE(undefined, { errors: [{ field: 'alertId', messages: ['must be an alert about a device'] }] });
      if (deviceId && deviceId !== alert.subject_id) throw invalid('deviceId', 'must be the alert’s device (or left out)');
      const [existing] = await this.query<{ id: string }>(`SELECT id FROM maintenance_tickets WHERE alert_id = $1`, [alert.id]);
      if (existing) return { ticket: await this.detail(existing.id), created: false };
      deviceId = alert.subject_id;
      alertId = alert.id;
      title ||= ALERT_TITLES[alert.kind]?.zh ?? alert.kind;
    }
    if (!deviceId) throw invalid('deviceId', 'must name the device (or give alertId)');
    if (!title) throw invalid('title', 'must be 1–200 characters');
    const [device] = await this.query<{ id: string; tenant_id: string; code: string }>(`SELECT id, tenant_id, code FROM devices WHERE id = $1`, [deviceId]);
    if (!device) throw maintenanceErrors.TICKET_DEVICE_NOT_FOUND();
    if (!(await this.writable(device.tenant_id))) throw maintenanceErrors.TICKET_NOT_OPERATOR();
    const assigneeName = input.assigneeId ? await this.checkAssignee(device.tenant_id, input.assigneeId) : null;
    // two opens of one alert at once (two clicks, or a click racing the automatic job): the second answers the first's ticket
    const [row] = await this.query<{ id: string }>(
      `INSERT INTO maintenance_tickets (tenant_id, device_id, alert_id, title, description, assignee_id, assignee_name, opened_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (alert_id) WHERE alert_id IS NOT NULL DO NOTHING RETURNING id`,
      [device.tenant_id, device.id, alertId, title, input.description ?? '', input.assigneeId ?? null, assigneeName, this.context.principal.userId],
    );
    if (!row) {
      const [existing] = await this.query<{ id: string }>(`SELECT id FROM maintenance_tickets WHERE alert_id = $1`, [alertId]);
      return { ticket: await this.detail(existing!.id), created: false };
    }
    const t = await this.ticket(row.id);
    await this.event(t, 'STATE', input.description ?? '', null, 'OPEN');
    if (t.assignee_id) await this.event(t, 'ASSIGNED', t.assignee_name ?? '');
    await this.audit.record({ action: 'maintenance-ticket.create', resourceType: 'maintenance_ticket', resourceId: t.id, subjectTenantId: t.tenant_id, after: toTicketDto(t) });
    return { ticket: await this.detail(t.id), created: true };
  }

  async update(id: string, input: UpdateTicketDto): Promise<TicketDetailDto> {
    const before = await this.forChange(id);
    const sets: string[] = [];
    const params: unknown[] = [id];
    if (input.title !== undefined) {
      if (!input.title.trim()) throw invalid('title', 'must be 1–200 characters');
      params.push(input.title.trim());
      sets.push(`title = $${params.length}`);
    }
    if (input.description !== undefined) {
      params.push(input.description);
      sets.push(`description = $${params.length}`);
    }
    const reassigned = input.assigneeId !== undefined && input.assigneeId !== before.assignee_id;
    if (reassigned) {
      const name = input.assigneeId ? await this.checkAssignee(before.tenant_id, input.assigneeId) : null;
      params.push(input.assigneeId, name);
      sets.push(`assignee_id = $${params.length - 1}`, `assignee_name = $${params.length}`);
    }
    if (!sets.length) return this.detail(id);
    await this.m.query(`UPDATE maintenance_tickets SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
    const after = await this.ticket(id);
    if (reassigned) await this.event(after, 'ASSIGNED', after.assignee_name ?? '');
    await this.audit.record({ action: 'maintenance-ticket.update', resourceType: 'maintenance_ticket', resourceId: id, subjectTenantId: after.tenant_id, before: toTicketDto(before), after: toTicketDto(after) });
    return this.detail(id);
  }

  /** start, resolve, close, reopen: each stamps its `<event>_at` and `<event>_by`; a refused one is 409 TICKET_INVALID_TRANSITION. */
  async transition(id: string, input: TransitionTicketDto): Promise<TicketDetailDto> {
    const before = await this.forChange(id, true);
    const to = nextState(before.state, input.action);
    if (!to) {
      throw maintenanceErrors.TICKET_INVALID_TRANSITION(`A ${before.state} ticket cannot ${input.action}; open actions: ${actionsFrom(before.state).join(', ')}.`, {
        errors: [{ field: 'action', messages: [`must be one of ${actionsFrom(before.state).join(', ')} from ${before.state}`] }],
      });
    }
    const note = input.note?.trim() || null;
    let resolution = before.resolution;
    if (needsResolution(input.action)) {
      if (input.action === 'resolve' || note) resolution = note;
      if (!resolution) throw invalid('note', `must give the resolution to ${input.action} the ticket`);
    }
    if (input.action === 'reopen') resolution = null;
    const stamp = STAMP[input.action];
    await this.m.query(`UPDATE maintenance_tickets SET state = $2, resolution = $3, ${stamp}_at = now(), ${stamp}_by = $4, updated_at = now() WHERE id = $1`, [
      id,
      to,
      resolution,
      this.context.principal.userId,
    ]);
    const after = await this.ticket(id);
    await this.event(after, 'STATE', note ?? '', before.state, to);
    await this.audit.record({ action: `maintenance-ticket.${input.action}`, resourceType: 'maintenance_ticket', resourceId: id, subjectTenantId: after.tenant_id, before: toTicketDto(before), after: toTicketDto(after) });
    return this.detail(id);
  }

  async addNote(id: string, input: AddNoteDto): Promise<TicketDetailDto> {
    const t = await this.forChange(id);
    const body = input.body.trim();
    if (!body) throw invalid('body', 'must not be blank');
    await this.event(t, 'NOTE', body);
    await this.m.query(`UPDATE maintenance_tickets SET updated_at = now() WHERE id = $1`, [id]);
    await this.audit.record({ action: 'maintenance-ticket.note', resourceType: 'maintenance_ticket', resourceId: id, subjectTenantId: t.tenant_id, after: { body } });
    return this.detail(id);
  }

  async uploadPhoto(id: string, declaredType: string | undefined, body: unknown, query: { name?: string }): Promise<TicketPhotoDto> {
    const t = await this.forChange(id);
    const name = checkName(query.name);
    const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
    if (bytes.length === 0) throw photoInvalid('body', 'must be the photo’s bytes (an empty file is refused)');
    if (!declaredType || !(PHOTO_CONTENT_TYPES as readonly string[]).includes(declaredType)) throw photoInvalid('contentType', `must be one of ${PHOTO_CONTENT_TYPES.join(', ')}`);
    if (bytes.length > PHOTO_MAX_BYTES) throw photoTooLargeError();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const [row] = await this.query<PhotoRow>(
      `INSERT INTO maintenance_ticket_photos (tenant_id, ticket_id, name, content_type, size_bytes, sha256, content, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${PHOTO_COLUMNS}`,
      [t.tenant_id, id, name, declaredType, bytes.length, sha256, bytes, this.context.principal.userId],
    );
    await this.event(t, 'PHOTO', name);
    await this.audit.record({ action: 'maintenance-ticket.photo', resourceType: 'maintenance_ticket', resourceId: id, subjectTenantId: t.tenant_id, after: { photoId: row!.id, name, contentType: declaredType, size: bytes.length, sha256 } });
    return toPhotoDto(row!);
  }

  async photo(id: string, photoId: string): Promise<{ file: TicketPhotoDto; bytes: Buffer }> {
    await this.ticket(id);
    const [row] = await this.query<PhotoRow & { content: string }>(`SELECT ${PHOTO_COLUMNS}, encode(content, 'base64') AS content FROM maintenance_ticket_photos WHERE id = $1 AND ticket_id = $2`, [photoId, id]);
    if (!row) throw maintenanceErrors.TICKET_PHOTO_NOT_FOUND();
    return { file: toPhotoDto(row), bytes: Buffer.from(row.content.replace(/\s+/g, ''), 'base64') };
  }

  /** The caller's organisation's automatic-ticket kinds (a franchisee's brand's choice covers it as well). */
  async settings(): Promise<MaintenanceSettingsDto> {
    const [own] = await this.query<{ kinds: string[] }>(`SELECT auto_ticket_kinds AS kinds FROM maintenance_settings WHERE tenant_id = $1`, [this.context.principal.tenantId]);
    return { autoTicketKinds: own?.kinds ?? [], available: [...AUTO_TICKET_KINDS] };
  }

  /** Sets the caller's organisation's automatic-ticket kinds (from now on: earlier alerts are left alone). Audited. */
  async putSettings(input: PutMaintenanceSettingsDto): Promise<MaintenanceSettingsDto> {
    const before = await this.settings();
    const kinds = [...new Set(input.autoTicketKinds)].sort();
    const tenantId = this.context.principal.tenantId;
    await this.m.query(
      `INSERT INTO maintenance_settings (tenant_id, auto_ticket_kinds, auto_since, updated_by) VALUES ($1, $2, now(), $3)
       ON CONFLICT (tenant_id) DO UPDATE SET auto_ticket_kinds = EXCLUDED.auto_ticket_kinds, auto_since = now(), updated_at = now(), updated_by = EXCLUDED.updated_by`,
      [tenantId, kinds, this.context.principal.userId],
    );
    const after = await this.settings();
    await this.audit.record({ action: 'maintenance-settings.update', resourceType: 'organization', resourceId: tenantId, subjectTenantId: tenantId, before, after });
    return after;
  }

  /** The logins a ticket of the device may be assigned to (technicians first); without a device, those of the caller's organisation. */
  async assignees(deviceId: string | undefined): Promise<AssigneeDto[]> {
    let tenantId = this.context.principal.tenantId;
    if (deviceId) {
      const [device] = await this.query<{ tenant_id: string }>(`SELECT tenant_id FROM devices WHERE id = $1`, [deviceId]);
      if (!device) throw maintenanceErrors.TICKET_DEVICE_NOT_FOUND();
      tenantId = device.tenant_id;
    }
    const rows = await this.query<{ id: string; tenant_id: string; display_name: string; role: string }>(
      `SELECT u.id, u.tenant_id, u.display_name, u.role FROM users u, organizations o
       WHERE o.id = $1 AND u.disabled_at IS NULL AND u.role <> 'PLATFORM_ADMIN' AND (u.tenant_id = o.id OR u.tenant_id = o.parent_id)
       ORDER BY (u.role = 'TECHNICIAN') DESC, u.display_name, u.id`,
      [tenantId],
    );
    return rows.map((r) => ({ id: r.id, organizationId: r.tenant_id, displayName: r.display_name, role: r.role }));
  }
}
