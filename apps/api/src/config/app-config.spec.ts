import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, parseConfig } from './app-config.js';

describe('parseConfig', () => {
  it('gives the embedded defaults on an empty environment', () => {
    const config = parseConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'embedded', dataDir: './.data' });
    expect(config.payscoreSimPort).toBe(4010);
    expect(config.seedDemo).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.database)).toBe(true);
  });

  it('listens on loopback by default (the demo logins have a published password); HOST opens it up', () => {
    expect(parseConfig({}).host).toBe('127.0.0.1');
    expect(parseConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('the container images listen on every interface (HOST=0.0.0.0 in docker/)', () => {
    const docker = new URL('../../../../docker/', import.meta.url).pathname;
    expect(readFileSync(`${docker}Dockerfile`, 'utf8')).toMatch(/^ENV .*\bHOST=0\.0\.0\.0\b/m);
    expect(readFileSync(`${docker}compose.yml`, 'utf8')).toMatch(/^\s+HOST: "0\.0\.0\.0"$/m);
  });

  it('switches to a server database when DATABASE_URL is set', () => {
    const config = parseConfig({ DATABASE_URL: 'postgres://app@db/zizhu', JWT_SECRET: 'x'.repeat(32), MASTER_KEY: 'ab'.repeat(32), SEED_DEMO: 'false' });
    expect(config.database).toEqual({ kind: 'server', url: 'postgres://app@db/zizhu', migrationUrl: 'postgres://app@db/zizhu', poolSize: 10 });
    expect(config.seedDemo).toBe(false);
  });

  it('lists every invalid variable in one error', () => {
    let caught: unknown;
    try {
      parseConfig({ PORT: 'eighty', SEED_DEMO: 'maybe', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT: /m);
    expect(problems).toMatch(/^SEED_DEMO: must be true or false/m);
    expect(problems).toMatch(/^DATABASE_URL: must be a postgres:\/\/ URL/m);
    expect(problems).toMatch(/^LOG_LEVEL: /m);
  });

  it('requires a shared JWT secret for server deployments', () => {
    expect(() => parseConfig({ DATABASE_URL: 'postgres://app@db/zizhu' })).toThrow(/JWT_SECRET: is required when DATABASE_URL is set/);
  });

  it('requires a shared master key (device secrets at rest) for server deployments', () => {
    expect(() => parseConfig({ DATABASE_URL: 'postgres://app@db/zizhu', JWT_SECRET: 'x'.repeat(32) })).toThrow(/MASTER_KEY: is required when DATABASE_URL is set/);
    expect(() => parseConfig({ MASTER_KEY: 'too-short' })).toThrow(/MASTER_KEY: must be 32 bytes/);
  });
});
