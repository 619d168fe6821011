import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { quoteLine } from './cli.js';
import { powerBankPlan } from './fixtures.js';

const good = JSON.stringify({ plan: powerBankPlan, usage: { startedAt: '2026-11-27T10:00:00+08:00', endedAt: '2026-11-27T12:10:00+08:00' } });
const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('npm run -s quote (NDJSON)', () => {
  it('answers a quote line with the quote', () => {
    expect(JSON.parse(quoteLine(good))).toEqual({
      totalFen: 900,
      lines: [{ kind: 'rental', label: '第1天', amountFen: 900, detail: '使用2小时10分，超过免费5分钟，从开始计费；计费2小时10分，3个单位 × 3元/小时' }],
      capped: null,
      explanation: '3元/小时，前5分钟免费，每日封顶30元，总封顶99元',
    });
  });

  it('answers bad lines with {"error": {code, message}}', () => {
    expect(JSON.parse(quoteLine('{oops'))).toEqual({ error: { code: 'QUOTE_BAD_JSON', message: expect.stringContaining('not valid JSON') } });
    expect(JSON.parse(quoteLine('[1]'))).toEqual({ error: { code: 'QUOTE_BAD_REQUEST', message: 'each line must be a JSON object {"plan": …, "usage": …}' } });
    expect(JSON.parse(quoteLine('{"plan":{}}'))).toEqual({ error: { code: 'QUOTE_BAD_REQUEST', message: 'usage: required ({"plan": …, "usage": …})' } });
    expect(JSON.parse(quoteLine(JSON.stringify({ plan: { items: { catalog: [{ sku: 'a', name: 'A', priceFen: 1 }] } }, usage: { items: [{ sku: 'b', count: 1 }] } })))).toEqual({
      error: { code: 'PRICING_UNKNOWN_SKU', message: 'usage.items[0].sku: unknown SKU "b": it is not in the plan catalog' },
    });
  });

  it('writes one line per input line and never stops on a bad one', () => {
    const run = spawnSync(process.execPath, ['--import', './tools/register.mjs', 'libs/pricing/src/cli.ts'], {
      cwd: root,
      input: `${good}\nnot json\n\n${good}\r\n`,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(0);
    const out = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => ('error' in o ? (o['error'] as { code: string }).code : o['totalFen']))).toEqual([900, 'QUOTE_BAD_JSON', 'QUOTE_BAD_REQUEST', 900]);
  });
});
