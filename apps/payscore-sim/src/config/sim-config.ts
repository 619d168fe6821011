// The only place the simulator reads the environment.
export interface SimRuntimeConfig {
  readonly port: number;
  readonly host: string;
  /** PAYSCORE_SIM_LENIENT=true: the simulator's old leniency (see README "Strict like WeChat"). Default false. */
  readonly lenient: boolean;
}

export function loadSimConfig(env: NodeJS.ProcessEnv = process.env): SimRuntimeConfig {
  const rawPort = env['PAYSCORE_SIM_PORT'];
  const port = rawPort === undefined || rawPort === '' ? 4010 : Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PAYSCORE_SIM_PORT must be an integer port, got "${rawPort}"`);
  }
  const host = env['PAYSCORE_SIM_HOST'] || '127.0.0.1';
  const rawLenient = (env['PAYSCORE_SIM_LENIENT'] ?? '').trim().toLowerCase();
  if (!['', 'true', 'false', '1', '0'].includes(rawLenient)) {
    throw new Error(`PAYSCORE_SIM_LENIENT must be true or false, got "${env['PAYSCORE_SIM_LENIENT']}"`);
  }
  return Object.freeze({ port, host, lenient: rawLenient === 'true' || rawLenient === '1' });
}
