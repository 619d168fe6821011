import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FieldError } from '../../platform/errors/domain-error.js';
import { RequestContext } from '../../platform/tenancy/request-context.js';
import { ALERT_KIND_SPECS } from '../alerts/alert-kinds.js';
import { effectiveRulesSql } from '../alerts/alert-rules.service.js';
import { AuditService } from '../audit/audit.service.js';
import type {
  CountLineDto,
  CreateRestockDto,
  CreateStockCountDto,
  LowStockListDto,
  PlanogramDto,
  PutPlanogramDto,
  RestockDto,
  RestockLineDto,
  StockCountDto,
  StockDto,
  StockMovementDto,
} from './dto/stock.dto.js';
import { stockErrors } from './stock.errors.js';

const LOW = ALERT_KIND_SPECS.FRIDGE_LOW_STOCK;
/** The FRIDGE_LOW_STOCK rule in force per organisation ($1 kind, $2 default enabled, $3 default threshold). */
const RULES = `rules AS (${effectiveRulesSql(`'FRIDGE_LOW_STOCK'`, String(LOW.enabledByDefault), String(LOW.threshold!.default))})`;

interface Fridge {
  id: string;
  tenant_id: string;
  code: string;
  type: string;
  catalog: Map<string, string>;
}

const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * The book of a fridge's stock (issue 16). Every method runs in the request's tenant transaction: row-level security
 * (`zizhu_data_visible`) shows a fridge's stock to its owner and a franchise brand above it, never to a hardware
 * reseller for its customers' fridges — which answers 404 like another tenant's.
 */
@Injectable()
export class StockService {
  constructor(
    private readonly context: RequestContext,
    private readonly audit: AuditService,
  ) {}

  private get m(): EntityManager {
    return this.context.manager;
  }

  /** The fridge with its plan's catalog, if the caller may see its data (a reseller's customer's fridge: 404). */
  private async fridge(deviceId: string): Promise<Fridge> {
    const [row] = (await this.m.query(
      `SELECT d.id, d.tenant_id, d.code, d.type, v.plan -> 'items' -> 'catalog' AS catalog
         FROM devices d
         LEFT JOIN pricing_plans p ON p.id = d.plan_id
         LEFT JOIN pricing_plan_versions v ON v.plan_id = p.id AND v.version = p.current_version
        WHERE d.id = $1 AND zizhu_data_visible(d.tenant_id)`,
      [deviceId],
    )) as { id: string; tenant_id: string; code: string; type: string; catalog: { sku: string; name: string }[] | null }[];
    if (!row) throw stockErrors.STOCK_DEVICE_NOT_FOUND();
    if (row.type !== 'FRIDGE') throw stockErrors.STOCK_NOT_A_FRIDGE();
    return { ...row, catalog: new Map((Array.isArray(row.catalog) ? row.catalog : []).map((i) => [i.sku, i.name])) };
  }

  private checkSkus(fridge: Fridge, skus: readonly string[], field: string): void {
    const errors: FieldError[] = [];
    skus.forEach((sku, i) => {
      if (!fridge.catalog.has(sku)) errors.push({ field: `${field}.${i}.sku`, messages: [`${sku} is not in the catalog of the fridge’s plan (${[...fridge.catalog.keys()].join(', ') || 'empty'})`] });
    });
    if (errors.length) throw stockErrors.STOCK_SKU_UNKNOWN(`Unknown SKU: ${errors.map((e) => e.field).join(', ')}`, { errors });
    const seen = new Map<string, number>();
    skus.forEach((sku, i) => {
      if (seen.has(sku)) errors.push({ field: `${field}.${i}.sku`, messages: [`${sku} is listed twice (also at ${field}.${seen.get(sku)})`] });
      seen.set(sku, i);
    });
    if (errors.length) throw stockErrors.STOCK_SKU_DUPLICATE(`Duplicate SKU: ${errors.map((e) => e.field).join(', ')}`, { errors });
  }

