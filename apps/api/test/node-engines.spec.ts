// Issue 10 item 24: `npm ci` on this machine's Node 20 must not print warnings a newcomer has to wonder
// about. What the lock installs must declare our Node, except pg-boss, whose one warning README explains
// and which the jobs specs (jobs.int-spec.ts, jobs-module.int-spec.ts) run here, on this Node, through
// everything we use of it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from '@jest/globals';
import { FileTypeValidator } from '@nestjs/common';

const root = new URL('../../../', import.meta.url);
const require = createRequire(new URL('package.json', root));
const semver = require('semver') as { satisfies(version: string, range: string, options?: { includePrerelease?: boolean }): boolean };

interface LockedPackage {
  version?: string;
  engines?: { node?: string };
  os?: string[];
  cpu?: string[];
  libc?: string[];
}

/** The installed packages whose declared Node range excludes the running Node: what `npm ci` warns EBADENGINE about. */
function outsideTheirEngines(): string[] {
  const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as { packages: Record<string, LockedPackage> };
  return Object.entries(lock.packages)
    .filter(([path, p]) => path !== '' && p.engines?.node !== undefined)
    .filter(([, p]) => (!p.os || p.os.includes(process.platform)) && (!p.cpu || p.cpu.includes(process.arch))) // (others are not installed here)
    .filter(([, p]) => !semver.satisfies(process.versions.node, p.engines!.node!, { includePrerelease: true }))
    .map(([path, p]) => `${path.replace(/^.*node_modules\//, '')}@${p.version} (node ${p.engines!.node})`);
}

describe('the locked dependencies on the running Node', () => {
  it('npm ci warns EBADENGINE for pg-boss alone (nestjs-pino and pino-http were unused and are gone; file-type is pinned to 21, which declares Node 20)', () => {
    const declared = (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(semver.satisfies(process.versions.node, declared)).toBe(true);
    const outside = outsideTheirEngines();
    if (Number(process.versions.node.split('.')[0]) >= 22) expect(outside).toEqual([]);
    else expect(outside).toEqual(['pg-boss@12.38.0 (node >=22.12.0)']); // explained in README ("Run it")
  });

  it('file-type 21 (the override) still does what @nestjs/common loads it for: FileTypeValidator’s magic-number check', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const validator = new FileTypeValidator({ fileType: 'image/png' });
    expect(await validator.isValid({ mimetype: 'image/png', size: png.length, buffer: png } as never)).toBe(true);
    expect(await validator.isValid({ mimetype: 'image/png', size: 4, buffer: Buffer.from('%PDF') } as never)).toBe(false);
  });
});
