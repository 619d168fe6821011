import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce.number({ message: 'must be a number' }).int('must be an integer').min(0).max(65535);

/** Every environment variable the API reads, parsed once at boot. */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    // loopback: `npm start` seeds logins with a published password; containers set HOST=0.0.0.0 (docker/)
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: port.default(3000),
    DATA_DIR: z.string().min(1).default('./.data'),
    EMBEDDED_SHARED_BUFFERS_MB: z.coerce.number({ message: 'must be a whole number of MB (16 to 4096)' }).int('must be a whole number of MB (16 to 4096)').min(16).max(4096).default(32),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    DATABASE_MIGRATION_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    PAYSCORE_SIM_PORT: port.default(4010),
    SEED_DEMO: booleanFlag.default(true),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    LOGIN_FREE_FAILURES: z.coerce.number().int().min(1).max(1000).optional(),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).optional(), // the old name of LOGIN_FREE_FAILURES
    LOGIN_BACKOFF_BASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(1),
    LOGIN_BACKOFF_MAX_SECONDS: z.coerce.number().int().min(1).max(86_400).optional(),
    LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).optional(), // the old name of LOGIN_BACKOFF_MAX_SECONDS
    LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).max(1_000_000).default(100),
    LOGIN_ADDRESS_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
    TRUST_PROXY: z.string().transform(parseTrustProxy).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MASTER_KEY: z
      .string()
      .regex(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9_-]{43}=?)$/, 'must be 32 bytes as 64 hex digits or base64url')
      .optional(),
    FLEET_HEARTBEAT_FLUSH_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
    FLEET_SWEEP_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
    FLEET_TELEMETRY_SAMPLE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
    MASTER_KEY_PREVIOUS: z
      .string()
      .regex(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9_-]{43}=?)$/, 'must be 32 bytes as 64 hex digits or base64url')
      .optional(),
    PUBLIC_BASE_URL: z.url({ message: 'must be an absolute URL' }).optional(),
    PAYSCORE_API_BASE_URL: z.url({ message: 'must be an absolute URL' }).optional(),
    WECHAT_API_BASE_URL: z.url({ message: 'must be an absolute URL' }).optional(),
    SESSION_CONFIRM_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
    SESSION_START_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    RECONCILE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    RECONCILE_AFTER_SECONDS: z.coerce.number().int().min(1).max(86_400).default(120),
    JOBS_POLLING_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
    RECONCILIATION_DAILY_AT: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'RECONCILIATION_DAILY_AT must be HH:MM').default('10:00'),
    CONSOLE_DIR: z.string().min(1).optional(),
    ALERTS_EVALUATE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    COMPLAINTS_CATCH_UP_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
    COMPLAINT_REPLY_HOURS: z.coerce
      .number({ message: 'must be a whole number of hours (the reply deadline after a complaint)' })
      .int('must be a whole number of hours (the reply deadline after a complaint)')
      .min(1, 'must be at least 1 hour')
      .max(720, 'must be at most 720 hours (30 days)')
      .default(24),
    COMPLAINT_COMPLETE_HOURS: z.coerce
      .number({ message: 'must be a whole number of hours (the completion deadline after a complaint)' })
      .int('must be a whole number of hours (the completion deadline after a complaint)')
      .min(1, 'must be at least 1 hour')
      .max(720, 'must be at most 720 hours (30 days)')
      .default(72),
    USER_PAGES_BRAND_NAME: z.string().max(40).optional(),
    USER_PAGES_BRAND_COLOR: z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, { message: 'must be #rgb or #rrggbb' }).optional(),
    USER_PAGES_OTHER_PAYMENT_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
    USER_PAGES_SERVICE_PHONE: z.string().regex(/^[0-9]+(?:-[0-9]+)*$/, { message: 'must be digits and dashes (e.g. 400-820-8820)' }).min(3).max(20).optional(),
    TELEMETRY_RETENTION_DAYS: z.coerce.number({ message: 'must be a whole number of days (0 keeps telemetry forever)' }).int('must be a whole number of days (0 keeps telemetry forever)').min(0).max(36_500).default(90),
    WEBHOOK_RETENTION_DAYS: z.coerce.number({ message: 'must be a whole number of days (0 keeps webhook deliveries forever)' }).int('must be a whole number of days (0 keeps webhook deliveries forever)').min(0).max(36_500).default(30),
    PAYSCORE_NOTIFICATION_RETENTION_DAYS: z.coerce
      .number({ message: 'must be a whole number of days (0 keeps the Pay Score callbacks forever)' })
      .int('must be a whole number of days (0 keeps the Pay Score callbacks forever)')
      .min(0)
      .max(36_500)
      .default(180),
    RETENTION_INTERVAL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
    // the onboarding tracker's working days (modules/onboarding/README.md): public holidays and the weekend days worked
    // in exchange (调休), as the State Council publishes them each year — comma-separated YYYY-MM-DD, none by default
    ONBOARDING_HOLIDAYS: z.string().transform(calendarDays).optional(),
    ONBOARDING_WORKING_WEEKENDS: z.string().transform(calendarDays).optional(),
    // SSRF guard for alert webhooks: private/loopback targets are refused in production unless this says otherwise
    ALERT_WEBHOOK_ALLOW_PRIVATE: booleanFlag.optional(),
    // Prometheus (platform/observability/README.md): GET /metrics on the API's port needs this bearer token (unset: 404)
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    // …and/or a separate internal listener serving only GET /metrics (unset: none)
    METRICS_PORT: port.optional(),
    METRICS_HOST: z.string().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.JWT_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: 'is required when DATABASE_URL is set (every API process must sign tokens with the same secret)',
      });
    }
    if (env.DATABASE_URL && !env.MASTER_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['MASTER_KEY'],
        message: 'is required when DATABASE_URL is set (every API process must decrypt device secrets with the same key)',
      });
    }
    // launch checklist (payscore-protocol.md appendix, item 21): outside the simulator, callbacks need a public HTTPS URL
    const wechat = env.PAYSCORE_API_BASE_URL ?? `http://127.0.0.1:${env.PAYSCORE_SIM_PORT}`;
    if (!isLoopbackUrl(wechat)) {
      if (!wechat.startsWith('https://')) ctx.addIssue({ code: 'custom', path: ['PAYSCORE_API_BASE_URL'], message: 'must be https:// outside the local simulator' });
      const pub = env.PUBLIC_BASE_URL;
      if (!pub) ctx.addIssue({ code: 'custom', path: ['PUBLIC_BASE_URL'], message: 'is required outside the local simulator (WeChat sends callbacks there)' });
      else if (!pub.startsWith('https://')) ctx.addIssue({ code: 'custom', path: ['PUBLIC_BASE_URL'], message: 'must be https:// outside the local simulator (WeChat only calls HTTPS notify URLs)' });
      else if (isInternalUrl(pub)) ctx.addIssue({ code: 'custom', path: ['PUBLIC_BASE_URL'], message: 'must be a public host, not a loopback or private address' });
    }
    if (env.PUBLIC_BASE_URL && /[?#]/.test(env.PUBLIC_BASE_URL)) {
      ctx.addIssue({ code: 'custom', path: ['PUBLIC_BASE_URL'], message: 'must not carry a query or fragment (WeChat refuses notify URLs with parameters)' });
    }
    const backoffMax = env.LOGIN_BACKOFF_MAX_SECONDS ?? env.LOGIN_WINDOW_SECONDS ?? 900;
    if (env.LOGIN_BACKOFF_BASE_SECONDS > backoffMax) {
      ctx.addIssue({ code: 'custom', path: ['LOGIN_BACKOFF_BASE_SECONDS'], message: `must not exceed LOGIN_BACKOFF_MAX_SECONDS (${backoffMax})` });
    }
    if (env.COMPLAINT_COMPLETE_HOURS < env.COMPLAINT_REPLY_HOURS) {
      ctx.addIssue({ code: 'custom', path: ['COMPLAINT_COMPLETE_HOURS'], message: `must not be less than COMPLAINT_REPLY_HOURS (${env.COMPLAINT_REPLY_HOURS}): a complaint is replied to before it is completed` });
    }
    for (const day of env.ONBOARDING_WORKING_WEEKENDS ?? []) {
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6) ctx.addIssue({ code: 'custom', path: ['ONBOARDING_WORKING_WEEKENDS'], message: `${day} is not a Saturday or a Sunday (list only the weekend days worked in exchange, 调休)` });
      if (env.ONBOARDING_HOLIDAYS?.includes(day)) ctx.addIssue({ code: 'custom', path: ['ONBOARDING_WORKING_WEEKENDS'], message: `${day} is also in ONBOARDING_HOLIDAYS: a day is either off or worked` });
    }
    if (env.MASTER_KEY_PREVIOUS && !env.MASTER_KEY) {
      ctx.addIssue({ code: 'custom', path: ['MASTER_KEY_PREVIOUS'], message: 'only makes sense beside MASTER_KEY (the key being rotated to)' });
    }
  });