  async planogram(deviceId: string): Promise<PlanogramDto> {
    await this.fridge(deviceId);
    return { deviceId, slots: await this.slots(deviceId) };
  }

  private async slots(deviceId: string): Promise<PlanogramDto['slots']> {
    const rows = (await this.m.query(`SELECT shelf, slot, sku, par_level FROM fridge_planogram_slots WHERE device_id = $1 ORDER BY shelf, slot`, [deviceId])) as {
      shelf: number;
      slot: number;
      sku: string;
      par_level: number;
    }[];
    return rows.map((r) => ({ shelf: r.shelf, slot: r.slot, sku: r.sku, parLevel: r.par_level }));
  }

  /** Replaces the planogram; every SKU must be in the plan's catalog. The book gets a line (0) for each new SKU. Audited. */
  async putPlanogram(deviceId: string, body: PutPlanogramDto): Promise<PlanogramDto> {
    const fridge = await this.fridge(deviceId);
    const errors: FieldError[] = [];
    body.slots.forEach((s, i) => {
      if (!fridge.catalog.has(s.sku)) errors.push({ field: `slots.${i}.sku`, messages: [`${s.sku} is not in the catalog of the fridge’s plan (${[...fridge.catalog.keys()].join(', ') || 'empty'})`] });
    });
    if (errors.length) throw stockErrors.STOCK_SKU_UNKNOWN(`Unknown SKU: ${errors.map((e) => e.field).join(', ')}`, { errors });
    const seen = new Map<string, number>();
    body.slots.forEach((s, i) => {
      const key = `${s.shelf}/${s.slot}`;
      if (seen.has(key)) errors.push({ field: `slots.${i}.slot`, messages: [`shelf ${s.shelf} slot ${s.slot} is also slots.${seen.get(key)}`] });
      seen.set(key, i);
    });
    if (errors.length) throw stockErrors.STOCK_SLOT_DUPLICATE(`Duplicate slot: ${errors.map((e) => e.field).join(', ')}`, { errors });
    const before = await this.slots(deviceId);
    const { userId } = this.context.principal;
    await this.m.query(`DELETE FROM fridge_planogram_slots WHERE device_id = $1`, [deviceId]);
    if (body.slots.length) {
      await this.m.query(
        `INSERT INTO fridge_planogram_slots (tenant_id, device_id, shelf, slot, sku, par_level, updated_by)
         SELECT $1, $2, x.shelf, x.slot, x.sku, x."parLevel", $4 FROM jsonb_to_recordset($3::jsonb) AS x(shelf int, slot int, sku text, "parLevel" int)`,
        [fridge.tenant_id, deviceId, JSON.stringify(body.slots), userId],
      );
      await this.m.query(
        `INSERT INTO fridge_stock (tenant_id, device_id, sku, on_hand) SELECT DISTINCT $1::uuid, $2::uuid, sku, 0 FROM fridge_planogram_slots WHERE device_id = $2
         ON CONFLICT (device_id, sku) DO NOTHING`,
        [fridge.tenant_id, deviceId],
      );
    }
    const after = await this.slots(deviceId);
    await this.audit.record({ action: 'stock.planogram', resourceType: 'device', resourceId: deviceId, subjectTenantId: fridge.tenant_id, before: { slots: before }, after: { slots: after } });
    return { deviceId, slots: after };
  }

