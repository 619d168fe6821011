// Wires the simulator's parts together; no HTTP here.
import { Scheduler, SimClock } from './platform/clock.js';
import { createPlatformKey, type PlatformKey } from './platform/wechatpay-crypto.js';
import { MerchantRegistry } from './merchants/merchant-registry.js';
import { DEFAULT_SWITCHES, Notifier, PAYSCORE_RETRY_SCHEDULE_MS } from './notifications/notifier.js';
import { OrderService } from './orders/order-service.js';
import { RefundService } from './refunds/refund-service.js';
import { TradeBillService } from './bills/trade-bill.js';
import { FaultInjector } from './control/faults.js';
import { FundsLedger } from './funds/funds-ledger.js';
import { ProfitSharingService, type ProfitSharingSettings } from './profit-sharing/profit-sharing-service.js';
import { TransferService, type TransferSettings } from './transfers/transfer-service.js';
import { ProfitSharingBillService } from './bills/profit-sharing-bill.js';
import { FundFlowBillService } from './bills/fund-flow-bill.js';
import { BillAlterations } from './bills/alterations.js';
import { FeeBook } from './funds/fees.js';
import { ComplaintService } from './complaints/complaint-service.js';

/** The fee rate of new payments (POST /sim/settings {"feeRateBasisPoints": 60} → 0.60%). */
export interface FeeSettings {
  feeRateBasisPoints: number;
}

export interface CoreOptions {
  /** Real-time source (ms); the business clock is this plus the /sim/clock offset. Default Date.now. */
  readonly now?: () => number;
  /** Business-clock delay between a completion (or /pay) and the debit attempt. Default 2000 ms. */
  readonly debitDelayMs?: number;
  /** Business-clock delay between failed debit attempts (insufficient funds). Default 10 min. */
  readonly debitRetryMs?: number;
  /** Business-clock delay before a refund becomes SUCCESS and REFUND.SUCCESS is sent. Default 1000 ms. */
  readonly refundDelayMs?: number;
  /** Waits between callback attempts. Default §7.4: 15s/15s/30s/180s/1800s×4/3600s. */
  readonly callbackRetryScheduleMs?: readonly number[];
  /** A callback not answered within this many real ms counts as failed. Default 5000 (WeChat's 5 s). */
  readonly callbackTimeoutMs?: number;
  /** Requests whose Authorization timestamp is further than this from real time get 401. Default 300. */
  readonly requestTimestampWindowSec?: number;
  /** PEM of the platform private key; generated per process when absent. */
  readonly platformPrivateKeyPem?: string;
  /** `PUB_KEY_ID_` + 32 digits; generated when absent. */
  readonly platformPublicKeyId?: string;
  /** Business-clock time a profit-sharing split / unfreeze stays PROCESSING. Default 2000 ms. */
  readonly profitSharingDelayMs?: number;
  /** Earliest split after payment (WeChat: 1 minute). Default 60 000 ms. */
  readonly profitSharingSettleMs?: number;
  /** Business-clock time a transfer stays TRANSFERING (and CANCELING). Default 2000 ms. */
  readonly transferDelayMs?: number;
  /** WeChat's fee rate in basis points (60 = 0.60%). Default 60. */
  readonly feeRateBasisPoints?: number;
  /** Randomness for fault rates. Default Math.random. */
  readonly random?: () => number;
  /**
   * Default false: as strict as WeChat (see OrderSettings.lenient). true: http notify URLs on any host, the
   * confirmation jump without appid / sign / fresh timestamp, any openid may confirm — for tests that need it.
   */
  readonly lenient?: boolean;
}

export class SimulatorCore {
  readonly clock: SimClock;
  readonly scheduler: Scheduler;
  readonly platformKey: PlatformKey;
  readonly merchants = new MerchantRegistry();
  readonly notifier: Notifier;
  readonly orders: OrderService;
  readonly refunds: RefundService;
  readonly bills: TradeBillService;
  readonly faults: FaultInjector;
  readonly funds: FundsLedger;
  readonly profitSharing: ProfitSharingService;
  readonly transfers: TransferService;
  readonly profitSharingBills: ProfitSharingBillService;
  readonly fundFlowBills: FundFlowBillService;
  readonly billAlterations = new BillAlterations();
  readonly fees = new FeeBook();
  readonly complaints: ComplaintService;
  /** Settings of profit sharing, transfers and fees (GET / POST /sim/settings, next to the order settings). */
  readonly fundSettings: ProfitSharingSettings & TransferSettings & FeeSettings;
  private readonly initialFundSettings: ProfitSharingSettings & TransferSettings & FeeSettings;
  readonly requestTimestampWindowSec: number;

