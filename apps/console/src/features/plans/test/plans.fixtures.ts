// A plan as GET /v1/plans/{id} answers it: three versions, two devices.
export const PLAN_ID = '11111111-1111-4111-8111-111111111111';
const RENTAL = { timezone: 'Asia/Shanghai', rental: { unitFen: 300, unitMinutes: 60, freeMinutes: 5, freeMode: 'grace', dailyCapFen: 3000, dayBoundary: 'rolling-24h' }, totalCapFen: 9900 };

export function planDetail(overrides: Record<string, unknown> = {}) {
  return {
    id: PLAN_ID,
    name: '充电宝 3元/小时',
    organizationId: '00000000-0000-4000-8000-000000000001',
    type: 'RENTAL',
    currentVersion: 3,
    createdAt: '2026-11-01T02:00:00.000Z',
    updatedAt: '2026-12-01T02:00:00.000Z',
    deviceCount: 2,
    plan: RENTAL,
    versions: [
      { version: 3, type: 'RENTAL', plan: RENTAL, createdAt: '2026-12-01T02:00:00.000Z', createdBy: { userId: 'u1', displayName: '李雷' } },
      { version: 2, type: 'RENTAL', plan: { ...RENTAL, totalCapFen: 5000 }, createdAt: '2026-11-15T02:00:00.000Z', createdBy: { userId: 'u2', displayName: null } },
      { version: 1, type: 'RENTAL', plan: { ...RENTAL, rental: { ...RENTAL.rental, unitFen: 200 } }, createdAt: '2026-11-01T02:00:00.000Z', createdBy: null },
    ],
    devices: [
      { id: 'd1', code: 'PB-0001', name: '东站', siteId: 's1', type: 'POWERBANK_CABINET' },
      { id: 'd2', code: 'PB-0002', name: null, siteId: 's1', type: 'POWERBANK_CABINET' },
    ],
    ...overrides,
  };
}
