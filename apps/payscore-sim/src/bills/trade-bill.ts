// The daily trade bill (交易账单): GET /v3/bill/tradebill → {hash_type, hash_value, download_url},
// then GET /v3/billdownload/file?token=… → the CSV (wechatpay-bills-sharing-complaints.md §1,
// payscore-protocol.md §9.7: Pay Score auto-debits are AUTH rows with `wxzff|order_id|out_order_no`).
import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { type SimClock } from '../platform/clock.js';
import { beijingDate, beijingDayStart, billTime } from '../platform/beijing-time.js';
import { type FeeBook } from '../funds/fees.js';
import { type AlterableRow, type BillAlterations } from './alterations.js';
import { WxError, invalidRequest, noAuth, paramError } from '../platform/wx-error.js';
import { type Merchant } from '../merchants/merchant-registry.js';
import { type OrderService } from '../orders/order-service.js';
import { type RefundRecord, type RefundService } from '../refunds/refund-service.js';

export type BillType = 'ALL' | 'SUCCESS' | 'REFUND';

const DAY_MS = 24 * 3600 * 1000;
const READY_AFTER_MS = DAY_MS + 10 * 3600 * 1000; // D+1 10:00 Beijing
const RETENTION_MS = 90 * DAY_MS;
const DOWNLOAD_TTL_MS = 5 * 60 * 1000;
/** 退款状态 of a refund row: the refund's state (v2 names: REFUNDCLOSE, CHANGE). */
const BILL_REFUND_STATE: Record<RefundRecord['status'], string> = { PROCESSING: 'PROCESSING', SUCCESS: 'SUCCESS', CLOSED: 'REFUNDCLOSE', ABNORMAL: 'CHANGE' };

const HEADERS: Record<BillType, string[]> = {
  ALL: '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注'.split(','),
  SUCCESS: '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,商品名称,商户数据包,手续费,费率,订单金额,费率备注'.split(','),
  REFUND: '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,退款申请时间,退款成功时间,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注'.split(','),
};
const SUMMARY_HEADERS: Record<BillType, string[]> = {
  ALL: '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额'.split(','),
  SUCCESS: '总交易单数,应结订单总金额,手续费总金额,订单总金额'.split(','),
  REFUND: '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额'.split(','),
};

export const yuan = (fen: number): string => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
/** A fee of whole fen in yuan with the bill's 5 decimals (2 fen → `0.02000`). */
export const fee5 = (fen: number): string => `${yuan(fen)}000`;
/** A yuan string of the bill (2 or 5 decimals, whole fen) back to fen, exactly. */
export const fenOf = (y: string): number => {
  const m = /^(-)?(\d+)(?:\.(\d{1,5}))?$/.exec(y);
  if (!m) return 0;
  const v = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(5, '0').slice(0, 2));
  return m[1] ? -v : v;
};
/** `yyyy-MM-dd HH:mm:ss` → ms since that day's Beijing midnight. */
const timeOfDayMs = (t: string): number => {
  const [h, mi, sec] = t.slice(11).split(':').map(Number) as [number, number, number];
  return ((h * 60 + mi) * 60 + sec) * 1000;
};
/** Merchant-controlled text must not break the comma-separated layout. */
const text = (s: string | undefined): string => (s ?? '').replace(/,/g, '，').replace(/[\r\n]/g, ' ');


interface Download {
  readonly mchid: string;
  readonly bytes: Buffer;
  readonly gzip: boolean;
  readonly expiresAtMs: number;
  readonly truncated: boolean;
}

export const BILL_FILE_FAULTS = ['hash-mismatch', 'truncated', 'lf'] as const;
export type BillFileFault = (typeof BILL_FILE_FAULTS)[number];

export class TradeBillService {
  private readonly downloads = new Map<string, Download>();

  constructor(
    private readonly clock: SimClock,
    private readonly orders: OrderService,
    private readonly refunds: RefundService,
    private readonly fees: FeeBook,
    readonly alterations: BillAlterations,
  ) {}

  apply(merchant: Merchant, query: Record<string, string | undefined>, origin: string): Record<string, unknown> {
    const billType = (query['bill_type'] ?? 'ALL') as BillType;
    if (!(billType in HEADERS)) throw paramError('bill_type只支持ALL、SUCCESS、REFUND', 'bill_type');
    const { dayStart, gzip } = this.gate(query);
    const csv = this.render(merchant.mchid, dayStart, billType);
    if (csv === undefined) throw new WxError(400, 'NO_STATEMENT_EXIST', '请求的账单文件不存在');
    return this.issue(merchant.mchid, csv, gzip, origin);
  }

