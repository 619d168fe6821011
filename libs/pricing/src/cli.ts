// `npm run -s quote`: one `{"plan": …, "usage": …}` JSON object per line on stdin, one line per input line on
// stdout — the quote, or `{"error": {"code", "message"}}`. A bad line never stops the run.
import { createInterface } from 'node:readline';
import { PricingError } from './errors.js';
import { quote } from './quote.js';
import type { PricingPlan, Usage } from './types.js';

type ErrorCode = PricingError['code'] | 'QUOTE_BAD_JSON' | 'QUOTE_BAD_REQUEST' | 'QUOTE_INTERNAL';

function failure(code: ErrorCode, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

/** The output line for one input line. Exported for tests; never throws. */
export function quoteLine(text: string): string {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    return failure('QUOTE_BAD_JSON', `the line is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return failure('QUOTE_BAD_REQUEST', 'each line must be a JSON object {"plan": …, "usage": …}');
  }
  const { plan, usage } = input as { plan?: unknown; usage?: unknown };
  const missing = [plan === undefined ? 'plan' : null, usage === undefined ? 'usage' : null].filter((x) => x !== null);
  if (missing.length > 0) return failure('QUOTE_BAD_REQUEST', `${missing.join(' and ')}: required ({"plan": …, "usage": …})`);
  try {
    return JSON.stringify(quote(plan as PricingPlan, usage as Usage));
  } catch (e) {
    if (e instanceof PricingError) return failure(e.code, e.message);
    return failure('QUOTE_INTERNAL', e instanceof Error ? e.message : String(e));
  }
}

async function main(): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  for await (const text of rl) {
    const out = text.trim() === '' ? failure('QUOTE_BAD_REQUEST', 'empty line') : quoteLine(text);
    if (!process.stdout.write(`${out}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) await main();
