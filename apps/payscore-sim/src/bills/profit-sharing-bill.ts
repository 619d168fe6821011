// The profit-sharing bill (分账账单): GET /v3/profitsharing/bills?bill_date=…[&tar_type=GZIP] → {hash_type, hash_value,
// download_url}, downloaded through /v3/billdownload/file like the trade bill (wechatpay-bills-sharing-complaints.md
// §2.3.7, §2.8 item 8). The same gates (D+1 10:00, 3 months, NO_STATEMENT_EXIST) and the same layout conventions: a
// header line without backticks, data and summary rows with a backtick on every field, yuan with 2 decimals, CRLF.
// UNCONFIRMED: WeChat's exact column list (not in the sources); these columns carry every field a reconciliation needs.
import { beijingDate, beijingDayStart, billTime } from '../platform/beijing-time.js';
import { WxError } from '../platform/wx-error.js';
import { type Merchant } from '../merchants/merchant-registry.js';
import { type ProfitSharingService } from '../profit-sharing/profit-sharing-service.js';
import { type TradeBillService, fenOf, yuan } from './trade-bill.js';
import { type AlterableRow } from './alterations.js';

export const PROFIT_SHARING_BILL_HEADER =
  '分账时间,分账发起方,分账方,分账接收方类型,分账接收方,分账金额(元),业务类型,处理状态,分账描述,微信订单号,微信分账/回退单号,商户分账/回退单号,明细单号'.split(',');
export const PROFIT_SHARING_BILL_SUMMARY_HEADER = '总条数,分账总金额(元),分账回退总金额(元),解冻总金额(元)'.split(',');

interface Row extends AlterableRow {
  readonly kind: '分账' | '分账回退' | '解冻给分账方';
  readonly fen: number;
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
        rows.push({ keys: {},
          at: line.createdAtMs, kind: '分账', fen: line.result === 'CLOSED' ? 0 : line.amount,
          fields: { ...base(line.createdAtMs, order.transactionId, order.orderId, order.outOrderNo), 分账接收方类型: line.type, 分账接收方: line.account,
            '分账金额(元)': yuan(line.amount), 业务类型: '分账', 处理状态: line.result, 分账描述: text(line.description), 明细单号: line.detailId },
        });
      }
      if (order.releasedFen !== undefined && order.releasedFen > 0 && inDay(order.finishedAtMs)) {
        rows.push({ keys: {},
          at: order.finishedAtMs, kind: '解冻给分账方', fen: order.releasedFen,
          fields: { ...base(order.finishedAtMs, order.transactionId, order.orderId, order.outOrderNo), 分账接收方类型: 'MERCHANT_ID', 分账接收方: mchid,
            '分账金额(元)': yuan(order.releasedFen), 业务类型: '解冻给分账方', 处理状态: 'SUCCESS', 分账描述: text(order.lines[0]?.description ?? '解冻给分账方'), 明细单号: order.lines[0]?.detailId ?? '' },
        });
      }
    }
    for (const r of returns) {
      if (!inDay(r.createdAtMs)) continue;
      rows.push({ keys: {},
        at: r.createdAtMs, kind: '分账回退', fen: r.result === 'SUCCESS' ? r.amount : 0,
        fields: { ...base(r.createdAtMs, r.transactionId, r.returnId, r.outReturnNo), 分账接收方类型: 'MERCHANT_ID', 分账接收方: r.returnMchid,
          '分账金额(元)': yuan(r.amount), 业务类型: '分账回退', 处理状态: r.result, 分账描述: text(r.description), 明细单号: r.returnId },
      });
    }
    for (const l of expired) {
      if (!inDay(l.releasedAtMs) || !l.expiredFen) continue;
      rows.push({ keys: {},
        at: l.releasedAtMs, kind: '解冻给分账方', fen: l.expiredFen,
        fields: { ...base(l.releasedAtMs, l.transactionId, '', ''), 分账接收方类型: 'MERCHANT_ID', 分账接收方: mchid,
          '分账金额(元)': yuan(l.expiredFen), 业务类型: '解冻给分账方', 处理状态: 'SUCCESS', 分账描述: '分账冻结期满自动解冻', 明细单号: '' },
      });
    }
    for (const row of rows) {
      (row as { keys: AlterableRow['keys'] }).keys = { outOrderNo: row.fields['商户分账/回退单号'] ?? '', transactionId: row.fields['微信订单号'] ?? '' };
    }
    for (const row of rows) row.setAmount = (fen) => (row.fields['分账金额(元)'] = yuan(fen));
    const altered = this.trade.alterations.apply('PROFIT_SHARING', date, rows, (a) => {
      const at = (beijingDayStart(date) as number) + 12 * 3600_000;
      return {
        at, kind: '分账' as const, fen: a.amountFen ?? 0, keys: {},
        fields: { ...base(at, a.transactionId ?? '', `foreign${a.transactionId ?? ''}`, a.outOrderNo ?? ''), 分账接收方类型: 'MERCHANT_ID', 分账接收方: a.receiver ?? '1900000109',
          '分账金额(元)': yuan(a.amountFen ?? 0), 业务类型: '分账', 处理状态: 'SUCCESS', 分账描述: '分账', 明细单号: '' },
      };
    });
    if (altered.length === 0) return undefined;
    const lines = [PROFIT_SHARING_BILL_HEADER.join(',')];
    for (const row of altered) lines.push(PROFIT_SHARING_BILL_HEADER.map((h) => `\`${row.fields[h] ?? ''}`).join(','));
    const counted = (r: Row): number => (r.fields['处理状态'] === 'CLOSED' || r.fields['处理状态'] === 'FAILED' ? 0 : fenOf(r.fields['分账金额(元)'] ?? '0'));
    const total = (kind: Row['kind']): string => yuan(altered.filter((r) => r.fields['业务类型'] === kind).reduce((s, r) => s + counted(r), 0));
    const summary = [String(altered.length), total('分账'), total('分账回退'), total('解冻给分账方')];
    lines.push(PROFIT_SHARING_BILL_SUMMARY_HEADER.join(','));
    lines.push(summary.map((v) => `\`${v}`).join(','));
    return `${lines.join('\r\n')}\r\n`;
  }
}
