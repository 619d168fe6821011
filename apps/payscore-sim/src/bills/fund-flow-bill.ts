// The fund-flow bill (资金账单) of the BASIC account: GET /v3/bill/fundflowbill?bill_date=&account_type=BASIC[&tar_type=GZIP]
// → {hash_type, hash_value, download_url}, downloaded through /v3/billdownload/file like the trade bill
// (wechatpay-bills-sharing-complaints.md §1.7). One backtick row per movement of the merchant's money that day, with
// the running balance (账户结余) after it; the balance is the sum of every movement the simulator made for the merchant
// since it started (it does not include POST /sim/merchants/{mchid}/balance top-ups, and profit-sharing frozen money
// counts in it: frozen funds sit in the basic account). UNCONFIRMED: WeChat's 业务名称 / 业务类型 wording and which
// number goes in 业务凭证号; the choices are listed in README.md.
import { createHash } from 'node:crypto';
import { beijingDate, beijingDayStart, billTime } from '../platform/beijing-time.js';
import { WxError, paramError } from '../platform/wx-error.js';
import { type Merchant } from '../merchants/merchant-registry.js';
import { type OrderService } from '../orders/order-service.js';
import { type RefundService } from '../refunds/refund-service.js';
import { type FeeBook } from '../funds/fees.js';
import { type ProfitSharingService } from '../profit-sharing/profit-sharing-service.js';
import { type TransferService } from '../transfers/transfer-service.js';
import { type AlterableRow } from './alterations.js';
import { type TradeBillService, fenOf, yuan } from './trade-bill.js';

export const FUND_FLOW_BILL_HEADER = '记账时间,微信支付业务单号,资金流水单号,业务名称,业务类型,收支类型,收支金额（元）,账户结余（元）,资金变更提交申请人,备注,业务凭证号'.split(',');
export const FUND_FLOW_BILL_SUMMARY_HEADER = '资金流水总笔数,收入笔数,收入金额,支出笔数,支出金额'.split(',');

interface Movement {
  readonly at: number;
  /** Orders movements at the same instant (payment before its fee). */
  readonly seq: number;
  readonly businessNo: string;
  readonly name: string;
  readonly type: string;
  readonly signedFen: number;
  readonly remark: string;
  readonly voucherNo: string;
  readonly keys: AlterableRow['keys'];
  /** A fee row: `amount` alterations leave it alone. */
  readonly fee?: boolean;
}

const flowNo = (m: Movement): string => `${createHash('sha1').update(`${m.businessNo}|${m.type}|${m.at}|${m.seq}`).digest('hex').slice(0, 24)}`;

export class FundFlowBillService {
  constructor(
    private readonly trade: TradeBillService,
    private readonly orders: OrderService,
    private readonly refunds: RefundService,
    private readonly fees: FeeBook,
    private readonly sharing: ProfitSharingService,
    private readonly transfers: TransferService,
  ) {}

  apply(merchant: Merchant, query: Record<string, string | undefined>, origin: string): Record<string, unknown> {
    const accountType = query['account_type'] ?? 'BASIC';
    if (!['BASIC', 'OPERATION', 'FEES'].includes(accountType)) throw paramError('account_type只支持BASIC、OPERATION、FEES', 'account_type');
    const { dayStart, gzip } = this.trade.gate(query);
    // the simulator keeps only the basic account: the others never moved
    const csv = accountType === 'BASIC' ? this.render(merchant.mchid, beijingDate(dayStart)) : undefined;
    if (csv === undefined) throw new WxError(400, 'NO_STATEMENT_EXIST', '请求的账单文件不存在');
    return this.trade.issue(merchant.mchid, csv, gzip, origin);
  }

