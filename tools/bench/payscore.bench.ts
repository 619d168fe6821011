// Full Pay Score lifecycles per second through our client and the simulator over loopback, beside the
// raw RSA-2048 ceiling of node:crypto measured in the same run.
//   node --import ./tools/register.mjs tools/bench/payscore.bench.ts
import { type ChildProcess, spawn } from 'node:child_process';
import { createSign, createVerify, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import { generateRsaKeyPair, PayScoreClient, platformKeyLookup, verifyAndDecryptNotification } from '@zizhu/payscore';

const root = new URL('../../', import.meta.url).pathname;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 100);
const DEBIT_DELAY_MS = 50;

/**
 * RSA signatures per lifecycle (create → user confirms → complete → debit → paid):
 * client signs 2 requests (create, complete); the simulator signs 2 answers and 2 callbacks
 * (USER_CONFIRM, USER_PAID) = 6 signs; verifies: simulator 2 requests, client 2 answers + 2 callbacks = 6.
 */
export const SIGNS_PER_LIFECYCLE = 6;
export const VERIFIES_PER_LIFECYCLE = 6;

/** The RSA figures of one run, for the lifecycle bench to put beside its own. */
export interface RsaCeiling {
  readonly signPerSec: number;
  readonly verifyPerSec: number;
  /** Lifecycles per second one core could carry if the 6 signs + 6 verifies were all it did. */
  readonly lifecyclesPerSecPerCore: number;
}

export interface PayscoreBench {
  readonly markdown: string;
  readonly ceiling: RsaCeiling;
  /** Lifecycles per second through the bare client and the simulator (no API, no database). */
  readonly clientLifecyclesPerSec: number;
}

/** yyyyMMddHHmmss in Beijing time, as Pay Score wants it. */
function beijingNow(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** node:crypto RSA-2048 SHA256 signs and verifies per second on one core (1 s each). */
export function rsaCeiling(): RsaCeiling {
  const { privateKey, publicKey } = generateRsaKeyPair();
  const message = `POST\n/v3/payscore/serviceorder\n1764300000\n${randomBytes(16).toString('hex')}\n${'x'.repeat(400)}\n`;
  const signature = createSign('RSA-SHA256').update(message).sign(privateKey);
  const time = (fn: () => void) => {
    let n = 0;
    const end = performance.now() + 1000;
    while (performance.now() < end) {
      fn();
      n++;
    }
    return n;
  };
  const signPerSec = time(() => createSign('RSA-SHA256').update(message).sign(privateKey));
  const verifyPerSec = time(() => createVerify('RSA-SHA256').update(message).verify(publicKey, signature));
  return { signPerSec, verifyPerSec, lifecyclesPerSecPerCore: 1 / (SIGNS_PER_LIFECYCLE / signPerSec + VERIFIES_PER_LIFECYCLE / verifyPerSec) };
}

function startSimulator(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', './tools/register.mjs', 'apps/payscore-sim/src/main.ts'], {
    cwd: root,
    env: { ...process.env, PAYSCORE_SIM_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.on('exit', (code) => reject(new Error(`simulator exited ${code}: ${out}`)));
  });
}

