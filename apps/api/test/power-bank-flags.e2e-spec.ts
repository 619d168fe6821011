// Power-bank flags (issue 16 follow-up): technicians read the banks and a cabinet's inventory; the operator's admins
// clear a flag with a note (audited; another tenant's bank is 404, a bank without a flag 409); a flagged bank raises a
// POWERBANK_FLAGGED alert once per episode, resolved when the flag is cleared.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response as InjectResponse } from 'light-my-request';
import { AlertsEvaluator } from '../src/modules/alerts/alerts.evaluator.js';
import { DEMO_DEVICES, DEMO_ORGS } from '../src/modules/demo/demo-data.js';
import { systemQuery } from './fleet-support.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const PB = DEMO_DEVICES.find((d) => d.code === 'PB-0001')!;

describe('power-bank flags: technicians read, admins clear with a note, an alert while flagged', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (who: string, body?: unknown) => ({ token: tokens[who]!, ...(body !== undefined ? { body } : {}) });
  const code = (r: InjectResponse) => (r.json() as { code?: string }).code;
  const sys = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => systemQuery<T>(t, sql, params);

  /** A bank of the power-bank brand's network in PB-0001, flagged as returned after its buyout. */
  async function flaggedBank(): Promise<{ id: string; bankId: string }> {
    const bankId = `FLAG-${randomUUID().slice(0, 8)}`;
    const [row] = await sys<{ id: string }>(
      `INSERT INTO power_banks (tenant_id, network_tenant_id, bank_id, state, device_id, slot, bought_out_at, flag, flag_detail, flagged_at, updated_at)
       VALUES ($1, zizhu_powerbank_network($1), $2, 'BOUGHT_OUT', $3, 7, now(), 'RETURNED_AFTER_BUYOUT', 'returned at PB-0001 slot 7 after its buyout', now(), now())
       RETURNING id`,
      [DEMO_ORGS.powerbank.id, bankId, PB.id],
    );
    return { id: row!.id, bankId };
  }
  const alertsOf = (bank: string) =>
    sys<{ state: string; tenant_id: string; facts: { bankId: string; flag: string; deviceCode: string } }>(
      `SELECT state, tenant_id, facts FROM alerts WHERE kind = 'POWERBANK_FLAGGED' AND subject_type = 'power-bank' AND subject_id = $1 ORDER BY raised_at`,
      [bank],
    );

  beforeAll(async () => {
    t = await createTestApp();
    for (const login of ['ops@powerbank.demo', 'ops@fridge.demo', 'tech@fridge.demo']) tokens[login] = await t.login(login);
    const email = `tech-${randomUUID().slice(0, 8)}@powerbank.demo`;
    const created = await t.http('POST', '/v1/users', as('ops@powerbank.demo', { email, password: 'technician-pass', role: 'TECHNICIAN', displayName: '机柜维修员' }));
    expect(created.statusCode).toBe(201);
    tokens.tech = await t.login(email, 'technician-pass');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('a technician reads the banks and a cabinet’s inventory, and may not clear a flag', async () => {
    const bank = await flaggedBank();
    const list = await t.http('GET', `/v1/power-banks?bankId=${bank.bankId}`, as('tech'));
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: bank.id, flag: 'RETURNED_AFTER_BUYOUT' }] });
    const inventory = await t.http('GET', `/v1/devices/${PB.id}/inventory`, as('tech'));
    expect(inventory.statusCode).toBe(200);
    expect((inventory.json() as { code: string }).code).toBe('PB-0001');
    // the fridge brand's technician sees none of the power-bank brand's banks
    const other = await t.http('GET', `/v1/power-banks?bankId=${bank.bankId}`, as('tech@fridge.demo'));
    expect(other.json()).toMatchObject({ total: 0, items: [] });
    // clearing is for the admins
    const refused = await t.http('POST', `/v1/power-banks/${bank.id}/clear-flag`, as('tech', { note: 'fixed' }));
    expect(refused.statusCode).toBe(403);
    expect(code(refused)).toBe('AUTH_FORBIDDEN');
  });

  it('the operator’s admin clears a flag with a note: audited; 404 for another tenant, 409 without a flag, 400 without a note', async () => {
    const bank = await flaggedBank();
    const url = `/v1/power-banks/${bank.id}/clear-flag`;
    const noNote = await t.http('POST', url, as('ops@powerbank.demo', { note: '  ' }));
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'note' }] });
    const foreign = await t.http('POST', url, as('ops@fridge.demo', { note: 'not mine' }));
    expect(foreign.statusCode).toBe(404);
    expect(code(foreign)).toBe('POWERBANK_NOT_FOUND');

    const cleared = await t.http('POST', url, as('ops@powerbank.demo', { note: '用户已退款，宝已回收' }));
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ id: bank.id, bankId: bank.bankId, state: 'BOUGHT_OUT', flag: null, flagDetail: null, flaggedAt: null });
    const again = await t.http('POST', url, as('ops@powerbank.demo', { note: 'again' }));
    expect(again.statusCode).toBe(409);
    expect(code(again)).toBe('POWERBANK_NOT_FLAGGED');

    const audit = await sys<{ action: string; before: { flag: string }; after: { flag: null; note: string } }>(
      `SELECT action, before, after FROM audit_log WHERE resource_id = $1 ORDER BY occurred_at`,
      [bank.id],
    );
    expect(audit).toEqual([
      {
        action: 'power-bank.clear-flag',
        before: expect.objectContaining({ bankId: bank.bankId, flag: 'RETURNED_AFTER_BUYOUT', flagDetail: 'returned at PB-0001 slot 7 after its buyout' }),
        after: { bankId: bank.bankId, flag: null, note: '用户已退款，宝已回收' },
      },
    ]);
    const listed = (await t.http('GET', `/v1/power-banks?bankId=${bank.bankId}`, as('ops@powerbank.demo'))).json() as { items: { flag: string | null }[] };
    expect(listed.items.map((b) => b.flag)).toEqual([null]);
  });

  it('a flagged bank raises one POWERBANK_FLAGGED alert for its organisation, resolved once the flag is cleared', async () => {
    const bank = await flaggedBank();
    const evaluator = t.app.get(AlertsEvaluator);
    await evaluator.evaluateKind('POWERBANK_FLAGGED');
    await evaluator.evaluateKind('POWERBANK_FLAGGED');
    const open = await alertsOf(bank.id);
    expect(open.map((a) => [a.state, a.tenant_id])).toEqual([['OPEN', DEMO_ORGS.powerbank.id]]);
    expect(open[0]!.facts).toMatchObject({ bankId: bank.bankId, flag: 'RETURNED_AFTER_BUYOUT', deviceCode: 'PB-0001' });
    // the operator sees it among its alerts
    const listed = (await t.http('GET', '/v1/alerts?kind=POWERBANK_FLAGGED', as('ops@powerbank.demo'))).json() as { items: { subjectId: string }[] };
    expect(listed.items.some((a) => a.subjectId === bank.id)).toBe(true);

    expect((await t.http('POST', `/v1/power-banks/${bank.id}/clear-flag`, as('ops@powerbank.demo', { note: 'dealt with' }))).statusCode).toBe(200);
    await evaluator.evaluateKind('POWERBANK_FLAGGED');
    expect((await alertsOf(bank.id)).map((a) => a.state)).toEqual(['RESOLVED']);

    // flagged again later: a new episode, a new alert
    await sys(`UPDATE power_banks SET flag = 'FOREIGN_RETURN', flag_detail = 'returned at XX-0001 (another network) slot 1; refused', flagged_at = now() WHERE id = $1`, [bank.id]);
    await evaluator.evaluateKind('POWERBANK_FLAGGED');
    expect((await alertsOf(bank.id)).map((a) => a.state)).toEqual(['RESOLVED', 'OPEN']);
  });
});