/** A comma- (or blank-) separated list of calendar days `YYYY-MM-DD`, sorted and without repeats; an impossible date is refused. */
function calendarDays(value: string, ctx: z.RefinementCtx): readonly string[] {
  const days = value.split(/[\s,]+/).filter(Boolean);
  for (const day of days) {
    const time = Date.parse(`${day}T00:00:00Z`);
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day;
    if (!valid) ctx.addIssue({ code: 'custom', message: `${day} is not a calendar date YYYY-MM-DD` });
  }
  return [...new Set(days)].sort();
}

/** proxy-addr's names for address ranges, accepted by Fastify's trustProxy beside addresses and CIDRs. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(item: string): boolean {
  if (PROXY_RANGE_NAMES.has(item)) return true;
  const [address = '', prefix, ...rest] = item.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY, as Fastify's `trustProxy` takes it: `false` (default: the client is the TCP peer, and
 * X-Forwarded-For is ignored), `true` (trust every hop: only when nothing but the proxy can reach the
 * API), a hop count, or the proxies' addresses / CIDRs / range names, comma-separated.
 */
function parseTrustProxy(value: string, ctx: z.RefinementCtx): TrustProxy {
  const v = value.trim().toLowerCase();
  if (v === 'false' || v === 'no' || v === '0') return false;
  if (v === 'true' || v === 'yes') return true;
  if (/^\d+$/.test(v)) return Number(v);
  const items = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
  const bad = items.filter((item) => !isAddressOrCidr(item));
  if (items.length === 0 || bad.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `must be true, false, a hop count, or comma-separated proxy addresses or CIDRs (loopback, linklocal and uniquelocal also work)${bad.length ? `; not an address or CIDR: ${bad.join(', ')}` : ''}`,
    });
    return z.NEVER;
  }
  return items;
}