  /** Every movement of the merchant's basic account, oldest first. */
  movements(mchid: string): Movement[] {
    const out: Movement[] = [];
    let seq = 0;
    const push = (m: Omit<Movement, 'seq'>): void => {
      out.push({ ...m, seq: seq++ });
    };
    for (const order of this.orders.all()) {
      if (order.mchid !== mchid) continue;
      for (const p of order.payments) {
        if (p.paidType !== 'NEWTON' || !p.transactionId || p.amount <= 0) continue;
        const keys = { outOrderNo: order.outOrderNo, transactionId: p.transactionId };
        push({ at: p.paidAtMs, businessNo: p.transactionId, name: '交易', type: '交易', signedFen: p.amount, remark: '', voucherNo: order.outOrderNo, keys });
        const fee = this.fees.paymentFee(p.transactionId)?.feeFen ?? 0;
        if (fee > 0) push({ at: p.paidAtMs, businessNo: p.transactionId, name: '交易', type: '扣除交易手续费', signedFen: -fee, remark: '', voucherNo: order.outOrderNo, keys, fee: true });
      }
    }
    const all = this.refunds.all();
    const refundFees = this.fees.refundFees(all);
    for (const r of all) {
      if (r.mchid !== mchid) continue;
      const keys = { outOrderNo: r.outOrderNo, outRefundNo: r.outRefundNo, transactionId: r.transactionId };
      push({ at: r.createdAtMs, businessNo: r.refundId, name: '退款', type: '退款', signedFen: -r.refundFen, remark: r.reason ?? '', voucherNo: r.outRefundNo, keys });
      const fee = refundFees.get(r.refundId)?.feeFen ?? 0;
      if (fee > 0) push({ at: r.createdAtMs, businessNo: r.refundId, name: '退款', type: '退还交易手续费', signedFen: fee, remark: '', voucherNo: r.outRefundNo, keys, fee: true });
    }
    const { orders, returns } = this.sharing.movements(mchid);
    for (const o of orders) {
      if (o.kind === 'unfreeze') continue;
      for (const line of o.lines) {
        if (line.result !== 'SUCCESS') continue;
        push({ at: line.finishedAtMs ?? o.finishedAtMs ?? line.createdAtMs, businessNo: o.orderId, name: '分账', type: '分账', signedFen: -line.amount, remark: line.description, voucherNo: o.outOrderNo, keys: { outOrderNo: o.outOrderNo, transactionId: o.transactionId } });
      }
    }
    for (const r of returns) {
      if (r.result !== 'SUCCESS') continue;
      push({ at: r.finishedAtMs ?? r.createdAtMs, businessNo: r.returnId, name: '分账回退', type: '分账回退', signedFen: r.amount, remark: r.description, voucherNo: r.outReturnNo, keys: { outOrderNo: r.outReturnNo, transactionId: r.transactionId } });
    }
    // as a MERCHANT_ID receiver of other merchants' splits (a brand's commission): money in, returns out
    const received = this.sharing.receivedMovements(mchid);
    for (const o of received.orders) {
      for (const line of o.lines) {
        if (line.type !== 'MERCHANT_ID' || line.account !== mchid || line.result !== 'SUCCESS') continue;
        push({ at: line.finishedAtMs ?? o.finishedAtMs ?? line.createdAtMs, businessNo: o.orderId, name: '分账', type: '分账', signedFen: line.amount, remark: line.description, voucherNo: o.outOrderNo, keys: { outOrderNo: o.outOrderNo, transactionId: o.transactionId } });
      }
    }
    for (const r of received.returns) {
      if (r.result !== 'SUCCESS') continue;
      push({ at: r.finishedAtMs ?? r.createdAtMs, businessNo: r.returnId, name: '分账回退', type: '分账回退', signedFen: -r.amount, remark: r.description, voucherNo: r.outReturnNo, keys: { outOrderNo: r.outReturnNo, transactionId: r.transactionId } });
    }
    for (const t of this.transfers.all()) {
      if (t.mchid !== mchid) continue;
      push({ at: t.createdAtMs, businessNo: t.transferBillNo, name: '商家转账', type: '商家转账', signedFen: -t.amount, remark: t.remark, voucherNo: t.outBillNo, keys: { outOrderNo: t.outBillNo } });
      if (t.state === 'FAIL' || t.state === 'CANCELLED') {
        push({ at: t.updatedAtMs, businessNo: t.transferBillNo, name: '商家转账', type: '商家转账退回', signedFen: t.amount, remark: t.failReason ?? t.state, voucherNo: t.outBillNo, keys: { outOrderNo: t.outBillNo } });
      }
    }
    return out.sort((a, b) => a.at - b.at || a.seq - b.seq);
  }

  /** The bill of one Beijing day (after the alterations for it), or undefined when nothing moved. */
  render(mchid: string, date: string): string | undefined {
    const dayStart = beijingDayStart(date) as number;
    const all = this.movements(mchid);
    const opening = all.filter((m) => m.at < dayStart).reduce((s, m) => s + m.signedFen, 0);
    const rows = all
      .filter((m) => beijingDate(m.at) === date)
      .map((m): AlterableRow & { signedFen: number } => {
        const row: AlterableRow & { signedFen: number } = {
          at: m.at, signedFen: m.signedFen, keys: m.keys,
          fields: { 记账时间: billTime(m.at), 微信支付业务单号: m.businessNo, 资金流水单号: flowNo(m), 业务名称: m.name, 业务类型: m.type,
            收支类型: m.signedFen >= 0 ? '收入' : '支出', '收支金额（元）': yuan(Math.abs(m.signedFen)), '账户结余（元）': '', 资金变更提交申请人: 'system',
            备注: m.remark.replace(/,/g, '，').replace(/[\r\n]/g, ' '), 业务凭证号: m.voucherNo },
        };
        if (!m.fee) {
          row.setAmount = (fen) => {
            row.signedFen = Math.sign(row.signedFen || 1) * fen;
            row.fields['收支金额（元）'] = yuan(fen);
          };
        }
        return row;
      });
    const altered = this.trade.alterations.apply('FUND_FLOW', date, rows, (a) => {
      const at = dayStart + 12 * 3600_000;
      const fen = a.amountFen ?? 0;
      return {
        at, signedFen: fen, keys: {},
        fields: { 记账时间: billTime(at), 微信支付业务单号: a.transactionId ?? '', 资金流水单号: `foreign${a.transactionId ?? ''}`, 业务名称: '交易', 业务类型: '交易',
          收支类型: '收入', '收支金额（元）': yuan(fen), '账户结余（元）': '', 资金变更提交申请人: 'system', 备注: '', 业务凭证号: a.outOrderNo ?? '' },
      };
    });
    if (altered.length === 0) return undefined;
    let balance = opening;
    const lines = [FUND_FLOW_BILL_HEADER.join(',')];
    let incomeN = 0;
    let income = 0;
    let expenseN = 0;
    let expense = 0;
    for (const row of altered) {
      const fen = fenOf(row.fields['收支金额（元）'] ?? '0');
      const signed = row.fields['收支类型'] === '收入' ? fen : -fen;
      balance += signed;
      row.fields['账户结余（元）'] = yuan(balance);
      if (signed >= 0) {
        incomeN++;
        income += fen;
      } else {
        expenseN++;
        expense += fen;
      }
      lines.push(FUND_FLOW_BILL_HEADER.map((h) => `\`${row.fields[h] ?? ''}`).join(','));
    }
    lines.push(FUND_FLOW_BILL_SUMMARY_HEADER.join(','));
    lines.push([String(altered.length), String(incomeN), yuan(income), String(expenseN), yuan(expense)].map((v) => `\`${v}`).join(','));
    return `${lines.join('\r\n')}\r\n`;
  }
}
