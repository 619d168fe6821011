// `npm run bench`: every benchmark in one run, printed as markdown and written to BENCHMARKS.md.
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { runApiBench } from './api.bench.js';
import { runConsoleBench } from './console.bench.js';
import { runFleetBench } from './fleet.bench.js';
import { runLoopBench } from './loop.bench.js';
import { runOverviewBench } from './overview.bench.js';
import { runPayscoreBench } from './payscore.bench.js';
import { runPricingBench } from './pricing.bench.js';
import { runSessionsBench } from './sessions.bench.js';
import { runStatementsCloseBench } from './statements-close.bench.js';

const sections: string[] = [];
const header = [
  '# Benchmarks',
  '',
  `Measured ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}.`,
  'Figures move with whatever else the machine is doing; compare the rows of one run with each other.',
  '',
].join('\n');

for (const [name, bench] of [
  ['API', runApiBench],
  ['fleet', runFleetBench],
  ['pricing', runPricingBench],
  ['overview', runOverviewBench],
  ['console', runConsoleBench],
  ['session list', runSessionsBench],
  ['statement close', runStatementsCloseBench],
] as const) {
  process.stderr.write(`running the ${name} benchmark…\n`);
  sections.push(await bench());
}
process.stderr.write('running the Pay Score benchmark…\n');
const payscore = await runPayscoreBench();
sections.push(payscore.markdown);
// the core loop's figures sit beside the RSA ceiling measured just above, in the same run
process.stderr.write('running the core-loop benchmark…\n');
sections.push(await runLoopBench(payscore.ceiling));
const report = `${header}\n${sections.join('\n\n')}\n`;
writeFileSync(new URL('../../BENCHMARKS.md', import.meta.url), report);
process.stdout.write(report);