  /**
   * The rules every bill application shares (trade bill, profit-sharing bill): `bill_date` well formed, not today or
   * later, ready from D+1 10:00 Beijing, within the last 3 months; `tar_type` absent or GZIP.
   */
  gate(query: Record<string, string | undefined>): { dayStart: number; gzip: boolean } {
    const date = query['bill_date'];
    if (!date) throw paramError('缺少参数bill_date', 'bill_date');
    const dayStart = beijingDayStart(date);
    if (dayStart === undefined) throw paramError('bill_date格式错误，应为yyyy-MM-dd', 'bill_date');
    const tarType = query['tar_type'];
    if (tarType !== undefined && tarType !== 'GZIP') throw paramError('tar_type只支持GZIP', 'tar_type');
    const now = this.clock.now();
    if (now < dayStart + DAY_MS) throw invalidRequest('账单日期不能是当天或未来日期');
    if (now < dayStart + READY_AFTER_MS) throw new WxError(400, 'STATEMENT_CREATING', '账单生成中，请在次日10点后下载');
    if (dayStart < now - RETENTION_MS) throw invalidRequest('只能下载三个月以内的账单');
    return { dayStart, gzip: tarType === 'GZIP' };
  }

  /**
   * Faults of the next bill files (POST /sim/bills/file-faults): `hash-mismatch` (hash_value of other bytes),
   * `truncated` (the download stops 16 bytes short: a broken gzip, or a hash mismatch when plain), `lf` (LF line ends:
   * a well-formed file). `times` counts applications; undefined = until cleared.
   */
  fileFault: { fault: BillFileFault; times?: number } | undefined;

  /** A short-lived download token for `csv`: `{hash_type, hash_value (SHA1 of the uncompressed bytes), download_url}`. */
  issue(mchid: string, csv: string, gzip: boolean, origin: string): Record<string, unknown> {
    const fault = this.takeFileFault();
    const bytes = Buffer.from(fault === 'lf' ? csv.replace(/\r\n/g, '\n') : csv, 'utf8');
    const token = randomBytes(24).toString('base64url');
    this.downloads.set(token, { mchid, bytes, gzip, expiresAtMs: this.clock.now() + DOWNLOAD_TTL_MS, truncated: fault === 'truncated' });
    return {
      hash_type: 'SHA1',
      hash_value: createHash('sha1').update(bytes).update(fault === 'hash-mismatch' ? ' ' : '').digest('hex'),
      download_url: `${origin}/v3/billdownload/file?token=${token}`,
    };
  }

  private takeFileFault(): BillFileFault | undefined {
    const f = this.fileFault;
    if (!f) return undefined;
    if (f.times !== undefined) {
      f.times -= 1;
      if (f.times <= 0) this.fileFault = undefined;
    }
    return f.fault;
  }

  download(merchant: Merchant, token: string | undefined): { body: Buffer; gzip: boolean } {
    const entry = token === undefined ? undefined : this.downloads.get(token);
    if (!entry || entry.expiresAtMs < this.clock.now()) throw invalidRequest('下载链接已过期或无效，请重新申请账单');
    if (entry.mchid !== merchant.mchid) throw noAuth('下载账单的商户号与申请账单的商户号不一致');
    const body = entry.gzip ? gzipSync(entry.bytes) : entry.bytes;
    return { body: entry.truncated ? body.subarray(0, Math.max(0, body.length - 16)) : body, gzip: entry.gzip };
  }

  clear(): void {
    this.downloads.clear();
    this.fileFault = undefined;
  }

