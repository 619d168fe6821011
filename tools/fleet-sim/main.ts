// Fleet simulator: N devices of each type against a running API (heartbeats, long polls, acks, events,
// optional packet loss and clock drift). Reads DATA_DIR/demo-devices.json; registers more devices through
// the operator API when --per-type asks for more than the demo has.
//   node --import ./tools/register.mjs tools/fleet-sim/main.ts --per-type 5 --loss 0.05 --drift 90
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_LOGIN_BY_TYPE, api, login, provisionDevices, setRentalFreeMinutes } from './provision.js';
import { runFleet, SimStats, type DeviceType, type SimDevice } from './sim.js';

const TYPES: DeviceType[] = ['FRIDGE', 'POWERBANK_CABINET', 'EV_CHARGER', 'WATER_VALVE'];

const { values } = parseArgs({
  options: {
    api: { type: 'string', default: `http://127.0.0.1:${process.env.PORT ?? 3000}` },
    'devices-file': { type: 'string', default: join(process.env.DATA_DIR ?? './.data', 'demo-devices.json') },
    'per-type': { type: 'string', default: '0' },
    types: { type: 'string', default: TYPES.join(',') },
    'heartbeat-seconds': { type: 'string', default: '30' },
    'wait-seconds': { type: 'string', default: '25' },
    loss: { type: 'string', default: '0' },
    drift: { type: 'string', default: '0' },
    'fail-rate': { type: 'string', default: '0' },
    'duplicate-events': { type: 'string', default: '0' },
    reorder: { type: 'boolean', default: false },
    'session-ms': { type: 'string', default: '50-300' },
    duration: { type: 'string', default: '0' },
    'free-minutes': { type: 'string' },
    'return-elsewhere': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  process.stdout.write(`fleet-sim: simulated devices against a running zizhu API
  --api URL                 the API (default http://127.0.0.1:$PORT or :3000)
  --devices-file PATH       demo-devices.json (default $DATA_DIR/demo-devices.json)
  --per-type N              devices per type; registers more than the demo has through the operator API (0: the demo devices)
  --types LIST              which types (default all): ${TYPES.join(',')}
  --heartbeat-seconds S     heartbeat period (default 30)
  --wait-seconds S          long-poll wait (default 25, at most 30)
  --loss P                  probability a request or its answer is lost (0–1)
  --drift S                 each device's clock is off by up to ±S seconds (stay under 300)
  --fail-rate P             probability a command is acknowledged FAILED
  --duplicate-events P      probability an acknowledged event is sent again later (same eventId)
  --reorder                 events of different sessions may be sent out of order
  --session-ms MIN-MAX      how long a session runs before the device ends it (default 50-300; one number: exactly)
  --duration S              stop after S seconds (default: run until Ctrl-C)
  --free-minutes N          first give the simulated power-bank cabinets their plan with N free minutes, as
                            ops@powerbank.demo (a new plan version, kept): 0 = every rental is charged,
                            so a session shows a debit without a 5-minute wait; 5 = the demo plan again
  --return-elsewhere P      a network of power-bank cabinets: each cabinet holds named banks (<code>-B1…, all
                            slots but one), reports them in its heartbeats, names the bank it ejects, and a
                            rental is returned at another cabinet with probability P (0–1)
`);
  process.exit(0);
}

const baseUrl = values.api!.replace(/\/$/, '');
const types = values.types!.split(',').map((t) => t.trim()) as DeviceType[];
const perType = Number(values['per-type']);
const [sessionMin, sessionMax = sessionMin] = values['session-ms']!.split('-').map(Number) as [number, number?];

interface FileEntry { deviceId: string; code: string; secret: string; type: DeviceType; plan?: { items?: { catalog?: { sku: string }[] } } }
let fromFile: FileEntry[] = [];
try {
  fromFile = JSON.parse(readFileSync(values['devices-file']!, 'utf8')) as FileEntry[];
} catch (error) {
  if (perType === 0) throw new Error(`cannot read ${values['devices-file']}: ${(error as Error).message}`);
}

const devices: SimDevice[] = [];
for (const type of types) {
  const demo = fromFile.filter((e) => e.type === type).map((e) => ({ deviceId: e.deviceId, code: e.code, secret: e.secret, type, skus: e.plan?.items?.catalog?.map((c) => c.sku) ?? [] }));
  const wanted = perType > 0 ? perType : demo.length;
  devices.push(...demo.slice(0, wanted));
  const missing = wanted - Math.min(wanted, demo.length);
  if (missing > 0) {
    const token = await login(baseUrl, DEMO_LOGIN_BY_TYPE[type]);
    const template = demo[0] ? await api<{ siteId: string }>(baseUrl, token, 'GET', `/v1/devices/${demo[0].deviceId}`) : null;
    if (!template) throw new Error(`no demo ${type} in the devices file to take a site from`);
    const extra = await provisionDevices(baseUrl, token, type, template.siteId, missing);
    devices.push(...extra.map((d) => ({ ...d, skus: demo[0]?.skus ?? [] })));
    process.stderr.write(`registered ${missing} more ${type} devices\n`);
  }
}

if (values['free-minutes'] !== undefined) {
  const minutes = Number(values['free-minutes']);
  const changed = await setRentalFreeMinutes(baseUrl, devices, minutes);
  process.stderr.write(`power-bank plans with ${minutes} free minutes: ${changed.join(', ') || 'none (no power-bank cabinet with a rental plan simulated)'}\n`);
}

// a network of power-bank cabinets with named banks (issue 16): each slot but the last holds one
const returnElsewhere = values['return-elsewhere'] !== undefined ? Number(values['return-elsewhere']) : undefined;
const simulated =
  returnElsewhere === undefined ? devices : devices.map((d) => (d.type === 'POWERBANK_CABINET' ? { ...d, banks: Array.from({ length: 8 }, (_, i) => (i < 7 ? `${d.code}-B${i + 1}` : null)) } : d));

const stats = new SimStats();
const stop = new AbortController();
process.on('SIGINT', () => stop.abort());
process.on('SIGTERM', () => stop.abort());
const duration = Number(values.duration);
if (duration > 0) setTimeout(() => stop.abort(), duration * 1000).unref();
const ticker = setInterval(() => process.stderr.write(`${new Date().toISOString()} ${stats.line()}\n`), 5000);
process.stderr.write(`simulating ${devices.length} devices against ${baseUrl} (loss ${values.loss}, drift ±${values.drift} s)\n`);
await runFleet(
  simulated,
  {
    baseUrl,
    heartbeatSeconds: Number(values['heartbeat-seconds']),
    waitSeconds: Math.min(30, Number(values['wait-seconds'])),
    loss: Number(values.loss),
    driftSeconds: Number(values.drift),
    failRate: Number(values['fail-rate']),
    duplicateEvents: Number(values['duplicate-events']),
    reorderEvents: values.reorder!,
    sessionMs: [sessionMin, sessionMax],
    ...(returnElsewhere !== undefined ? { returnElsewhere } : {}),
  },
  stats,
  stop.signal,
);
clearInterval(ticker);
process.stdout.write(`${stats.line()}\n`);
