import type { Schemas } from '@zizhu/api-client';

// Sessions as the API answers them, for component tests (the stubbed fetch returns these).

export function session(overrides: Partial<Schemas['SessionDetailDto']> = {}): Schemas['SessionDetailDto'] {
  return {
    id: '7f0c2c8e-4a51-4d1a-9c3e-1f6f0f6b8a01',
    outOrderNo: 'ZZ20261206000001',
    state: 'PAID',
    deviceType: 'POWERBANK_CABINET',
    deviceCode: 'PB-0001',
    deviceId: '00000000-0000-4000-8000-000000000201',
    endUserId: '00000000-0000-4000-8000-000000000301',
    organizationId: '00000000-0000-4000-8000-000000000101',
    merchantOrganizationId: '00000000-0000-4000-8000-000000000101',
    anomaly: null,
    anomalyKind: null,
    attempts: [],
    itemCatalog: null,
    actions: [],
    refunds: [],
    cancelReason: null,
    collectionState: null,
    connector: null,
    slot: 3,
    endSource: 'DEVICE',
    lines: null,
    meterReading: null,
    orderAttempt: 1,
    orderState: 'DONE',
    paidFen: 1000,
    planVersion: 1,
    quote: null,
    quotedFen: 1000,
    refundableFen: 1000,
    refundedFen: 0,
    riskFundFen: 9900,
    runningFen: null,
    runningQuote: null,
    scenario: 'RENTAL',
    serviceId: '00004000000000001',
    times: { createdAt: '2026-12-06T02:00:00.000Z', paidAt: '2026-12-06T03:00:00.000Z' },
    totalFen: 1000,
    usage: null,
    ...overrides,
  };
}

export interface Sent {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  readonly body: unknown;
}

export const json = (status: number, body: unknown, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

/** Replaces fetch: records every request and answers with `answer`. */
export function stubFetch(answer: (sent: Sent) => Response | Promise<Response>): { sent: Sent[]; restore: () => void } {
  const original = globalThis.fetch;
  const sent: Sent[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const text = await request.clone().text();
    const entry = { method: request.method, url: new URL(request.url), headers: request.headers, body: text ? JSON.parse(text) : undefined };
    sent.push(entry);
    return answer(entry);
  }) as typeof fetch;
  return { sent, restore: () => (globalThis.fetch = original) };
}