  /** The bill CSV of one Beijing day, or undefined when the merchant had no trade and no refund (after alterations). */
  render(mchid: string, dayStart: number, billType: BillType): string | undefined {
    const inDay = (ms: number): boolean => ms >= dayStart && ms < dayStart + DAY_MS;
    const rows: AlterableRow[] = [];
    const rate = (bp: number): string => `${(bp / 100).toFixed(2)}%`;
    if (billType !== 'REFUND') {
      for (const order of this.orders.all()) {
        if (order.mchid !== mchid) continue;
        for (const p of order.payments) {
          if (p.paidType !== 'NEWTON' || !p.transactionId || !inDay(p.paidAtMs)) continue;
          const fee = this.fees.paymentFee(p.transactionId) ?? { feeFen: 0, basisPoints: 0 };
          const fields: Record<string, string> = {
            交易时间: billTime(p.paidAtMs), 公众账号ID: order.appid, 商户号: order.mchid, 特约商户号: '0', 设备号: '',
            微信订单号: p.transactionId, 商户订单号: p.billOutTradeNo ?? order.outOrderNo, 用户标识: order.openid ?? '',
            交易类型: p.tradeType ?? 'AUTH', 交易状态: 'SUCCESS', 付款银行: 'OTHERS', 货币种类: 'CNY',
            应结订单金额: yuan(p.amount), 代金券金额: '0.00', 微信退款单号: '0', 商户退款单号: '0', 退款金额: '0.00',
            充值券退款金额: '0.00', 退款类型: '', 退款状态: '', 商品名称: text(order.serviceIntroduction),
            商户数据包: p.tradeType === 'JSAPI' ? text(order.attach) : `wxzff|${order.orderId}|${order.outOrderNo}`,
            手续费: fee5(fee.feeFen), 费率: rate(fee.basisPoints), 订单金额: yuan(p.amount), 申请退款金额: '0.00', 费率备注: '',
          };
          rows.push({
            at: p.paidAtMs, fields, keys: { outOrderNo: order.outOrderNo, transactionId: p.transactionId },
            setAmount: (fen) => Object.assign(fields, { 应结订单金额: yuan(fen), 订单金额: yuan(fen) }),
          });
        }
      }
    }
    if (billType !== 'SUCCESS') {
      const all = this.refunds.all();
      const refundFees = this.fees.refundFees(all);
      for (const r of all) {
        if (r.mchid !== mchid || !inDay(r.createdAtMs)) continue;
        const found = this.orders.findPayment(mchid, r.transactionId);
        const tradeType = found?.payment.tradeType ?? 'AUTH';
        const fee = refundFees.get(r.refundId) ?? { feeFen: 0, basisPoints: 0 };
        const fields: Record<string, string> = {
          交易时间: billTime(r.createdAtMs), 公众账号ID: r.appid, 商户号: r.mchid, 特约商户号: '0', 设备号: '',
          微信订单号: r.transactionId, 商户订单号: r.billOutTradeNo, 用户标识: r.openid ?? '', 交易类型: tradeType,
          交易状态: 'REFUND', 付款银行: 'OTHERS', 货币种类: 'CNY', 应结订单金额: '0.00', 代金券金额: '0.00',
          退款申请时间: billTime(r.createdAtMs), 退款成功时间: r.successAtMs === undefined ? '' : billTime(r.successAtMs),
          微信退款单号: r.refundId, 商户退款单号: r.outRefundNo, 退款金额: yuan(r.refundFen), 充值券退款金额: '0.00',
          退款类型: 'ORIGINAL', 退款状态: BILL_REFUND_STATE[r.status], 商品名称: text(found?.order.serviceIntroduction),
          商户数据包: found && tradeType === 'AUTH' ? `wxzff|${found.order.orderId}|${found.order.outOrderNo}` : text(found?.order.attach),
          手续费: fee5(fee.feeFen), 费率: rate(fee.basisPoints), 订单金额: '0.00', 申请退款金额: yuan(r.refundFen), 费率备注: '',
        };
        rows.push({
          at: r.createdAtMs, fields, keys: { outOrderNo: r.outOrderNo, outRefundNo: r.outRefundNo, transactionId: r.transactionId },
          setAmount: (fen) => Object.assign(fields, { 退款金额: yuan(fen), 申请退款金额: yuan(fen) }),
        });
      }
    }
    const altered = this.alterations.apply('TRADE', beijingDate(dayStart), rows, (a) => {
      const at = a.tradeTime ? (beijingDayStart(a.billDate) as number) + timeOfDayMs(a.tradeTime) : dayStart + 12 * 3600_000;
      const fen = a.amountFen ?? 0;
      const fields: Record<string, string> = {
        交易时间: billTime(at), 公众账号ID: '', 商户号: mchid, 特约商户号: '0', 设备号: '', 微信订单号: a.transactionId ?? '',
        商户订单号: a.outOrderNo ?? '', 用户标识: '', 交易类型: 'AUTH', 交易状态: 'SUCCESS', 付款银行: 'OTHERS', 货币种类: 'CNY',
        应结订单金额: yuan(fen), 代金券金额: '0.00', 微信退款单号: '0', 商户退款单号: '0', 退款金额: '0.00', 充值券退款金额: '0.00',
        退款类型: '', 退款状态: '', 商品名称: '', 商户数据包: a.outOrderNo ? `wxzff|${a.transactionId ?? ''}|${a.outOrderNo}` : '',
        手续费: fee5(0), 费率: '0.00%', 订单金额: yuan(fen), 申请退款金额: '0.00', 费率备注: '',
      };
      return { at, fields, keys: { ...(a.outOrderNo ? { outOrderNo: a.outOrderNo } : {}), ...(a.transactionId ? { transactionId: a.transactionId } : {}) } };
    });
    if (altered.length === 0) return undefined;
    const header = HEADERS[billType];
    const lines = [header.join(',')];
    for (const row of altered) lines.push(header.map((h) => `\`${row.fields[h] ?? ''}`).join(','));
    const isRefund = (r: AlterableRow): boolean => r.fields['交易状态'] === 'REFUND';
    const sum = (rs: AlterableRow[], f: string): number => rs.reduce((acc, r) => acc + fenOf(r.fields[f] ?? '0'), 0);
    const settled = sum(altered, '应结订单金额');
    const refunded = sum(altered, '退款金额');
    const feeNet = sum(altered.filter((r) => !isRefund(r)), '手续费') - sum(altered.filter(isRefund), '手续费');
    const summary: Record<string, string> = {
      总交易单数: String(altered.length), 应结订单总金额: yuan(settled), 退款总金额: yuan(refunded), 充值券退款总金额: '0.00',
      手续费总金额: fee5(feeNet), 订单总金额: yuan(sum(altered, '订单金额')), 申请退款总金额: yuan(sum(altered, '申请退款金额')),
    };
    lines.push(SUMMARY_HEADERS[billType].join(','));
    lines.push(SUMMARY_HEADERS[billType].map((h) => `\`${summary[h] ?? ''}`).join(','));
    return `${lines.join('\r\n')}\r\n`;
  }
}
