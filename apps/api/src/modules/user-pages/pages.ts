import { PAGE_SCRIPT } from './page-script.js';

export const esc = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The accent colour as CSS: only `#rgb` / `#rrggbb` reaches the style element (checked again here, not only on the way in). */
const safeColor = (color: string): string => (/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(color) ? color : '#07C160');

/** JSON inside a `<script type="application/json">`: nothing in it can close the element. */
const jsonData = (data: unknown): string => JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

/**
 * STAND-IN for the official Pay Score logo (微信支付分 logo from the WeChat Pay brand kit, 品牌资源 in the
 * merchant platform): a plain mark labelled 示意 so nobody mistakes it for the real asset. README.md says what replaces it.
 */
const LOGO_STANDIN =
  '<span class="logo" data-standin="payscore-logo" title="占位图：替换为微信支付分官方 logo">' +
  '<svg role="img" aria-label="微信支付分（占位 logo）" width="28" height="28" viewBox="0 0 28 28" xmlns="http://www.w3.org/2000/svg">' +
  '<rect width="28" height="28" rx="7" fill="#07C160"/><path d="M7 18a7 7 0 0 1 14 0" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round"/></svg>' +
  '<small>示意</small></span>';

const STYLE = `*{box-sizing:border-box}body{margin:0;background:#ededed;font:16px/1.5 -apple-system,"PingFang SC","Helvetica Neue",sans-serif;color:#111}
.phone{max-width:390px;min-height:100vh;margin:0 auto;background:#f7f7f7;display:flex;flex-direction:column}
.bar{background:var(--brand);color:#fff;padding:12px 16px;font-weight:600}.card{background:#fff;margin:12px;border-radius:10px;padding:14px 16px}
h1{font-size:20px;margin:0 0 4px}.muted{color:#888;font-size:13px}.rule{font-size:15px}
.payscore{display:flex;align-items:center;gap:8px;font-size:14px;color:#333}.logo{display:inline-flex;flex-direction:column;align-items:center;border:1px dashed #f0a020;padding:1px}
.logo small{font-size:9px;color:#f0a020;line-height:1}.actions{margin-top:auto;padding:16px;background:#fff}
.btn{display:block;width:100%;padding:13px;border:0;border-radius:8px;font-size:17px;margin-top:8px;text-align:center;text-decoration:none}
.primary{background:var(--brand);color:#fff}.secondary{background:#f2f2f2;color:#111}.big{font-size:32px;font-weight:600}
.row{display:flex;justify-content:space-between;padding:4px 0}.error{color:#c0392b}[hidden]{display:none!important}
.footer{padding:10px 16px 16px;text-align:center;font-size:13px;color:#888;background:#fff}.footer a{color:var(--brand)}`;

/** The footer with the customer-service phone (客服电话: WeChat's review expects a contact), when one is set. */
export function serviceFooter(phone: string | null): string {
  if (!phone) return '';
  return `<footer class="footer" id="service">客服电话 <a href="tel:${esc(phone)}">${esc(phone)}</a></footer>`;
}

/** One phone screen: the branded title bar, the body, the customer-service footer. The live pages and the storyboard frames alike. */
export function phoneScreen(opts: { brand: string; body: string; phone?: string | null }): string {
  return `<div class="phone"><div class="bar">${esc(opts.brand)}</div>${opts.body}${serviceFooter(opts.phone ?? null)}</div>`;
}

const head = (title: string, color: string, nonce: string, extraStyle = '', policy = ''): string =>
  `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">${policy}<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style nonce="${nonce}">:root{--brand:${safeColor(color)}}${STYLE}${extraStyle}</style></head>`;

const script = (data: unknown, nonce: string): string =>
  `<script type="application/json" id="page-data">${jsonData(data)}</script><script nonce="${nonce}">${PAGE_SCRIPT}</script>`;

export function page(opts: { title: string; brand: string; color: string; body: string; nonce: string; phone?: string | null; data?: unknown }): string {
  const data = opts.data === undefined ? '' : script(opts.data, opts.nonce);
  return `${head(opts.title, opts.color, opts.nonce)}
<body>${phoneScreen(opts)}${data}</body></html>
`;
}

/** One numbered frame of the storyboard: a state of the flow, its caption, and its body (server-rendered, or filled by PAGE_SCRIPT). */
export interface StoryboardFrame {
  readonly key: string;
  readonly title: string;
  readonly caption: string;
  readonly body: string;
}

const BOARD_STYLE = `body{background:#fff}.sheet{padding:16px 20px}.sheet h1{font-size:20px;margin:0 0 2px}.sheet .lead{color:#555;font-size:13px;margin:0 0 12px}
.board{display:flex;gap:16px;align-items:flex-start}.frame{flex:0 0 390px;width:390px}.frame .phone{min-height:0;height:760px;margin:0;overflow:hidden;border:1px solid #ccc;border-radius:18px}
.frame figcaption{font-size:13px;color:#333;padding:8px 2px 0}.frame figcaption b{display:block;font-size:15px;margin-bottom:2px}.num{display:inline-block;min-width:22px;height:22px;border-radius:11px;background:var(--brand);color:#fff;text-align:center;margin-right:6px;font-size:13px;line-height:22px}
figure{margin:0}.tools{padding:12px 20px 0}.tools button{padding:6px 14px;font-size:14px}.notes{font-size:12px;color:#666;margin:12px 0 0;padding-left:18px}
@page{size:A3 landscape;margin:8mm}@media print{.tools{display:none}.sheet{padding:0}.board{zoom:0.6}.frame .phone{break-inside:avoid}}`;

