// Issue 15's table ("path | today | vs plain Fastify | aim") with this run's figures beside the issue's "today".
// The reads section hands over its figures; the heartbeat and lifecycle figures are read from those sections'
// markdown (their rows are named in the table's own words), so those benches stay as they are.

export interface IssueFigures {
  /** plain Fastify hello-world req/s of the reads section */
  plainRps?: number;
  /** authenticated RLS-scoped GET /v1/organizations as the franchise brand admin, on the PostgreSQL server */
  reads?: { rps: number; apiCpuMs: number };
  /** the embedded API's RSS 2 s after ready (reads section) */
  idleRssMiB?: number;
  /** the same API started again on its data directory */
  idleRestartRssMiB?: number | null;
  heartbeatsMarkdown?: string;
  loopMarkdown?: string;
}

const cells = (line: string) => line.split('|').slice(1, -1).map((c) => c.trim().replace(/\*\*/g, ''));
const num = (cell: string | undefined) => (cell === undefined ? NaN : Number(cell.replace(/[,\s]/g, '').replace(/ms$/, '')));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function row(markdown: string | undefined, first: string): string[] | undefined {
  const line = markdown?.split('\n').find((l) => l.startsWith('|') && cells(l)[0] === first);
  return line ? cells(line) : undefined;
}

function heartbeats(markdown: string | undefined): [string, string] {
  const plain = row(markdown, 'plain Fastify hello-world (GET)');
  // the fleet bench names the route's handler in the row ("signed heartbeats (direct Fastify handler), …")
  const saturated = row(markdown, 'signed heartbeats (direct Fastify handler), PostgreSQL server, saturated') ?? row(markdown, 'signed heartbeats, PostgreSQL server, saturated');
  if (!saturated) return ['not run', ''];
  return [`${saturated[1]} req/s, p99 ${saturated[4]} ms`, plain ? `${((100 * num(saturated[1])) / num(plain[1])).toFixed(1)}%` : ''];
}

/** The floor row of the heartbeats section (plain Fastify with the signature rule alone), as a sentence; '' when not run. */
function heartbeatFloor(markdown: string | undefined): string {
  const plain = row(markdown, 'plain Fastify hello-world (GET)');
  const floor = markdown?.split('\n').find((l) => l.startsWith('| floor: '));
  if (!plain || !floor) return '';
  const c = cells(floor);
  return (
    `The floor of a signed heartbeat in the same run — plain Fastify doing only what the signature rule asks (headers, window, HMAC, nonce in memory, JSON), no database, ` +
    `request context, logging or metrics: ${c[1]} req/s, ${((100 * num(c[1])) / num(plain[1])).toFixed(1)}% of plain Fastify, ${c[6]} µs API CPU per heartbeat.`
  );
}

function lifecycles(markdown: string | undefined): string {
  const header = markdown?.split('\n').find((l) => l.startsWith('| figure |'));
  if (!header) return 'not run';
  const columns = cells(header);
  const server = columns.map((c, i) => (c.startsWith('PostgreSQL server') ? i : -1)).filter((i) => i >= 0).pop();
  const embedded = columns.map((c, i) => (c.startsWith('embedded') ? i : -1)).filter((i) => i >= 0).pop();
  const rate = row(markdown, 'complete lifecycles per second');
  const cpu = row(markdown, 'API CPU per lifecycle');
  const tx = row(markdown, 'database transactions / rows written per lifecycle (pg_stat_database)');
  const parts: string[] = [];
  if (server !== undefined && rate && cpu) {
    parts.push(`server (${columns[server]}): ${rate[server]}/s; ${cpu[server]} API CPU and ${tx?.[server]?.split('/')[0]?.trim() ?? '–'} transactions per lifecycle`);
  }
  if (embedded !== undefined && cpu) parts.push(`embedded: ${cpu[embedded]} API CPU`);
  return parts.join('; ') || 'not run';
}

export function issueTable(f: IssueFigures): string {
  const readsShare = f.reads && f.plainRps ? `${((100 * f.reads.rps) / f.plainRps).toFixed(1)}%` : '';
  return [
    '## Issue 15: where the platform stands',
    '',
    '"Today" is the issue\'s figure (measured on main before the issue\'s work, PostgreSQL server, 50 connections, 8 s); "this run" is this run\'s, "not run" where its section was not run.',
    '',
    '| path | today | vs plain Fastify | aim | this run | vs plain Fastify (this run) |',
    '|---|---|---|---|---|---|',
    `| authenticated, RLS-scoped \`GET /v1/organizations\` (franchise brand admin) | 1,392 req/s | 2.7% | ≥ 10% | ${f.reads ? `${fmt(f.reads.rps)} req/s, ${f.reads.apiCpuMs.toFixed(2)} ms API CPU per request` : 'not run'} | ${readsShare} |`,
    `| signed device heartbeats from the demo devices | 4,975 req/s, p99 22 ms | 12.6% | ≥ 30%, p99 < 50 ms | ${heartbeats(f.heartbeatsMarkdown).join(' | ')} |`,
    `| complete session lifecycles (16 users) | 21.9/s; 27.7 ms API CPU and 39–51 transactions per lifecycle (embedded: 85 ms) | 17× below one core's RSA ceiling | ≤ 8 ms API CPU and ≤ 15 transactions per lifecycle on the server; ≤ 30 ms on the embedded database | ${lifecycles(f.loopMarkdown)} | |`,
    `| embedded API idle RSS | 943 MiB | | ≤ 400 MiB | ${f.idleRssMiB === undefined ? 'not run' : `${f.idleRssMiB} MiB on its first start${f.idleRestartRssMiB == null ? '' : `, ${f.idleRestartRssMiB} MiB on every later one`} (compiled, as \`npm start\` runs it)`} | |`,
    ...(heartbeatFloor(f.heartbeatsMarkdown) ? ['', heartbeatFloor(f.heartbeatsMarkdown)] : []),
  ].join('\n');
}
