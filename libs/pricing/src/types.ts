import type { Fen } from '@zizhu/kernel';

/** How the rental charge is split into days before the daily cap is applied. */
export type DayBoundary = 'rolling-24h' | 'calendar';
/** `grace`: a session longer than the free period is billed from its start; `deduct`: only the time past it is billed. */
export type FreeMode = 'grace' | 'deduct';

export interface RentalRule {
  readonly unitFen: number;
  readonly unitMinutes: number;
  readonly freeMinutes?: number;
  readonly freeMode?: FreeMode;
  readonly dailyCapFen?: number;
  readonly dayBoundary?: DayBoundary;
}

/** A time-of-use band, wall-clock `HH:MM` in the plan's timezone; `to` may be `24:00`; `from > to` wraps over midnight. */
export interface EnergyBand {
  readonly from: string;
  readonly to: string;
  readonly energyFenPerKwh: number;
  readonly serviceFenPerKwh: number;
}

export interface EnergyRule {
  readonly bands: readonly EnergyBand[];
}

export interface VolumeRule {
  readonly fenPerLitre: number;
  readonly stepMillilitres: number;
}

export interface CatalogItem {
  readonly sku: string;
  readonly name: string;
  readonly priceFen: number;
}

export interface ItemsRule {
  readonly catalog: readonly CatalogItem[];
}

/** The pricing plan of contracts.md §3. Every part is optional but at least one charge part is required. */
export interface PricingPlan {
  readonly timezone?: string;
  readonly rental?: RentalRule;
  readonly energy?: EnergyRule;
  readonly volume?: VolumeRule;
  readonly items?: ItemsRule;
  readonly minimumFen?: number;
  readonly totalCapFen?: number;
}

export interface EnergyReading {
  readonly from: string;
  readonly to: string;
  readonly wattHours: number;
}

export interface ItemUsage {
  readonly sku: string;
  readonly count: number;
}

/** The usage of contracts.md §3. Times are ISO-8601 with an explicit offset (`Z` or `+08:00`). */
export interface Usage {
  readonly startedAt?: string;
  readonly endedAt?: string;
  readonly energy?: readonly EnergyReading[];
  readonly volumeMillilitres?: number;
  readonly items?: readonly ItemUsage[];
}

/**
 * `rental`: time charge (one line, or one per day when a daily cap applies); `energy`/`service`: electricity and
 * service fee per time-of-use band; `volume`: water; `item`: one per SKU; `minimum`: the raise to `minimumFen`;
 * `cap`: the (negative) cut to `totalCapFen`. The amounts of all lines always add up to `totalFen`.
 */
export type QuoteLineKind = 'rental' | 'energy' | 'service' | 'volume' | 'item' | 'minimum' | 'cap';

export interface QuoteLine {
  readonly kind: QuoteLineKind;
  readonly label: string;
  readonly amountFen: Fen;
  readonly detail: string;
}

export type CapKind = 'daily' | 'total';

export interface Quote {
  readonly totalFen: Fen;
  readonly lines: readonly QuoteLine[];
  readonly capped: CapKind | null;
  readonly explanation: string;
}

/** The Pay Score service scenarios used across zizhu. */
export type PayscoreScenario = 'VENDING' | 'POWERBANK_RENTAL' | 'EV_CHARGING' | 'WATER';

export type Locale = 'zh-CN' | 'en';