export async function runPayscoreBench(): Promise<PayscoreBench> {
  const ceiling = rsaCeiling();
  const sim = await startSimulator();
  const waiting = new Map<string, () => void>();
  let receiver: Server | undefined;
  try {
    const merchant = generateRsaKeyPair();
    const mchid = '1900000109';
    const apiV3Key = randomBytes(16).toString('hex'); // 32 characters
    const register = await fetch(`${sim.url}/sim/merchants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        mchid,
        serialNo: 'BENCH0000000000000000000000000000000001',
        publicKeyPem: merchant.publicKeyPem,
        apiV3Key,
        apiV2Key: randomBytes(16).toString('hex'),
        appids: ['wxbench000000001'],
        services: [{ serviceId: '2002000000000558128851361561536', scenario: 'VENDING', mode: 'USE_FIRST', riskCapFen: 100_000 }],
      }),
    });
    const { platformPublicKeyPem, platformPublicKeyId } = (await register.json()) as { platformPublicKeyPem: string; platformPublicKeyId: string };
    const platformKeys = platformKeyLookup({ [platformPublicKeyId]: platformPublicKeyPem });
    // debit 50 ms after completion instead of the default 2 s, so the figure measures work, not waiting
    await fetch(`${sim.url}/sim/settings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ debitDelayMs: DEBIT_DELAY_MS }) });

    // the merchant's callback endpoint: verify + decrypt every notification, settle the waiting lifecycle
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          const event = verifyAndDecryptNotification({ headers: req.headers, rawBody: Buffer.concat(chunks) }, { platformKeys, apiV3Key, now: Date.now });
          if (event.eventType === 'PAYSCORE.USER_PAID') waiting.get(event.order.out_order_no)?.();
          res.writeHead(204).end();
        } catch {
          res.writeHead(400).end();
        }
      });
    });
    await new Promise<void>((r) => receiver!.listen(0, '127.0.0.1', r));
    const address = receiver.address();
    const notifyUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/notify`;
    const client = new PayScoreClient({
      mchid,
      merchantSerialNo: 'BENCH0000000000000000000000000000000001',
      merchantPrivateKey: merchant.privateKey,
      platformKeys,
      appid: 'wxbench000000001',
      serviceId: '2002000000000558128851361561536',
      notifyUrl,
      baseUrl: sim.url,
    });

    let completed = 0;
    let failed = 0;
    const latencies: number[] = [];
    const lifecycle = async (n: number) => {
      const began = performance.now();
      const outOrderNo = `bench${n}_${randomBytes(6).toString('hex')}`;
      const paid = new Promise<void>((resolve) => waiting.set(outOrderNo, resolve));
      await client.createOrder({
        out_order_no: outOrderNo,
        service_introduction: '智能售货柜',
        risk_fund: { name: 'ESTIMATE_ORDER_COST', amount: 1000 },
        time_range: { start_time: 'OnAccept' },
      });
      await fetch(`${sim.url}/sim/orders/${outOrderNo}/confirm`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: 'o_bench', outcome: 'confirm' }) });
      await client.completeOrder(outOrderNo, { post_payments: [{ name: '商品信息', amount: 350, description: '可乐', count: 1 }], total_amount: 350, time_range: { end_time: beijingNow() } }, { current: 'USER_CONFIRMED' });
      await paid;
      waiting.delete(outOrderNo);
      latencies.push(performance.now() - began);
    };

    const began = performance.now();
    const deadline = began + SECONDS * 1000;
    let next = 0;
    const worker = async () => {
      while (performance.now() < deadline) {
        try {
          await lifecycle(next++);
          completed++;
        } catch (error) {
          failed++;
          if (failed === 1) process.stderr.write(`first failed lifecycle: ${String(error)}\n`);
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    const elapsed = (performance.now() - began) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0);
    const perSec = completed / elapsed;
    const ceilingPerLifecycle = ceiling.lifecyclesPerSecPerCore;
    const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
    const markdown = [
      '## Pay Score: lifecycles through client and simulator',
      '',
      `create → user confirms (\`/sim/orders/{no}/confirm\`) → complete → the simulator debits (\`debitDelayMs\` set to ${DEBIT_DELAY_MS} ms through \`/sim/settings\`) → \`PAYSCORE.USER_PAID\` callback received, verified and decrypted. ${IN_FLIGHT} lifecycles in flight for ${SECONDS} s; client, simulator and callback receiver on one 2-core machine.`,
      '',
      '| what | figure |',
      '|---|---:|',
      `| full lifecycles per second | ${perSec.toFixed(1)} (${completed} done, ${failed} failed) |`,
      `| lifecycle latency p50 / p99 | ${pct(50)} ms / ${pct(99)} ms (includes the ${DEBIT_DELAY_MS} ms debit delay) |`,
      `| node:crypto RSA-2048 SHA256 sign / verify, one core | ${fmt(ceiling.signPerSec)} / ${fmt(ceiling.verifyPerSec)} per s |`,
      `| RSA work per lifecycle | ${SIGNS_PER_LIFECYCLE} signs + ${VERIFIES_PER_LIFECYCLE} verifies (client: 2 signs, 4 verifies; simulator: 4 signs, 2 verifies) |`,
      `| ceiling from RSA alone, one core | ${fmt(ceilingPerLifecycle)} lifecycles/s |`,
    ].join('\n');
    return { markdown, ceiling, clientLifecyclesPerSec: perSec };
  } finally {
    receiver?.close();
    sim.child.removeAllListeners('exit');
    sim.child.kill('SIGTERM');
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) process.stdout.write(`${(await runPayscoreBench()).markdown}\n`);
