import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, parseConfig } from './app-config.js';

describe('parseConfig', () => {
  it('gives the embedded defaults on an empty environment', () => {
    const config = parseConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'embedded', dataDir: './.data', sharedBuffersMb: 32 });
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

  it('reads the onboarding calendar: holidays and the weekend days worked, as sorted calendar days; none by default', () => {
    expect(parseConfig({}).onboarding).toEqual({ holidays: [], workingWeekends: [] });
    const config = parseConfig({ ONBOARDING_HOLIDAYS: '2026-10-02, 2026-10-01,2026-10-02', ONBOARDING_WORKING_WEEKENDS: '2026-09-27' });
    expect(config.onboarding).toEqual({ holidays: ['2026-10-01', '2026-10-02'], workingWeekends: ['2026-09-27'] });
    expect(() => parseConfig({ ONBOARDING_HOLIDAYS: '2026-02-30' })).toThrow(/ONBOARDING_HOLIDAYS: 2026-02-30 is not a calendar date/);
    expect(() => parseConfig({ ONBOARDING_HOLIDAYS: '1.10' })).toThrow(/ONBOARDING_HOLIDAYS/);
    expect(() => parseConfig({ ONBOARDING_WORKING_WEEKENDS: '2026-09-28' })).toThrow(/ONBOARDING_WORKING_WEEKENDS: 2026-09-28 is not a Saturday or a Sunday/);
    expect(() => parseConfig({ ONBOARDING_HOLIDAYS: '2026-09-27', ONBOARDING_WORKING_WEEKENDS: '2026-09-27' })).toThrow(/also in ONBOARDING_HOLIDAYS/);
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

  it('parses TRUST_PROXY as Fastify takes it, false by default, with a clear error on a bad value', () => {
    expect(parseConfig({}).trustProxy).toBe(false);
    expect(parseConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(parseConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(parseConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(parseConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,::1,fd00::/8,loopback' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.7', '::1', 'fd00::/8', 'loopback']);
    expect(() => parseConfig({ TRUST_PROXY: '10.0.0.0/33,proxy.internal' })).toThrow(
      /TRUST_PROXY: must be true, false, a hop count, or comma-separated proxy addresses or CIDRs .*; not an address or CIDR: 10\.0\.0\.0\/33, proxy\.internal/,
    );
    expect(() => parseConfig({ TRUST_PROXY: ' , ' })).toThrow(/TRUST_PROXY: must be/);
  });

  it('configures the sign-in limiter, keeping the old variable names working', () => {
    expect(parseConfig({}).login).toEqual({ freeFailures: 5, backoffBaseSeconds: 1, backoffMaxSeconds: 900, addressMaxFailures: 100, addressWindowSeconds: 900 });
    expect(parseConfig({ LOGIN_MAX_FAILURES: '3', LOGIN_WINDOW_SECONDS: '600' }).login).toMatchObject({ freeFailures: 3, backoffMaxSeconds: 600 });
    expect(parseConfig({ LOGIN_FREE_FAILURES: '4', LOGIN_MAX_FAILURES: '3', LOGIN_BACKOFF_MAX_SECONDS: '60' }).login).toMatchObject({ freeFailures: 4, backoffMaxSeconds: 60 });
    expect(() => parseConfig({ LOGIN_BACKOFF_BASE_SECONDS: '120', LOGIN_BACKOFF_MAX_SECONDS: '60' })).toThrow(/LOGIN_BACKOFF_BASE_SECONDS: must not exceed LOGIN_BACKOFF_MAX_SECONDS \(60\)/);
  });

  it('reads WeChat’s complaint list every 15 minutes by default, at least every minute', () => {
    expect(parseConfig({}).complaints).toEqual({ replyHours: 24, completeHours: 72, catchUpIntervalSeconds: 900 });
    expect(parseConfig({ COMPLAINTS_CATCH_UP_SECONDS: '300' }).complaints).toMatchObject({ catchUpIntervalSeconds: 300 });
    expect(() => parseConfig({ COMPLAINTS_CATCH_UP_SECONDS: '10' })).toThrow(/COMPLAINTS_CATCH_UP_SECONDS/);
  });

  it('gives complaints 24 hours for a reply and 72 to complete by default, each from the environment, with errors naming the variable', () => {
    expect(parseConfig({ COMPLAINT_REPLY_HOURS: '12', COMPLAINT_COMPLETE_HOURS: '48' }).complaints).toMatchObject({ replyHours: 12, completeHours: 48 });
    expect(parseConfig({ COMPLAINT_REPLY_HOURS: '72' }).complaints).toMatchObject({ replyHours: 72, completeHours: 72 });
    expect(() => parseConfig({ COMPLAINT_REPLY_HOURS: 'a day' })).toThrow(/COMPLAINT_REPLY_HOURS: must be a whole number of hours/);
    expect(() => parseConfig({ COMPLAINT_REPLY_HOURS: '1.5' })).toThrow(/COMPLAINT_REPLY_HOURS: must be a whole number of hours/);
    expect(() => parseConfig({ COMPLAINT_REPLY_HOURS: '0' })).toThrow(/COMPLAINT_REPLY_HOURS: must be at least 1 hour/);
    expect(() => parseConfig({ COMPLAINT_COMPLETE_HOURS: '-3' })).toThrow(/COMPLAINT_COMPLETE_HOURS: must be at least 1 hour/);
    expect(() => parseConfig({ COMPLAINT_COMPLETE_HOURS: '1000' })).toThrow(/COMPLAINT_COMPLETE_HOURS: must be at most 720 hours/);
    expect(() => parseConfig({ COMPLAINT_REPLY_HOURS: '48', COMPLAINT_COMPLETE_HOURS: '24' })).toThrow(/COMPLAINT_COMPLETE_HOURS: must not be less than COMPLAINT_REPLY_HOURS \(48\)/);
  });

  it('brands the reference user pages from USER_PAGES_*, each optional and checked', () => {
    expect(parseConfig({}).userPages).toEqual({});
    expect(parseConfig({ USER_PAGES_BRAND_NAME: '小林冰柜', USER_PAGES_BRAND_COLOR: '#1a73e8', USER_PAGES_OTHER_PAYMENT_URL: 'https://pay.example.com/other' }).userPages).toEqual({
      brandName: '小林冰柜',
      brandColor: '#1a73e8',
      otherPaymentUrl: 'https://pay.example.com/other',
    });
    expect(() => parseConfig({ USER_PAGES_BRAND_COLOR: 'red;}body{display:none' })).toThrow(/USER_PAGES_BRAND_COLOR/);
    expect(() => parseConfig({ USER_PAGES_OTHER_PAYMENT_URL: 'javascript:alert(1)' })).toThrow(/USER_PAGES_OTHER_PAYMENT_URL/);
    expect(parseConfig({ USER_PAGES_SERVICE_PHONE: '400-820-8820' }).userPages).toEqual({ servicePhone: '400-820-8820' });
    expect(() => parseConfig({ USER_PAGES_SERVICE_PHONE: '<b>call</b>' })).toThrow(/USER_PAGES_SERVICE_PHONE/);
  });

  it('keeps telemetry 90 days by default (0: forever) and runs the retention jobs hourly', () => {
    expect(parseConfig({}).retention).toEqual({ telemetryDays: 90, webhookDays: 30, notificationDays: 180, intervalSeconds: 3600 });
    expect(parseConfig({ TELEMETRY_RETENTION_DAYS: '0', WEBHOOK_RETENTION_DAYS: '0', PAYSCORE_NOTIFICATION_RETENTION_DAYS: '0', RETENTION_INTERVAL_SECONDS: '600' }).retention).toEqual({
      telemetryDays: 0,
      webhookDays: 0,
      notificationDays: 0,
      intervalSeconds: 600,
    });
    expect(parseConfig({ PAYSCORE_NOTIFICATION_RETENTION_DAYS: '400' }).retention).toMatchObject({ notificationDays: 400 });
    expect(() => parseConfig({ PAYSCORE_NOTIFICATION_RETENTION_DAYS: '1.5' })).toThrow(/PAYSCORE_NOTIFICATION_RETENTION_DAYS/);
    expect(parseConfig({ WEBHOOK_RETENTION_DAYS: '7' }).retention).toMatchObject({ webhookDays: 7 });
    expect(() => parseConfig({ WEBHOOK_RETENTION_DAYS: '-1' })).toThrow(/WEBHOOK_RETENTION_DAYS/);
    expect(() => parseConfig({ WEBHOOK_RETENTION_DAYS: 'thirty' })).toThrow(/WEBHOOK_RETENTION_DAYS/);
    expect(() => parseConfig({ TELEMETRY_RETENTION_DAYS: '-1' })).toThrow(/TELEMETRY_RETENTION_DAYS/);
    expect(() => parseConfig({ TELEMETRY_RETENTION_DAYS: '1.5' })).toThrow(/TELEMETRY_RETENTION_DAYS/);
    expect(() => parseConfig({ TELEMETRY_RETENTION_DAYS: 'ninety' })).toThrow(/TELEMETRY_RETENTION_DAYS/);
    expect(() => parseConfig({ RETENTION_INTERVAL_SECONDS: '5' })).toThrow(/RETENTION_INTERVAL_SECONDS/);
  });
});
