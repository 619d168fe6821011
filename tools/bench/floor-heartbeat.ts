// The floor of a signed heartbeat: plain Fastify doing only what contracts.md §4 asks of the request itself — the four
// headers checked, the timestamp window, HMAC-SHA256 over the exact body bytes against the device's secret, the nonce
// refused when seen (in memory), the JSON parsed — and answering the server time. No request id, context, logging,
// metrics, database or coalescing: what any implementation must pay on this machine, beside which the API's heartbeat
// is measured (fleet.bench.ts). The devices' secrets come from a JSON file ({deviceId: secret}) named on the command line.
//   node --import ./tools/register.mjs tools/bench/floor-heartbeat.ts <secrets.json>
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { NONCE_PATTERN, SIGNATURE_WINDOW_SECONDS, signatureMatches } from '@zizhu/device-sdk';

const secrets = new Map(Object.entries(JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Record<string, string>));
const seen = new Map<string, number>();
const app = Fastify({ logger: false });
app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 4096 }, (_request, body, done) => done(null, body));
const refuse = (status: number, code: string) => ({ status, code });

app.post('/device/v1/heartbeat', async (request, reply) => {
  const h = request.headers;
  const deviceId = h['x-device-id'];
  const timestamp = h['x-timestamp'];
  const nonce = h['x-nonce'];
  const signature = h['x-signature'];
  if (typeof deviceId !== 'string' || typeof timestamp !== 'string' || typeof nonce !== 'string' || typeof signature !== 'string') return reply.code(401).send(refuse(401, 'DEVICE_AUTH_MISSING'));
  const sentAt = Number(timestamp);
  const now = Date.now();
  if (!NONCE_PATTERN.test(nonce) || !/^[0-9a-f]{64}$/i.test(signature) || Math.abs(now / 1000 - sentAt) > SIGNATURE_WINDOW_SECONDS) {
    return reply.code(401).send(refuse(401, 'DEVICE_AUTH_MALFORMED'));
  }
  const secret = secrets.get(deviceId);
  const raw = request.body as Buffer;
  if (!secret || !signatureMatches(secret, { method: 'POST', pathWithQuery: request.url, timestamp: sentAt, nonce, body: raw }, signature)) {
    return reply.code(401).send(refuse(401, 'DEVICE_AUTH_BAD_SIGNATURE'));
  }
  const key = `${deviceId}\n${nonce}`;
  if ((seen.get(key) ?? 0) > now) return reply.code(401).send(refuse(401, 'DEVICE_AUTH_NONCE_REPLAYED'));
  seen.set(key, now + (SIGNATURE_WINDOW_SECONDS + 60) * 1000);
  if (seen.size > 500_000) for (const [k, until] of seen) if (until <= now) seen.delete(k);
  const body = JSON.parse(raw.toString('utf8')) as unknown;
  if (!body || typeof body !== 'object') return reply.code(400).send(refuse(400, 'DEVICE_BODY_INVALID'));
  return { serverTime: new Date(now).toISOString(), heartbeatIntervalSeconds: 60 };
});

await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening ${(app.server.address() as { port: number }).port}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