  /** The book with par levels and low marks, and the latest sales beyond it. */
  async stock(deviceId: string): Promise<StockDto> {
    const fridge = await this.fridge(deviceId);
    const rows = (await this.m.query(
      `WITH ${RULES}
       SELECT s.sku, s.on_hand, s.updated_at, coalesce(p.par, 0)::int AS par, r.threshold::float AS threshold, r.enabled
         FROM fridge_stock s
         JOIN rules r ON r.org_id = s.tenant_id
         LEFT JOIN (SELECT sku, sum(par_level) AS par FROM fridge_planogram_slots WHERE device_id = $1 GROUP BY sku) p ON p.sku = s.sku
        WHERE s.device_id = $1 ORDER BY s.sku`,
      [deviceId],
    )) as { sku: string; on_hand: number; updated_at: Date; par: number; threshold: number; enabled: boolean }[];
    const [rule] = (await this.m.query(`WITH ${RULES} SELECT threshold::float AS threshold FROM rules WHERE org_id = $1`, [fridge.tenant_id])) as { threshold: number }[];
    const discrepancies = (await this.m.query(
      `SELECT id, sku, session_id, shortfall, created_at FROM fridge_stock_movements WHERE device_id = $1 AND shortfall > 0 ORDER BY created_at DESC, id LIMIT 50`,
      [deviceId],
    )) as { id: string; sku: string; session_id: string; shortfall: number; created_at: Date }[];
    return {
      deviceId,
      deviceCode: fridge.code,
      catalog: [...fridge.catalog].map(([sku, name]) => ({ sku, name })),
      lowThresholdPercent: rule?.threshold ?? LOW.threshold!.default,
      lines: rows.map((r) => ({
        sku: r.sku,
        name: fridge.catalog.get(r.sku) ?? '',
        parLevel: r.par,
        onHand: r.on_hand,
        toFill: Math.max(r.par - r.on_hand, 0),
        low: r.enabled && r.par > 0 && r.on_hand * 100 < r.par * r.threshold,
        updatedAt: iso(r.updated_at),
      })),
      discrepancies: discrepancies.map((d) => ({ id: d.id, sku: d.sku, sessionId: d.session_id, shortfall: d.shortfall, createdAt: iso(d.created_at) })),
    };
  }

  /** A restock: expired items out, then new items in, per SKU; raises the book. Audited. */
  async restock(deviceId: string, body: CreateRestockDto): Promise<RestockDto> {
    const fridge = await this.fridge(deviceId);
    this.checkSkus(fridge, body.lines.map((l) => l.sku), 'lines');
    if (body.lines.every((l) => l.added === 0 && (l.removedExpired ?? 0) === 0)) {
      throw stockErrors.STOCK_NOTHING_TO_RECORD(undefined, { errors: [{ field: 'lines', messages: ['at least one line must add or remove items'] }] });
    }
    const booked = await this.booked(deviceId, body.lines.map((l) => l.sku));
    const lines: RestockLineDto[] = body.lines.map((l) => {
      const before = booked.get(l.sku) ?? 0;
      const removed = l.removedExpired ?? 0;
      return { sku: l.sku, added: l.added, removedExpired: removed, onHandBefore: before, onHandAfter: Math.max(before - removed, 0) + l.added };
    });
    const { userId } = this.context.principal;
    const [restock] = (await this.m.query(
      `INSERT INTO fridge_restocks (tenant_id, device_id, lines, note, created_by) VALUES ($1, $2, $3::jsonb, $4, $5) RETURNING id, created_at`,
      [fridge.tenant_id, deviceId, JSON.stringify(lines), body.note ?? null, userId],
    )) as { id: string; created_at: Date }[];
    const movements = lines.flatMap((l) => [
      ...(l.removedExpired > 0 ? [{ sku: l.sku, kind: 'EXPIRED', delta: Math.max(l.onHandBefore - l.removedExpired, 0) - l.onHandBefore, after: Math.max(l.onHandBefore - l.removedExpired, 0) }] : []),
      ...(l.added > 0 ? [{ sku: l.sku, kind: 'RESTOCK', delta: l.added, after: l.onHandAfter }] : []),
    ]);
    await this.writeBook(fridge, lines.map((l) => ({ sku: l.sku, onHand: l.onHandAfter, replenished: l.added > 0 })), movements, { restockId: restock!.id });
    await this.audit.record({
      action: 'stock.restock',
      resourceType: 'device',
      resourceId: deviceId,
      subjectTenantId: fridge.tenant_id,
      before: Object.fromEntries(lines.map((l) => [l.sku, l.onHandBefore])),
      after: { restockId: restock!.id, onHand: Object.fromEntries(lines.map((l) => [l.sku, l.onHandAfter])), lines: body.lines },
    });
    return (await this.restocks(deviceId, restock!.id)).items[0]!;
  }

