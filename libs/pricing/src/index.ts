export type {
  CapKind,
  CatalogItem,
  DayBoundary,
  EnergyBand,
  EnergyReading,
  EnergyRule,
  FreeMode,
  ItemUsage,
  ItemsRule,
  Locale,
  PayscoreScenario,
  PricingPlan,
  Quote,
  QuoteLine,
  QuoteLineKind,
  RentalRule,
  Usage,
  VolumeRule,
} from './types.js';
export { PricingError, type PricingErrorCode, type Problem } from './errors.js';
export { CompiledPlan, compilePlan, DEFAULT_TIMEZONE, validatePlan, validateUsage } from './plan.js';
export { describePlan } from './describe.js';
export { estimate, quote, tryQuote } from './quote.js';
export { PAYSCORE_LIMITS, payscoreCreateLines, payscoreLines, riskFundFor, type PayscoreLineOptions, type PayscoreLines, type PostDiscount, type PostPayment, type RiskFund } from './payscore.js';
