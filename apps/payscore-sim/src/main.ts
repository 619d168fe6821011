// `npm run payscore-sim`: starts the simulator alone (and, as a child process, inside `npm start`).
import { loadSimConfig } from './config/sim-config.js';
import { createSimulator, type Simulator } from './server.js';

const config = loadSimConfig();
let sim: Simulator;
try {
  sim = await createSimulator({ port: config.port, host: config.host, lenient: config.lenient, logger: { level: 'warn' } });
} catch (error) {
  console.error(`payscore-sim: cannot listen on ${config.host}:${config.port}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
console.log(
  `payscore-sim listening on ${sim.url} (platform key ${sim.platformPublicKeyId}; phone page ${sim.url}/sim/phone${config.lenient ? '; LENIENT: WeChat rules relaxed' : ''})`,
);

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  console.log(`payscore-sim: ${signal} received, shutting down`);
  sim.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('payscore-sim: error while shutting down', error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
