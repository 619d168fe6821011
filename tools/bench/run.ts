// `npm run bench`: every benchmark in one run, printed as markdown and written to BENCHMARKS.md, with issue 15's table
// (today's figures beside this run's) on top.
// `npm run bench -- <section> [<section> …]` runs only those sections (names below, e.g. `npm run bench -- reads` or
// `npm run bench -- loop`): printed, and each replaces its own section of BENCHMARKS.md (the rest of the file is kept).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { measureApiBench } from './api.bench.js';
import { runConsoleBench } from './console.bench.js';
import { runFleetBench } from './fleet.bench.js';
import { runLoopBench } from './loop.bench.js';
import { runOverviewBench } from './overview.bench.js';
import { type RsaCeiling, runPayscoreBench } from './payscore.bench.js';
import { runPricingBench } from './pricing.bench.js';
import { runScaleBench } from './scale.bench.js';
import { runSessionsBench } from './sessions.bench.js';
import { runStatementsCloseBench } from './statements-close.bench.js';
import { issueTable, type IssueFigures } from './issue-table.js';

interface Shared {
  ceiling?: RsaCeiling;
  figures: IssueFigures;
}

/** The sections in the order of a full run: name (as given on the command line), aliases, what it runs. */
const SECTIONS: readonly { name: string; aliases: readonly string[]; run: (shared: Shared) => Promise<string> }[] = [
  {
    name: 'reads',
    aliases: ['api'],
    run: async (shared) => {
      const result = await measureApiBench();
      shared.figures.plainRps = result.plainRps;
      shared.figures.reads = result.server ? { rps: result.server.get.rps, apiCpuMs: result.server.apiCpuMs } : undefined;
      shared.figures.idleRssMiB = result.embedded?.rssMiB;
      shared.figures.idleRestartRssMiB = result.embedded?.restartRssMiB;
      return result.markdown;
    },
  },
  {
    name: 'heartbeats',
    aliases: ['fleet'],
    run: async (shared) => {
      const markdown = await runFleetBench();
      shared.figures.heartbeatsMarkdown = markdown;
      return markdown;
    },
  },
  { name: 'pricing', aliases: [], run: () => runPricingBench() },
  { name: 'overview', aliases: [], run: () => runOverviewBench() },
  { name: 'console', aliases: [], run: () => runConsoleBench() },
  { name: 'sessions', aliases: ['session-list'], run: () => runSessionsBench() },
  { name: 'statements', aliases: ['statement-close'], run: () => runStatementsCloseBench() },
  {
    name: 'payscore',
    aliases: [],
    run: async (shared) => {
      const payscore = await runPayscoreBench();
      shared.ceiling = payscore.ceiling;
      return payscore.markdown;
    },
  },
  {
    // the core loop's figures sit beside the RSA ceiling measured just above when both run
    name: 'loop',
    aliases: ['lifecycles'],
    run: async (shared) => {
      const markdown = await runLoopBench(shared.ceiling);
      shared.figures.loopMarkdown = markdown;
      return markdown;
    },
  },
  // one and two API processes on the server, and the sizing of 100k / 1M / 10M devices from the measured CPU and table growth
  { name: 'scale', aliases: ['growth', 'processes'], run: () => runScaleBench() },
];

const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((a) => !SECTIONS.some((s) => s.name === a || s.aliases.includes(a)));
if (unknown.length) {
  process.stderr.write(`unknown section${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}; the sections are ${SECTIONS.map((s) => s.name).join(', ')}\n`);
  process.exit(2);
}
const chosen = asked.length ? SECTIONS.filter((s) => asked.includes(s.name) || s.aliases.some((a) => asked.includes(a))) : SECTIONS;

const shared: Shared = { figures: {} };
const sections: string[] = [];
const timings: string[] = [];
const began = performance.now();
for (const section of chosen) {
  process.stderr.write(`running the ${section.name} benchmark…\n`);
  const start = performance.now();
  sections.push(await section.run(shared));
  timings.push(`${section.name} ${((performance.now() - start) / 1000).toFixed(0)} s`);
}
const totalS = (performance.now() - began) / 1000;
const header = [
  '# Benchmarks',
  '',
  `Measured ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}.`,
  'Figures move with whatever else the machine is doing; compare the rows of one run with each other.',
  '',
].join('\n');
const table = issueTable(shared.figures);
const timing = `Sections run (${timings.join(', ')}): ${(totalS / 60).toFixed(1)} min in all.`;
process.stderr.write(`${timing}\n`);

const file = new URL('../../BENCHMARKS.md', import.meta.url);
if (!asked.length) {
  // written by hand, not by a bench: the "Before and after: …" sections (measurements of a change) are kept
  const kept = existsSync(file) ? readFileSync(file, 'utf8').split(/\n(?=## )/).filter((s) => s.startsWith('## Before and after:')) : [];
  const report = `${header}\n${table}\n\n${timing}\n\n${[...sections, ...kept.map((s) => s.trimEnd())].join('\n\n')}\n`;
  writeFileSync(file, report);
  process.stdout.write(report);
} else {
  // one section: printed with the issue's table, and put in place of its own heading's section in BENCHMARKS.md
  process.stdout.write(`${table}\n\n${timing}\n\n${sections.join('\n\n')}\n`);
  let text = existsSync(file) ? readFileSync(file, 'utf8') : header;
  for (const section of sections) text = replaceSection(text, section);
  writeFileSync(file, text);
}

/** Replaces the `## ` section of `text` whose heading is the first line of `section` (appended when there is none). */
function replaceSection(text: string, section: string): string {
  const heading = section.split('\n')[0]!;
  const at = text.indexOf(`\n${heading}\n`);
  if (at < 0) return `${text.trimEnd()}\n\n${section}\n`;
  const next = text.indexOf('\n## ', at + heading.length + 1);
  return `${text.slice(0, at + 1)}${section}\n${next < 0 ? '' : text.slice(next)}`;
}