  async restocks(deviceId: string, id?: string): Promise<{ items: RestockDto[] }> {
    await this.fridge(deviceId);
    const rows = (await this.m.query(
      `SELECT r.id, r.lines, r.note, r.created_at, r.created_by, u.display_name
         FROM fridge_restocks r LEFT JOIN users u ON u.id = r.created_by
        WHERE r.device_id = $1 ${id ? 'AND r.id = $2' : ''} ORDER BY r.created_at DESC, r.id LIMIT 100`,
      id ? [deviceId, id] : [deviceId],
    )) as { id: string; lines: RestockLineDto[]; note: string | null; created_at: Date; created_by: string | null; display_name: string | null }[];
    return { items: rows.map((r) => ({ id: r.id, deviceId, lines: r.lines, note: r.note, createdAt: iso(r.created_at), createdBy: r.created_by, createdByName: r.display_name })) };
  }

  /** A stock count: the book is set to what was counted; the difference is recorded and audited. */
  async count(deviceId: string, body: CreateStockCountDto): Promise<StockCountDto> {
    const fridge = await this.fridge(deviceId);
    this.checkSkus(fridge, body.lines.map((l) => l.sku), 'lines');
    const booked = await this.booked(deviceId, body.lines.map((l) => l.sku));
    const lines: CountLineDto[] = body.lines.map((l) => {
      const before = booked.get(l.sku) ?? 0;
      return { sku: l.sku, booked: before, counted: l.counted, difference: l.counted - before };
    });
    const { userId } = this.context.principal;
    const [count] = (await this.m.query(
      `INSERT INTO fridge_stock_counts (tenant_id, device_id, lines, note, created_by) VALUES ($1, $2, $3::jsonb, $4, $5) RETURNING id`,
      [fridge.tenant_id, deviceId, JSON.stringify(lines), body.note ?? null, userId],
    )) as { id: string }[];
    await this.writeBook(
      fridge,
      lines.map((l) => ({ sku: l.sku, onHand: l.counted, replenished: l.difference > 0 })),
      lines.filter((l) => l.difference !== 0).map((l) => ({ sku: l.sku, kind: 'COUNT', delta: l.difference, after: l.counted })),
      { countId: count!.id },
    );
    await this.audit.record({
      action: 'stock.count',
      resourceType: 'device',
      resourceId: deviceId,
      subjectTenantId: fridge.tenant_id,
      before: Object.fromEntries(lines.map((l) => [l.sku, l.booked])),
      after: { countId: count!.id, counted: Object.fromEntries(lines.map((l) => [l.sku, l.counted])), differences: Object.fromEntries(lines.map((l) => [l.sku, l.difference])) },
    });
    return (await this.counts(deviceId, count!.id)).items[0]!;
  }

  async counts(deviceId: string, id?: string): Promise<{ items: StockCountDto[] }> {
    await this.fridge(deviceId);
    const rows = (await this.m.query(
      `SELECT c.id, c.lines, c.note, c.created_at, c.created_by, u.display_name
         FROM fridge_stock_counts c LEFT JOIN users u ON u.id = c.created_by
        WHERE c.device_id = $1 ${id ? 'AND c.id = $2' : ''} ORDER BY c.created_at DESC, c.id LIMIT 100`,
      id ? [deviceId, id] : [deviceId],
    )) as { id: string; lines: CountLineDto[]; note: string | null; created_at: Date; created_by: string | null; display_name: string | null }[];
    return { items: rows.map((r) => ({ id: r.id, deviceId, lines: r.lines, note: r.note, createdAt: iso(r.created_at), createdBy: r.created_by, createdByName: r.display_name })) };
  }