/** Fastify's trustProxy: whom to believe about the client address (X-Forwarded-For). */
export type TrustProxy = boolean | number | readonly string[];

/** True for http(s) URLs on localhost / 127.0.0.0/8 / ::1: the local simulator, never WeChat. */
export function isLoopbackUrl(url: string): boolean {
  const host = hostOf(url);
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function isInternalUrl(url: string): boolean {
  const host = hostOf(url);
  return isLoopbackUrl(url) || /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.|0\.)/.test(host) || host.endsWith('.local') || host.endsWith('.internal') || !host.includes('.');
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return '';
  }
}

export type DatabaseConfig =
  | {
      readonly kind: 'embedded';
      readonly dataDir: string | null;
      /** EMBEDDED_SHARED_BUFFERS_MB (default 32; absent where no configuration was parsed: PGlite's own default) */
      readonly sharedBuffersMb?: number;
      /**
       * In memory only (dataDir null): a file holding PGlite's dump of a data directory (`dumpDataDir`) that the
       * database starts from instead of a new cluster; migrations then run as on any start. Not read from the
       * environment: the API tests start every app from one migrated copy made per run (apps/api/test/support).
       */
      readonly initialDataDir?: string;
    }
  | { readonly kind: 'server'; readonly url: string; readonly migrationUrl: string; readonly poolSize: number };

