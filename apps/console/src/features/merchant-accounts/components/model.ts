import type { Schemas } from '@zizhu/api-client';

export type MerchantAccount = Schemas['MerchantAccountDetailDto'];
export type PayscoreService = Schemas['PayscoreServiceDto'];
export const SCENARIOS = ['POWERBANK_RENTAL', 'EV_CHARGING', 'VENDING', 'WATER'] as const satisfies readonly PayscoreService['scenario'][];
export const MODES = ['DEPOSIT_WAIVED', 'USE_FIRST'] as const satisfies readonly PayscoreService['mode'][];