  constructor(options: CoreOptions = {}, onError: (error: unknown) => void = () => undefined) {
    this.clock = new SimClock(options.now ?? Date.now);
    this.scheduler = new Scheduler(this.clock, onError);
    this.platformKey = createPlatformKey(options.platformPrivateKeyPem, options.platformPublicKeyId);
    this.requestTimestampWindowSec = options.requestTimestampWindowSec ?? 300;
    this.notifier = new Notifier({
      clock: this.clock,
      scheduler: this.scheduler,
      platformKey: this.platformKey,
      retryScheduleMs: options.callbackRetryScheduleMs ?? PAYSCORE_RETRY_SCHEDULE_MS,
      timeoutMs: options.callbackTimeoutMs ?? 5000,
    });
    const merchantOf = (mchid: string) => this.merchants.get(mchid);
    this.orders = new OrderService(
      {
        clock: this.clock,
        scheduler: this.scheduler,
        notifier: this.notifier,
        debitDelayMs: options.debitDelayMs ?? 2000,
        debitRetryMs: options.debitRetryMs ?? 10 * 60 * 1000,
        lenient: options.lenient ?? false,
      },
      merchantOf,
    );
    this.funds = new FundsLedger(this.clock, {
      paymentFee: (tx) => this.fees.paymentFee(tx)?.feeFen ?? 0,
      nextRefundFee: (tx, fen) => this.fees.nextRefundFee(tx, fen, this.refunds.all()),
    });
    this.orders.onPayment((order, payment) => {
      if (payment.paidType === 'NEWTON' && payment.transactionId && payment.amount > 0) {
        this.fees.recordPayment(payment.transactionId, payment.amount, this.fundSettings.feeRateBasisPoints);
      }
      this.funds.recordPayment(order, payment);
    });
    this.refunds = new RefundService(
      { clock: this.clock, scheduler: this.scheduler, notifier: this.notifier, refundDelayMs: options.refundDelayMs ?? 1000 },
      this.orders,
      merchantOf,
      this.funds,
    );
    this.bills = new TradeBillService(this.clock, this.orders, this.refunds, this.fees, this.billAlterations);
    this.initialFundSettings = {
      profitSharingSettleMs: options.profitSharingSettleMs ?? 60_000,
      profitSharingDelayMs: options.profitSharingDelayMs ?? 2000,
      profitSharingEventType: 'PROFITSHARING',
      transferConfirm: 'user',
      transferAcceptMs: 0,
      transferDelayMs: options.transferDelayMs ?? 2000,
      transferConfirmWindowMs: 24 * 3600 * 1000,
      feeRateBasisPoints: options.feeRateBasisPoints ?? 60,
    };
    this.fundSettings = { ...this.initialFundSettings };
    // one settings object, changed in place by POST /sim/settings and reset: the services see changes at once
    const common = { clock: this.clock, scheduler: this.scheduler, notifier: this.notifier, platformKey: this.platformKey, funds: this.funds, merchantOf };
    this.profitSharing = new ProfitSharingService({ ...common, settings: this.fundSettings });
    this.transfers = new TransferService({ ...common, settings: this.fundSettings, lenient: () => this.orders.settings.lenient });
    this.profitSharingBills = new ProfitSharingBillService(this.bills, this.profitSharing);
    this.fundFlowBills = new FundFlowBillService(this.bills, this.orders, this.refunds, this.fees, this.profitSharing, this.transfers);
    this.complaints = new ComplaintService({ clock: this.clock, notifier: this.notifier, merchantOf, orders: this.orders, refunds: this.refunds, lenient: () => this.orders.settings.lenient });
    this.faults = new FaultInjector(options.random ?? Math.random);
  }

  /** POST /sim/clock: move the business clock, expire orders, run what became due. */
  advance(seconds: number): void {
    this.clock.advance(seconds);
    this.orders.sweep();
    this.funds.sweep();
    this.complaints.sweep();
    this.scheduler.poke();
  }

  /** Forget every order, refund, bill, fault, switch and merchant (the platform key and clock stay). */
  reset(): void {
    this.scheduler.close();
    this.orders.clear();
    this.refunds.clear();
    this.bills.clear();
    this.funds.clear();
    this.profitSharing.clear();
    this.transfers.clear();
    this.fees.clear();
    this.billAlterations.clear();
    this.complaints.clear();
    Object.assign(this.fundSettings, this.initialFundSettings);
    this.notifier.clear();
    this.notifier.setSwitches({ ...DEFAULT_SWITCHES });
    this.faults.set([]);
    this.merchants.clear();
    this.scheduler.reopen();
  }

  close(): void {
    this.scheduler.close();
  }
}