export interface AppConfig {
  readonly env: 'development' | 'test' | 'production';
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  readonly payscoreSimPort: number;
  readonly seedDemo: boolean;
  /** null: the embedded setup generates one and keeps it under DATA_DIR. */
  readonly jwtSecret: string | null;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlDays: number;
  readonly login: LoginLimits;
  /** Whom to believe about the client address (X-Forwarded-For): the login limiter keys on it. */
  readonly trustProxy: TrustProxy;
  readonly logLevel: string;
  /** 32-byte key encrypting device secrets at rest; null: the embedded setup generates one and keeps it under DATA_DIR. */
  readonly masterKey: string | null;
  readonly fleet: FleetConfig;
  /** The key MASTER_KEY replaced, while merchant credentials wrapped under it are re-wrapped (envelope rotation). */
  readonly masterKeyPrevious: string | null;
  readonly payscore: PayscoreConfig;
  readonly sessions: SessionsConfig;
  readonly jobs: { readonly pollingIntervalSeconds: number };
  /** Reconciliation and complaints (issue 13); each field defaults (modules/reconciliation, modules/complaints). */
  readonly reconciliation?: ReconciliationConfig;
  /**
   * Complaint deadlines from the complaint's time (default 24 h to reply, 72 h to complete: COMPLAINT_REPLY_HOURS,
   * COMPLAINT_COMPLETE_HOURS); how often WeChat's complaint
   * list is read to catch a lost callback (default 900 s, COMPLAINTS_CATCH_UP_SECONDS).
   */
  readonly complaints?: { readonly replyHours?: number; readonly completeHours?: number; readonly catchUpIntervalSeconds?: number };
  /** The reference user pages at `/d/<code>` (modules/user-pages/README.md); each field defaults. */
  readonly userPages?: UserPagesConfig;
  /** The built merchant console (index.html + assets/), served at `/`; without an index.html there, `/` is the landing page. */
  readonly consoleDir: string;
  readonly alerts: AlertsConfig;
  /** Prometheus metrics (platform/observability/README.md); absent: no /metrics anywhere. */
  readonly metrics?: MetricsConfig;
  /** Deleting what has expired (modules/retention); each field defaults. */
  readonly retention?: RetentionConfig;
  /** The onboarding tracker (modules/onboarding); absent: no public holidays known, weekends only. */
  readonly onboarding?: OnboardingConfig;
}

export interface OnboardingConfig {
  /**
   * The non-working days beside weekends and the weekend days that are worked (调休), `YYYY-MM-DD`, from
   * ONBOARDING_HOLIDAYS and ONBOARDING_WORKING_WEEKENDS: what the 7–10 working days of the service ID and the
   * Tuesday/Thursday acceptance review are counted with. The platform ships no holiday table of its own.
   */
  readonly holidays: readonly string[];
  readonly workingWeekends: readonly string[];
}

export interface MetricsConfig {
  /** METRICS_TOKEN: `GET /metrics` on the API's port answers with `Authorization: Bearer <token>`; null: that route answers 404. */
  readonly token: string | null;
  /** METRICS_PORT: a separate listener serving only `GET /metrics` (the token too, when one is set); null: none. */
  readonly port: number | null;
  /** METRICS_HOST: where that listener binds (default HOST). */
  readonly host: string;
}

export interface RetentionConfig {
  /** TELEMETRY_RETENTION_DAYS: telemetry samples older than this many days are deleted (default 90; 0 keeps them forever). */
  readonly telemetryDays?: number;
  /**
   * WEBHOOK_RETENTION_DAYS: business-event webhook deliveries finished (delivered or failed) more than this many days ago
   * are deleted with their attempts, then their events (default 30; 0 keeps them forever).
   */
  readonly webhookDays?: number;
  /**
   * PAYSCORE_NOTIFICATION_RETENTION_DAYS: verified Pay Score callbacks (the archive, `payscore_notifications`) applied
   * more than this many days ago are deleted (default 180; 0 keeps them forever). One never applied is never deleted.
   */
  readonly notificationDays?: number;
  /** RETENTION_INTERVAL_SECONDS: how often the retention jobs run, once across all processes (default 3600). */
  readonly intervalSeconds?: number;
}

export interface UserPagesConfig {
  /** USER_PAGES_BRAND_NAME: the title bar (default: the name of the organisation that owns the device). */
  readonly brandName?: string;
  /** USER_PAGES_BRAND_COLOR: the accent colour, #rgb or #rrggbb (default WeChat green #07C160). */
  readonly brandColor?: string;
  /** USER_PAGES_OTHER_PAYMENT_URL: where a user goes to pay another way after a failed Pay Score assessment (default: none, a clear stop). */
  readonly otherPaymentUrl?: string;
  /** USER_PAGES_SERVICE_PHONE: the customer-service phone (客服电话) in the pages' footer (default: none). */
  readonly servicePhone?: string;
}