  async movements(deviceId: string): Promise<{ items: StockMovementDto[] }> {
    await this.fridge(deviceId);
    const rows = (await this.m.query(
      `SELECT id, sku, kind, delta, on_hand_after, shortfall, session_id, created_at FROM fridge_stock_movements WHERE device_id = $1 ORDER BY created_at DESC, id LIMIT 200`,
      [deviceId],
    )) as { id: string; sku: string; kind: StockMovementDto['kind']; delta: number; on_hand_after: number; shortfall: number; session_id: string | null; created_at: Date }[];
    return {
      items: rows.map((r) => ({ id: r.id, sku: r.sku, kind: r.kind, delta: r.delta, onHandAfter: r.on_hand_after, shortfall: r.shortfall, sessionId: r.session_id, createdAt: iso(r.created_at) })),
    };
  }

  /** The fridges the caller may see with a SKU below par (the morning restock run), most to fill first. */
  async belowPar(): Promise<LowStockListDto> {
    const rows = (await this.m.query(
      `WITH ${RULES},
            par AS (SELECT device_id, sku, sum(par_level)::int AS par FROM fridge_planogram_slots GROUP BY device_id, sku),
            below AS (
              SELECT s.device_id, s.sku, p.par, s.on_hand, (r.enabled AND s.on_hand::numeric * 100 < p.par::numeric * r.threshold) AS low
                FROM fridge_stock s JOIN par p ON p.device_id = s.device_id AND p.sku = s.sku JOIN rules r ON r.org_id = s.tenant_id
               WHERE s.on_hand < p.par)
       SELECT d.id, d.code, d.name, d.tenant_id, st.name AS site_name, o.name AS organization_name, v.plan -> 'items' -> 'catalog' AS catalog,
              json_agg(json_build_object('sku', b.sku, 'parLevel', b.par, 'onHand', b.on_hand, 'low', b.low) ORDER BY b.sku) AS lines
         FROM below b
         JOIN devices d ON d.id = b.device_id AND zizhu_data_visible(d.tenant_id)
         JOIN sites st ON st.id = d.site_id
         JOIN organizations o ON o.id = d.tenant_id
         LEFT JOIN pricing_plans pp ON pp.id = d.plan_id
         LEFT JOIN pricing_plan_versions v ON v.plan_id = pp.id AND v.version = pp.current_version
        GROUP BY d.id, d.code, d.name, d.tenant_id, st.name, o.name, v.plan`,
    )) as {
      id: string;
      code: string;
      name: string | null;
      tenant_id: string;
      site_name: string;
      organization_name: string;
      catalog: { sku: string; name: string }[] | null;
      lines: { sku: string; parLevel: number; onHand: number; low: boolean }[];
    }[];
    const items = rows.map((r) => {
      const names = new Map((Array.isArray(r.catalog) ? r.catalog : []).map((i) => [i.sku, i.name]));
      const lines = r.lines.map((l) => ({ ...l, name: names.get(l.sku) ?? '', toFill: l.parLevel - l.onHand }));
      return {
        deviceId: r.id,
        deviceCode: r.code,
        deviceName: r.name,
        siteName: r.site_name,
        organizationId: r.tenant_id,
        organizationName: r.organization_name,
        toFill: lines.reduce((sum, l) => sum + l.toFill, 0),
        lowSkus: lines.filter((l) => l.low).length,
        lines,
      };
    });
    items.sort((a, b) => b.lowSkus - a.lowSkus || b.toFill - a.toFill || a.deviceCode.localeCompare(b.deviceCode));
    return { items };
  }

  private async booked(deviceId: string, skus: readonly string[]): Promise<Map<string, number>> {
    const rows = (await this.m.query(`SELECT sku, on_hand FROM fridge_stock WHERE device_id = $1 AND sku = ANY($2::text[]) ORDER BY sku FOR UPDATE`, [deviceId, skus])) as { sku: string; on_hand: number }[];
    return new Map(rows.map((r) => [r.sku, r.on_hand]));
  }

