/**
 * A device's status, computed in SQL at read time from the devices row `alias`:
 * - OFFLINE: its secret is revoked, it was never heard from, or not within 3 heartbeat intervals (the same
 *   threshold as the offline sweep, zizhu_fleet_sweep; computing it here keeps a list right between sweeps);
 * - FAULTED: heard from within 3 intervals, but its latest heartbeat carries a `fault` (any value but null,
 *   false, 0, "", [] or {}): the device is reachable and says it cannot serve;
 * - ONLINE: otherwise.
 * One expression for the device list, the device detail, the site counts and any overview.
 */
export function deviceStatusSql(alias: string): string {
  const d = alias;
  const heard = `(${d}.revoked_at IS NULL AND ${d}.last_seen_at >= now() - make_interval(secs => 3 * ${d}.heartbeat_interval_seconds))`;
  const fault = `coalesce(${d}.telemetry -> 'fault', 'null'::jsonb)`;
  const faulted = `(${fault} NOT IN ('null'::jsonb, 'false'::jsonb, '0'::jsonb, '""'::jsonb, '[]'::jsonb, '{}'::jsonb))`;
  return `(CASE WHEN NOT ${heard} OR ${d}.last_seen_at IS NULL THEN 'OFFLINE' WHEN ${faulted} THEN 'FAULTED' ELSE 'ONLINE' END)`;
}