export interface AlertsConfig {
  /** How often the alert rules are evaluated (once per interval across all API processes). */
  readonly evaluateIntervalSeconds: number;
  /**
   * Whether alert webhooks may point at loopback, private or link-local addresses. Off in production
   * (server-side request forgery) unless ALERT_WEBHOOK_ALLOW_PRIVATE=true; on in development and tests.
   */
  readonly webhookAllowPrivate: boolean;
}

export interface ReconciliationConfig {
  /** Beijing `HH:MM` after which yesterday's bills are reconciled (RECONCILIATION_DAILY_AT, default 10:00). */
  readonly dailyAt?: string;
  /** Minutes between tries of a BILL_NOT_READY day (default 30). */
  readonly retryMinutes?: number;
}

/**
 * The sign-in limiter (modules/identity/login-limiter.ts). Failures are counted per (login, client address):
 * the first `freeFailures` cost nothing, each one after that makes the pair wait twice as long as the last
 * (`backoffBaseSeconds`, doubled, at most `backoffMaxSeconds`); a success clears the pair. Separately, an
 * address with `addressMaxFailures` failures (any logins) in `addressWindowSeconds` may only sign in to logins
 * that succeeded from it before, until the window ends.
 */
export interface LoginLimits {
  readonly freeFailures: number;
  readonly backoffBaseSeconds: number;
  readonly backoffMaxSeconds: number;
  readonly addressMaxFailures: number;
  readonly addressWindowSeconds: number;
}

export interface PayscoreConfig {
  /** WeChat Pay APIv3 base URL (default: the local simulator on PAYSCORE_SIM_PORT). */
  readonly apiBaseUrl: string;
  /** WeChat's mini-program API (jscode2session); default: the local simulator. */
  readonly wechatApiBaseUrl: string;
  /** Where WeChat reaches this API: notify URLs are `${publicBaseUrl}/v1/payscore/notify/<account>`. */
  readonly publicBaseUrl: string;
  /** True when the API base URL is the loopback simulator (http notify URLs allowed). */
  readonly simulated: boolean;
}

export interface SessionsConfig {
  /** A session whose user has not confirmed the Pay Score order after this long is cancelled. */
  readonly confirmTimeoutSeconds: number;
  /** A device that has not acknowledged the start command after this long: the session is cancelled. */
  readonly startTimeoutSeconds: number;
  /** How often the reconciler runs (once across all processes). */
  readonly reconcileIntervalSeconds: number;
  /** A session unchanged for this long in a non-terminal state is checked against WeChat. */
  readonly reconcileAfterSeconds: number;
}

