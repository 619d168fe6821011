import { Inject, Injectable } from '@nestjs/common';
import { isIPv4, isIPv6 } from 'node:net';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';

/** A sign-in attempt let through: counted as a failure until `succeeded()` says otherwise. */
export interface AdmittedAttempt {
  readonly admitted: true;
  /** The address window the attempt was counted in (its start as text: microseconds, which a Date would lose), to take it back on success. */
  readonly addressWindow: string;
}

export interface RefusedAttempt {
  readonly admitted: false;
  readonly retryAfterSeconds: number;
}

/**
 * The address the limiter counts under: an IPv4 address as it is (an IPv4-mapped IPv6 address as its IPv4),
 * an IPv6 address as its /64 — one subscriber's network, whose 2^64 addresses would otherwise each get a fresh
 * budget and never reach the per-address ceiling.
 */
export function limiterAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  const bare = address.replace(/%.*$/, ''); // a zone index (fe80::1%eth0) names an interface, not a host
  if (!isIPv6(bare)) return address;
  const [head = '', tail = ''] = bare.includes('::') ? bare.split('::') : [bare, ''];
  const split = (part: string) => (part === '' ? [] : part.split(':'));
  let left = split(head);
  let right = split(tail);
  // an embedded dotted IPv4 tail (::1.2.3.4) stands for two groups; only the first four groups matter here
  const last = right.at(-1) ?? left.at(-1);
  if (last?.includes('.')) {
    if (right.length > 0) right = [...right.slice(0, -1), '0', '0'];
    else left = [...left.slice(0, -1), '0', '0'];
  }
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/** A (login, address) pair that signed in within this many days passes its address's ceiling. */
const KNOWN_PAIR_DAYS = 30;
/** A pair's failures are forgotten after a day without one. */
const PAIR_MEMORY_SECONDS = 86_400;

/**
 * The sign-in limiter, kept in PostgreSQL so it holds across API processes (config: LoginLimits).
 *
 * - Per (login, client address): the first `freeFailures` failures are free; each further one makes the pair
 *   wait `backoffBaseSeconds · 2^(n − freeFailures)`, at most `backoffMaxSeconds`. An attacker's failures from
 *   one address never block the same login from another address, and a success clears the pair.
 * - Per address: `addressMaxFailures` failures (whatever the logins) within `addressWindowSeconds` close the
 *   address until its window ends, except to logins that signed in from it before (a campus NAT shared with
 *   an attacker keeps working for its known users).
 *
 * An attempt is counted as a failure when it is admitted, before the password is checked (under a lock per
 * pair), so parallel guesses count as they arrive; `succeeded()` takes it back. A refused attempt is not
 * counted: hammering a closed pair does not lengthen its wait.
 */
@Injectable()
export class LoginLimiter {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Runs in the sign-in's system transaction. */
  async admit(m: EntityManager, login: string, clientAddress: string): Promise<AdmittedAttempt | RefusedAttempt> {
    const limits = this.config.login;
    const address = limiterAddress(clientAddress);
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('zizhu:login:' || $1 || ' ' || $2))`, [login, address]);
    const [state] = (await m.query(
      `SELECT f.failures,
              f.last_failed_at < now() - make_interval(secs => $5) AS stale,
              ceil(extract(epoch FROM f.blocked_until - now()))::int AS pair_wait,
              coalesce(f.succeeded_at > now() - make_interval(days => $6), false) AS known,
              CASE WHEN a.failures >= $3 AND a.window_started_at + make_interval(secs => $4) > now()
                   THEN ceil(extract(epoch FROM a.window_started_at + make_interval(secs => $4) - now()))::int END AS address_wait
         FROM (SELECT 1) AS one
         LEFT JOIN login_failures f ON f.login = $1 AND f.address = $2
         LEFT JOIN login_address_failures a ON a.address = $2`,
      [login, address, limits.addressMaxFailures, limits.addressWindowSeconds, PAIR_MEMORY_SECONDS, KNOWN_PAIR_DAYS],
    )) as [{ failures: number | null; stale: boolean | null; pair_wait: number | null; known: boolean; address_wait: number | null }];

    const waits = [state.pair_wait, state.known ? null : state.address_wait].filter((w): w is number => w !== null && w > 0);
    if (waits.length > 0) return { admitted: false, retryAfterSeconds: Math.max(...waits) };

    const failures = state.failures !== null && !state.stale ? state.failures + 1 : 1;
    const over = failures - limits.freeFailures;
    const backoff = over >= 0 ? Math.min(limits.backoffBaseSeconds * 2 ** Math.min(over, 30), limits.backoffMaxSeconds) : null;
    await m.query(
      `INSERT INTO login_failures AS f (login, address, failures, last_failed_at, blocked_until, updated_at)
       VALUES ($1, $2, $3, now(), now() + make_interval(secs => $4), now())
       ON CONFLICT (login, address) DO UPDATE
         SET failures = EXCLUDED.failures, last_failed_at = EXCLUDED.last_failed_at,
             blocked_until = EXCLUDED.blocked_until, updated_at = EXCLUDED.updated_at`,
      [login, address, failures, backoff],
    );
    const [window] = (await m.query(
      `INSERT INTO login_address_failures AS a (address, window_started_at, failures) VALUES ($1, now(), 1)
       ON CONFLICT (address) DO UPDATE SET
         window_started_at = CASE WHEN a.window_started_at + make_interval(secs => $2) <= now() THEN now() ELSE a.window_started_at END,
         failures = CASE WHEN a.window_started_at + make_interval(secs => $2) <= now() THEN 1 ELSE a.failures + 1 END
       RETURNING window_started_at::text AS window_start`,
      [address, limits.addressWindowSeconds],
    )) as [{ window_start: string }];
    if (Math.random() < 0.01) await this.prune(m);
    return { admitted: true, addressWindow: window.window_start };
  }

  /** The password was right: clear the pair (remembering it as known) and take the attempt off its address. */
  async succeeded(m: EntityManager, login: string, clientAddress: string, attempt: AdmittedAttempt): Promise<void> {
    const address = limiterAddress(clientAddress);
    await m.query(
      `UPDATE login_failures SET failures = 0, last_failed_at = NULL, blocked_until = NULL, succeeded_at = now(), updated_at = now()
        WHERE login = $1 AND address = $2`,
      [login, address],
    );
    await m.query(`UPDATE login_address_failures SET failures = greatest(failures - 1, 0) WHERE address = $1 AND window_started_at = $2::timestamptz`, [
      address,
      attempt.addressWindow,
    ]);
  }

  /** Now and then (on about one failure in a hundred): forget pairs and addresses nobody has used for long. */
  private async prune(m: EntityManager): Promise<void> {
    await m.query(`DELETE FROM login_failures WHERE updated_at < now() - make_interval(days => $1)`, [KNOWN_PAIR_DAYS]);
    await m.query(`DELETE FROM login_address_failures WHERE window_started_at < now() - make_interval(secs => $1)`, [
      this.config.login.addressWindowSeconds + PAIR_MEMORY_SECONDS,
    ]);
  }
}
