// Where a V8 CPU profile's time went (`node --cpu-prof`, e.g. BENCH_CPU_PROF=<dir> npm run bench -- reads):
// self time by package and by function, from the first sample of a request handler on (start-up left out).
//   node tools/bench/profile-summary.ts <file.cpuprofile> [functions=30]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function summarise(profile: Profile, functions = 30, from = /platform\/auth\/access\.guard/): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  let started = false;
  const self = new Map<string, number>();
  const packages = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]!)!;
    const frame = node.callFrame;
    if (!started && from.test(frame.url)) started = true;
    if (!started) continue;
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const pkg = /node_modules\/(@[^/]+\/[^/]+|[^/]+)/.exec(frame.url)?.[1] ?? (frame.url.includes('/apps/') ? 'zizhu (apps/)' : frame.url ? `node ${frame.url.split('/').pop()}` : frame.functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + dt);
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/.*node_modules\//, '').replace(/^.*\/(apps|libs|tools)\//, '$1/')}:${frame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, t]) => `${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  return `${(total / 1e6).toFixed(1)} s sampled\n\nby package:\n${top(packages, 20)}\n\nby function (self):\n${top(self, functions)}`;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) {
  const [file, n] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [functions]');
  process.stdout.write(`${summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(n ?? 30))}\n`);
}