  private async writeBook(
    fridge: Fridge,
    book: { sku: string; onHand: number; replenished: boolean }[],
    movements: { sku: string; kind: string; delta: number; after: number }[],
    ref: { restockId?: string; countId?: string },
  ): Promise<void> {
    await this.m.query(
      `INSERT INTO fridge_stock (tenant_id, device_id, sku, on_hand)
       SELECT $1, $2, x.sku, x."onHand" FROM jsonb_to_recordset($3::jsonb) AS x(sku text, "onHand" int, replenished boolean)
       ON CONFLICT (device_id, sku) DO UPDATE SET on_hand = EXCLUDED.on_hand, updated_at = now(),
         replenished_at = CASE WHEN EXCLUDED.on_hand > fridge_stock.on_hand THEN now() ELSE fridge_stock.replenished_at END`,
      [fridge.tenant_id, fridge.id, JSON.stringify(book)],
    );
    if (!movements.length) return;
    await this.m.query(
      `INSERT INTO fridge_stock_movements (tenant_id, device_id, sku, kind, delta, on_hand_after, restock_id, count_id, created_by)
       SELECT $1, $2, x.sku, x.kind, x.delta, x.after, $4, $5, $6 FROM jsonb_to_recordset($3::jsonb) AS x(sku text, kind text, delta int, after int)`,
      [fridge.tenant_id, fridge.id, JSON.stringify(movements), ref.restockId ?? null, ref.countId ?? null, this.context.principal.userId],
    );
  }
}

/**
 * A session's items, taken off the book in the transaction that records the session's usage (the session engine's
 * `endService`), in one statement: once per session and SKU (a unique index on the sale movements; a repeated end
 * changes nothing), only for a fridge with a planogram (an untracked fridge has no book). The fridge is the truth: the
 * session is charged as reported; the book floors at 0 and what was sold beyond it is the movement's `shortfall`.
 */
export async function recordSessionSale(m: EntityManager, sale: { tenantId: string; deviceId: string; sessionId: string; items: unknown }): Promise<void> {
  if (!Array.isArray(sale.items) || sale.items.length === 0) return;
  await m.query(
    `WITH items AS (
       SELECT x.sku, sum(x.count)::int AS sold FROM jsonb_to_recordset($4::jsonb) AS x(sku text, count int)
        WHERE x.count > 0 AND length(x.sku) BETWEEN 1 AND 64 AND EXISTS (SELECT 1 FROM fridge_planogram_slots g WHERE g.device_id = $2)
        GROUP BY x.sku),
     -- rows locked in SKU order, as a restock or count locks them: two writers of one fridge never deadlock
     locked AS (SELECT sku, on_hand FROM fridge_stock WHERE device_id = $2 AND sku IN (SELECT sku FROM items) ORDER BY sku FOR UPDATE),
     sale AS (
       INSERT INTO fridge_stock_movements (tenant_id, device_id, sku, kind, delta, on_hand_after, shortfall, session_id)
       SELECT $1, $2, i.sku, 'SALE', -least(i.sold, coalesce(l.on_hand, 0)), greatest(coalesce(l.on_hand, 0) - i.sold, 0), greatest(i.sold - coalesce(l.on_hand, 0), 0), $3
         FROM items i LEFT JOIN locked l ON l.sku = i.sku
       ON CONFLICT (session_id, sku) WHERE kind = 'SALE' DO NOTHING
       RETURNING sku, on_hand_after)
     INSERT INTO fridge_stock (tenant_id, device_id, sku, on_hand) SELECT $1, $2, sku, on_hand_after FROM sale
     ON CONFLICT (device_id, sku) DO UPDATE SET on_hand = EXCLUDED.on_hand, updated_at = now()`,
    [sale.tenantId, sale.deviceId, sale.sessionId, JSON.stringify(sale.items)],
  );
}
