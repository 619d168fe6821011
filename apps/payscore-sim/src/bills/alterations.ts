// Bill tampering for reconciliation tests (POST /sim/bills/alterations): each alteration changes what one day's bill
// says, as if WeChat's file differed from what the simulator did — drop a row, change an amount, change a refund row's
// state, or add a foreign row. Applied when a bill is rendered (its summary line follows the altered rows).
import { SimControlError } from '../platform/wx-error.js';
import { beijingDayStart } from '../platform/beijing-time.js';

export const BILL_KINDS = ['TRADE', 'FUND_FLOW', 'PROFIT_SHARING'] as const;
export type BillKind = (typeof BILL_KINDS)[number];
export const ALTERATION_ACTIONS = ['drop', 'amount', 'refundState', 'add'] as const;
export type AlterationAction = (typeof ALTERATION_ACTIONS)[number];

export interface BillAlteration {
  readonly billDate: string;
  readonly bill: BillKind;
  readonly action: AlterationAction;
  readonly outOrderNo?: string;
  readonly outRefundNo?: string;
  readonly transactionId?: string;
  /** `amount`: the new amount; `add`: the foreign row's amount. */
  readonly amountFen?: number;
  /** `refundState`: the refund row's new 退款状态 (SUCCESS, PROCESSING, REFUNDCLOSE, CHANGE); on the profit-sharing bill the row's 处理状态 (SUCCESS, CLOSED, FAILED, PROCESSING). */
  readonly refundState?: string;
  /** `add`: a time on the bill date (yyyy-MM-dd HH:mm:ss, Beijing); default 12:00:00. */
  readonly tradeTime?: string;
  /** `add` on the profit-sharing bill: the receiver (default a foreign mchid). */
  readonly receiver?: string;
}

const str = (b: Record<string, unknown>, f: string): string | undefined => {
  const v = b[f];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v === '') throw new SimControlError(400, 'INVALID_FIELD', `${f} must be a non-empty string`);
  return v;
};

export function parseAlteration(body: unknown): BillAlteration {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SimControlError(400, 'INVALID_FIELD', 'an alteration must be a JSON object');
  const b = body as Record<string, unknown>;
  const billDate = str(b, 'billDate');
  if (!billDate || beijingDayStart(billDate) === undefined) throw new SimControlError(400, 'INVALID_FIELD', 'billDate must be yyyy-MM-dd');
  const bill = b['bill'];
  if (!BILL_KINDS.includes(bill as BillKind)) throw new SimControlError(400, 'INVALID_FIELD', `bill must be one of ${BILL_KINDS.join(', ')}`);
  const action = b['action'];
  if (!ALTERATION_ACTIONS.includes(action as AlterationAction)) throw new SimControlError(400, 'INVALID_FIELD', `action must be one of ${ALTERATION_ACTIONS.join(', ')}`);
  const outOrderNo = str(b, 'outOrderNo');
  const outRefundNo = str(b, 'outRefundNo');
  const transactionId = str(b, 'transactionId');
  if (!outOrderNo && !outRefundNo && !transactionId) throw new SimControlError(400, 'INVALID_FIELD', 'one of outOrderNo, outRefundNo, transactionId is required');
  const amountFen = b['amountFen'];
  if (amountFen !== undefined && (typeof amountFen !== 'number' || !Number.isSafeInteger(amountFen) || amountFen < 0)) {
    throw new SimControlError(400, 'INVALID_FIELD', 'amountFen must be an integer >= 0');
  }
  if ((action === 'amount' || action === 'add') && amountFen === undefined) throw new SimControlError(400, 'INVALID_FIELD', `amountFen is required for ${String(action)}`);
  const refundState = str(b, 'refundState');
  if (action === 'refundState') {
    if (bill === 'FUND_FLOW') throw new SimControlError(400, 'INVALID_FIELD', 'refundState applies to the TRADE bill (退款状态) and the PROFIT_SHARING bill (处理状态)');
    if (!refundState) throw new SimControlError(400, 'INVALID_FIELD', 'refundState is required');
  }
  if (action === 'add' && !transactionId) throw new SimControlError(400, 'INVALID_FIELD', 'transactionId is required for add');
  const tradeTime = str(b, 'tradeTime');
  if (tradeTime !== undefined && !(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(tradeTime) && tradeTime.startsWith(billDate))) {
    throw new SimControlError(400, 'INVALID_FIELD', 'tradeTime must be yyyy-MM-dd HH:mm:ss on billDate');
  }
  const receiver = str(b, 'receiver');
  return {
    billDate, bill: bill as BillKind, action: action as AlterationAction,
    ...(outOrderNo ? { outOrderNo } : {}), ...(outRefundNo ? { outRefundNo } : {}), ...(transactionId ? { transactionId } : {}),
    ...(typeof amountFen === 'number' ? { amountFen } : {}), ...(refundState ? { refundState } : {}),
    ...(tradeTime ? { tradeTime } : {}), ...(receiver ? { receiver } : {}),
  };
}

/** The rows of a bill under construction: field records by header name, plus what identifies them. */
export interface AlterableRow {
  fields: Record<string, string>;
  /** Keys an alteration may name: out_order_no (also the wxzff one), out_refund_no, transaction_id. */
  readonly keys: { outOrderNo?: string; outRefundNo?: string; transactionId?: string };
  /** What `amount` changes on this row (undefined: not an amount row, e.g. a fee row). */
  setAmount?: (fen: number) => void;
  readonly at: number;
}

export function matches(a: BillAlteration, row: AlterableRow): boolean {
  if (a.outRefundNo !== undefined && row.keys.outRefundNo !== a.outRefundNo) return false;
  if (a.outOrderNo !== undefined && row.keys.outOrderNo !== a.outOrderNo) return false;
  if (a.transactionId !== undefined && row.keys.transactionId !== a.transactionId) return false;
  // naming an order (not a refund) selects its payment rows, not its refunds
  if (a.outRefundNo === undefined && row.keys.outRefundNo !== undefined && a.action !== 'refundState') return false;
  return true;
}

export class BillAlterations {
  private list: BillAlteration[] = [];

  add(a: BillAlteration): void {
    this.list.push(a);
  }

  set(list: BillAlteration[]): void {
    this.list = [...list];
  }

  all(): readonly BillAlteration[] {
    return this.list;
  }

  for(bill: BillKind, billDate: string): BillAlteration[] {
    return this.list.filter((a) => a.bill === bill && a.billDate === billDate);
  }

  clear(): void {
    this.list = [];
  }

  /**
   * Applies the day's alterations of `bill` to `rows` (in place order kept); `makeForeign` builds the row an `add`
   * inserts. Returns the new row list.
   */
  apply<R extends AlterableRow>(bill: BillKind, billDate: string, rows: R[], makeForeign: (a: BillAlteration) => R): R[] {
    let out = [...rows];
    for (const a of this.for(bill, billDate)) {
      if (a.action === 'add') {
        out.push(makeForeign(a));
        continue;
      }
      if (a.action === 'drop') {
        out = out.filter((r) => !matches(a, r));
        continue;
      }
      for (const r of out) {
        if (!matches(a, r)) continue;
        if (a.action === 'amount' && r.setAmount && a.amountFen !== undefined) r.setAmount(a.amountFen);
        if (a.action === 'refundState' && a.refundState !== undefined) {
          if (bill === 'PROFIT_SHARING') r.fields['处理状态'] = a.refundState;
          else if (r.keys.outRefundNo !== undefined) r.fields['退款状态'] = a.refundState;
        }
      }
    }
    return out.sort((x, y) => x.at - y.at);
  }
}
