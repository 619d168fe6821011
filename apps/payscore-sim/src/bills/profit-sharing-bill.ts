// The profit-sharing bill (分账账单): GET /v3/profitsharing/bills?bill_date=…[&tar_type=GZIP] → {hash_type, hash_value,
// download_url}, downloaded through /v3/billdownload/file like the trade bill (wechatpay-bills-sharing-complaints.md
// §2.3.7, §2.8 item 8). The same gates (D+1 10:00, 3 months, NO_STATEMENT_EXIST) and the same layout conventions: a
// header line without backticks, data and summary rows with a backtick on every field, yuan with 2 decimals, CRLF.
// UNCONFIRMED: WeChat's exact column list (not in the sources); these columns carry every field a reconciliation needs.
import { beijingDate, billTime } from '../platform/beijing-time.js';
import { WxError } from '../platform/wx-error.js';
import { type Merchant } from '../merchants/merchant-registry.js';
import { type ProfitSharingService } from '../profit-sharing/profit-sharing-service.js';
import { type TradeBillService, yuan } from './trade-bill.js';

export const PROFIT_SHARING_BILL_HEADER =
  '分账时间,分账发起方,分账方,分账接收方类型,分账接收方,分账金额(元),业务类型,处理状态,分账描述,微信订单号,微信分账/回退单号,商户分账/回退单号,明细单号'.split(',');
export const PROFIT_SHARING_BILL_SUMMARY_HEADER = '总条数,分账总金额(元),分账回退总金额(元),解冻总金额(元)'.split(',');

interface Row {
  readonly at: number;
  readonly kind: '分账' | '分账回退' | '解冻给分账方';
  readonly fen: number;
  readonly fields: Record<string, string>;
}

const text = (s: string): string => s.replace(/,/g, '，').replace(/[\r\n]/g, ' ');

export class ProfitSharingBillService {
  constructor(
    private readonly trade: TradeBillService,
    private readonly sharing: ProfitSharingService,
  ) {}

  apply(merchant: Merchant, query: Record<string, string | undefined>, origin: string): Record<string, unknown> {
    const { dayStart, gzip } = this.trade.gate(query);
    const csv = this.render(merchant.mchid, beijingDate(dayStart));
    if (csv === undefined) throw new WxError(400, 'NO_STATEMENT_EXIST', '请求的账单文件不存在');
    return this.trade.issue(merchant.mchid, csv, gzip, origin);
  }

  /** The bill of one Beijing day: every split line, return and release (unfreeze, unfreeze_unsplit, 30-day expiry) of the payer. */
  render(mchid: string, date: string): string | undefined {
    const inDay = (ms: number | undefined): ms is number => ms !== undefined && beijingDate(ms) === date;
    const { orders, returns, expired } = this.sharing.movements(mchid);
    const rows: Row[] = [];
    const base = (at: number, transactionId: string, wxNo: string, outNo: string): Record<string, string> => ({
      分账时间: billTime(at), 分账发起方: mchid, 分账方: mchid, 微信订单号: transactionId, '微信分账/回退单号': wxNo, '商户分账/回退单号': outNo,
    });
    for (const order of orders) {
      for (const line of order.lines) {
        if (order.kind === 'unfreeze') continue;
        if (!inDay(line.createdAtMs)) continue;
        rows.push({
          at: line.createdAtMs, kind: '分账', fen: line.result === 'CLOSED' ? 0 : line.amount,
          fields: { ...base(line.createdAtMs, order.transactionId, order.orderId, order.outOrderNo), 分账接收方类型: line.type, 分账接收方: line.account,
            '分账金额(元)': yuan(line.amount), 业务类型: '分账', 处理状态: line.result, 分账描述: text(line.description), 明细单号: line.detailId },
        });
      }
      if (order.releasedFen !== undefined && order.releasedFen > 0 && inDay(order.finishedAtMs)) {
        rows.push({
          at: order.finishedAtMs, kind: '解冻给分账方', fen: order.releasedFen,
          fields: { ...base(order.finishedAtMs, order.transactionId, order.orderId, order.outOrderNo), 分账接收方类型: 'MERCHANT_ID', 分账接收方: mchid,
            '分账金额(元)': yuan(order.releasedFen), 业务类型: '解冻给分账方', 处理状态: 'SUCCESS', 分账描述: text(order.lines[0]?.description ?? '解冻给分账方'), 明细单号: order.lines[0]?.detailId ?? '' },
        });
      }
    }
    for (const r of returns) {
      if (!inDay(r.createdAtMs)) continue;
      rows.push({
        at: r.createdAtMs, kind: '分账回退', fen: r.result === 'SUCCESS' ? r.amount : 0,
        fields: { ...base(r.createdAtMs, r.transactionId, r.returnId, r.outReturnNo), 分账接收方类型: 'MERCHANT_ID', 分账接收方: r.returnMchid,
          '分账金额(元)': yuan(r.amount), 业务类型: '分账回退', 处理状态: r.result, 分账描述: text(r.description), 明细单号: r.returnId },
      });
    }
    for (const l of expired) {
      if (!inDay(l.releasedAtMs) || !l.expiredFen) continue;
      rows.push({
        at: l.releasedAtMs, kind: '解冻给分账方', fen: l.expiredFen,
        fields: { ...base(l.releasedAtMs, l.transactionId, '', ''), 分账接收方类型: 'MERCHANT_ID', 分账接收方: mchid,
          '分账金额(元)': yuan(l.expiredFen), 业务类型: '解冻给分账方', 处理状态: 'SUCCESS', 分账描述: '分账冻结期满自动解冻', 明细单号: '' },
      });
    }
    if (rows.length === 0) return undefined;
    rows.sort((a, b) => a.at - b.at);
    const lines = [PROFIT_SHARING_BILL_HEADER.join(',')];
    for (const row of rows) lines.push(PROFIT_SHARING_BILL_HEADER.map((h) => `\`${row.fields[h] ?? ''}`).join(','));
    const total = (kind: Row['kind']): string => yuan(rows.filter((r) => r.kind === kind).reduce((s, r) => s + r.fen, 0));
    const summary = [String(rows.length), total('分账'), total('分账回退'), total('解冻给分账方')];
    lines.push(PROFIT_SHARING_BILL_SUMMARY_HEADER.join(','));
    lines.push(summary.map((v) => `\`${v}`).join(','));
    return `${lines.join('\r\n')}\r\n`;
  }
}