export interface FleetConfig {
  /** How often coalesced heartbeats are written (one statement per flush, whatever the number of devices). */
  readonly heartbeatFlushMs: number;
  /** How often offline devices and expired commands are swept. */
  readonly sweepMs: number;
  /** At most one telemetry history row per device per this many seconds (0: every flushed heartbeat). */
  readonly telemetrySampleSeconds: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment into a frozen AppConfig, listing every invalid variable in one error. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`));
  }
  const e = result.data;
  const apiBaseUrl = e.PAYSCORE_API_BASE_URL ?? `http://127.0.0.1:${e.PAYSCORE_SIM_PORT}`;
  const database: DatabaseConfig = e.DATABASE_URL
    ? { kind: 'server', url: e.DATABASE_URL, migrationUrl: e.DATABASE_MIGRATION_URL ?? e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
    : { kind: 'embedded', dataDir: e.DATA_DIR, sharedBuffersMb: e.EMBEDDED_SHARED_BUFFERS_MB };
  return deepFreeze({
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir: e.DATA_DIR,
    database,
    payscoreSimPort: e.PAYSCORE_SIM_PORT,
    seedDemo: e.SEED_DEMO,
    jwtSecret: e.JWT_SECRET ?? null,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    login: {
      freeFailures: e.LOGIN_FREE_FAILURES ?? e.LOGIN_MAX_FAILURES ?? 5,
      backoffBaseSeconds: e.LOGIN_BACKOFF_BASE_SECONDS,
      backoffMaxSeconds: e.LOGIN_BACKOFF_MAX_SECONDS ?? e.LOGIN_WINDOW_SECONDS ?? 900,
      addressMaxFailures: e.LOGIN_ADDRESS_MAX_FAILURES,
      addressWindowSeconds: e.LOGIN_ADDRESS_WINDOW_SECONDS,
    },
    trustProxy: e.TRUST_PROXY ?? false,
    logLevel: e.LOG_LEVEL,
    masterKey: e.MASTER_KEY ?? null,
    fleet: { heartbeatFlushMs: e.FLEET_HEARTBEAT_FLUSH_MS, sweepMs: e.FLEET_SWEEP_MS, telemetrySampleSeconds: e.FLEET_TELEMETRY_SAMPLE_SECONDS },
    masterKeyPrevious: e.MASTER_KEY_PREVIOUS ?? null,
    payscore: {
      apiBaseUrl: stripSlash(apiBaseUrl),
      wechatApiBaseUrl: stripSlash(e.WECHAT_API_BASE_URL ?? apiBaseUrl),
      publicBaseUrl: stripSlash(e.PUBLIC_BASE_URL ?? `http://127.0.0.1:${e.PORT}`),
      simulated: isLoopbackUrl(apiBaseUrl),
    },
    sessions: {
      confirmTimeoutSeconds: e.SESSION_CONFIRM_TIMEOUT_SECONDS,
      startTimeoutSeconds: e.SESSION_START_TIMEOUT_SECONDS,
      reconcileIntervalSeconds: e.RECONCILE_INTERVAL_SECONDS,
      reconcileAfterSeconds: e.RECONCILE_AFTER_SECONDS,
    },
    jobs: { pollingIntervalSeconds: e.JOBS_POLLING_SECONDS },
    reconciliation: { dailyAt: e.RECONCILIATION_DAILY_AT },
    complaints: { replyHours: e.COMPLAINT_REPLY_HOURS, completeHours: e.COMPLAINT_COMPLETE_HOURS, catchUpIntervalSeconds: e.COMPLAINTS_CATCH_UP_SECONDS },
    userPages: {
      ...(e.USER_PAGES_BRAND_NAME ? { brandName: e.USER_PAGES_BRAND_NAME.trim() } : {}),
      ...(e.USER_PAGES_BRAND_COLOR ? { brandColor: e.USER_PAGES_BRAND_COLOR } : {}),
      ...(e.USER_PAGES_OTHER_PAYMENT_URL ? { otherPaymentUrl: e.USER_PAGES_OTHER_PAYMENT_URL } : {}),
      ...(e.USER_PAGES_SERVICE_PHONE ? { servicePhone: e.USER_PAGES_SERVICE_PHONE } : {}),
    },
    onboarding: { holidays: e.ONBOARDING_HOLIDAYS ?? [], workingWeekends: e.ONBOARDING_WORKING_WEEKENDS ?? [] },
    retention: { telemetryDays: e.TELEMETRY_RETENTION_DAYS, webhookDays: e.WEBHOOK_RETENTION_DAYS, notificationDays: e.PAYSCORE_NOTIFICATION_RETENTION_DAYS, intervalSeconds: e.RETENTION_INTERVAL_SECONDS },
    consoleDir: resolve(e.CONSOLE_DIR ?? DEFAULT_CONSOLE_DIR),
    alerts: {
      evaluateIntervalSeconds: e.ALERTS_EVALUATE_SECONDS,
      webhookAllowPrivate: e.ALERT_WEBHOOK_ALLOW_PRIVATE ?? e.NODE_ENV !== 'production',
    },
    metrics: { token: e.METRICS_TOKEN ?? null, port: e.METRICS_PORT ?? null, host: e.METRICS_HOST ?? e.HOST },
  });
}

/** `<repo>/apps/console/dist`, where `nx run console:build` writes. */
const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../../../console/dist', import.meta.url));

const stripSlash = (url: string) => url.replace(/\/+$/, '');

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) if (child && typeof child === 'object') deepFreeze(child);
  return Object.freeze(value);
}

export const APP_CONFIG = Symbol('APP_CONFIG');