/**
 * The storyboard's Content-Security-Policy, the one its answer sends as a header too: scripts and styles only with the
 * page's nonce, nothing loaded but its own data: images, no base, no form. Also put in the page itself (`storyboardCspMeta`)
 * because the page lives on without the header — in the console's `srcdoc` frame, as a saved HTML file.
 */
export const storyboardCsp = (nonce: string): string =>
  `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src 'self' data:; base-uri 'none'; form-action 'none'`;

/** The policy as the page's first head element after the charset (a meta policy covers only what follows it; it cannot carry frame-ancestors). */
const storyboardCspMeta = (nonce: string): string => `<meta http-equiv="Content-Security-Policy" content="${esc(storyboardCsp(nonce))}">`;

/**
 * The printable storyboard of the user's flow (issue 14, the 1.1 attachment "交互流程图"): every state side by side at
 * 390 px, numbered, each frame one `phoneScreen` — the scan page by `scanBody`, the session states by PAGE_SCRIPT's own
 * renderers from sample sessions in `data.frames` — so what it shows is what the live pages show.
 */
export function storyboardPage(opts: { title: string; lead: string; brand: string; color: string; phone: string | null; frames: readonly StoryboardFrame[]; notes: readonly string[]; nonce: string; data: unknown }): string {
  const frames = opts.frames
    .map(
      (f, i) =>
        `<figure class="frame" data-frame="${esc(f.key)}"><div inert>${phoneScreen({ brand: opts.brand, body: f.body, phone: opts.phone })}</div>` +
        `<figcaption><b><span class="num">${i + 1}</span>${esc(f.title)}</b>${esc(f.caption)}</figcaption></figure>`,
    )
    .join('');
  return `${head(opts.title, opts.color, opts.nonce, BOARD_STYLE, storyboardCspMeta(opts.nonce))}
<body><div class="tools"><button type="button" id="print">打印 / 另存为 PDF</button></div>
<main class="sheet"><h1>${esc(opts.title)}</h1><p class="lead">${esc(opts.lead)}</p>
<div class="board" id="board">${frames}</div><ul class="notes">${opts.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul></main>${script(opts.data, opts.nonce)}</body></html>
`;
}

/** Where PAGE_SCRIPT renders a session state: the live page's `#app`, or a storyboard frame's `.app`. */
export function appBody(): string {
  return `<div id="app"><div class="card"><p class="muted" id="loading">加载中…</p></div></div>`;
}

/** A storyboard frame's body, filled by PAGE_SCRIPT with the frame's sample session. */
export const frameBody = (): string => `<div class="app"></div>`;

export interface ScanView {
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly rule: string | null;
  readonly depositWaived: boolean;
  readonly slots: number | null;
}

const TYPE_ZH: Record<string, string> = { FRIDGE: '自助售货柜', POWERBANK_CABINET: '充电宝柜', EV_CHARGER: '充电桩', WATER_VALVE: '饮水机' };

/** The device's scan page: what it is, the price rule in plain words, the Pay Score line of the design rules. */
export function scanBody(view: ScanView, available: boolean): string {
  const payscoreLine = `微信支付分 | 550分及以上 ${view.depositWaived ? '免押金' : '先享后付'}`;
  const slot = view.slots ? `<label class="muted" for="slot">取哪个仓口（1–${view.slots}）</label><input id="slot" name="slot" type="number" min="1" max="${view.slots}" value="1">` : '';
  return `<div class="card"><div class="muted">${esc(TYPE_ZH[view.type] ?? view.type)} · ${esc(view.code)}</div><h1>${esc(view.name)}</h1></div>
<div class="card"><div class="muted">收费规则</div><p class="rule" id="rule">${view.rule ? esc(view.rule) : '该设备暂未设置收费规则'}</p></div>
<div class="card payscore" id="payscore">${LOGO_STANDIN}<span>${esc(payscoreLine)}</span></div>
<form class="actions" method="get" action="/d/${encodeURIComponent(view.code)}/signin">${slot}
${available ? `<button class="btn primary" type="submit" id="start">${view.depositWaived ? '免押金使用' : '先用后付 立即使用'}</button>` : '<p class="error">该设备暂不可用</p>'}
<p class="muted">使用即同意由微信支付分按实际使用结算；结束后自动扣款。</p></form>`;
}

export function notFoundBody(code: string): string {
  return `<div class="card" id="not-found"><h1>找不到这台设备</h1><p>二维码中的设备编号 <code>${esc(code)}</code> 不存在或已停用。请换一台设备扫码，或联系场地工作人员。</p></div>`;
}

