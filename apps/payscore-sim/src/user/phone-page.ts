// GET /sim/phone: a phone-sized imitation of the Pay Score confirmation page (plain HTML + JS),
// so a person can walk the user's side of the flow in a browser.
import { type OrderRecord, riskFundLabel } from '../orders/order-model.js';
import { yuan } from '../bills/trade-bill.js';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The Pay Score mark: a green rounded square with a stylised score gauge ("分"). */
export const PAYSCORE_LOGO_SVG =
  '<svg class="logo" role="img" aria-label="微信支付分" width="56" height="56" viewBox="0 0 56 56" xmlns="http://www.w3.org/2000/svg">' +
  '<rect width="56" height="56" rx="14" fill="#07C160"/>' +
  '<path d="M12 36a16 16 0 0 1 32 0" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round"/>' +
  '<path d="M28 36l8-10" stroke="#fff" stroke-width="4" stroke-linecap="round"/>' +
  '<text x="28" y="50" font-size="10" text-anchor="middle" fill="#fff" font-family="sans-serif">支付分</text></svg>';

const STYLE = `
*{box-sizing:border-box}body{margin:0;background:#ededed;font-family:-apple-system,"PingFang SC","Helvetica Neue",sans-serif;color:#111}
.phone{max-width:390px;min-height:100vh;margin:0 auto;background:#f7f7f7;display:flex;flex-direction:column}
.bar{background:#fff;padding:14px 16px;text-align:center;font-weight:600;border-bottom:1px solid #e5e5e5}
.hero{background:#fff;padding:24px 16px 16px;text-align:center}.hero h1{font-size:20px;margin:12px 0 4px}
.threshold{color:#07C160;font-size:13px;margin:6px 0 0}.card{background:#fff;margin:12px;border-radius:10px;padding:14px 16px}
.row{display:flex;justify-content:space-between;padding:6px 0;font-size:15px}.muted{color:#888;font-size:13px}
.fund{font-size:22px;font-weight:600}.actions{margin-top:auto;padding:16px;background:#fff}
button{width:100%;padding:13px;border:0;border-radius:8px;font-size:17px;margin-top:8px}
.confirm{background:#07C160;color:#fff}.refuse{background:#f2f2f2;color:#111}label{font-size:13px;color:#888}
input{width:100%;padding:8px;margin:4px 0 4px;border:1px solid #ddd;border-radius:6px}#result{font-size:14px;margin-top:8px;min-height:1em}
a{color:#576b95}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head><body><div class="phone">${body}</div></body></html>`;
}

export function renderOrderList(orders: readonly OrderRecord[]): string {
  const waiting = orders.filter((o) => o.state === 'CREATED' && !o.packageUsed);
  const items = waiting.length
    ? waiting
        .map((o) => `<div class="row"><a href="/sim/phone?out_order_no=${encodeURIComponent(o.outOrderNo)}&amp;mchid=${encodeURIComponent(o.mchid)}">${esc(o.serviceIntroduction)} · ${esc(o.outOrderNo)}</a><span class="muted">${esc(o.mchid)}</span></div>`)
        .join('')
    : '<p class="muted">没有待确认的订单。商户创建订单后刷新本页。</p>';
  return page('微信支付分', `<div class="bar">微信支付分</div><div class="hero">${PAYSCORE_LOGO_SVG}<h1>待确认的服务订单</h1></div><div class="card">${items}</div>`);
}

export function renderConfirmPage(order: OrderRecord): string {
  const payments = order.postPayments.length
    ? order.postPayments
        .map(
          (p) =>
            `<div class="row"><span>${esc(p.name)}${p.count && p.count > 1 ? ` ×${p.count}` : ''}</span><span>${esc(p.description ?? '')}${p.amount !== undefined ? ` ${yuan(p.amount)}元` : ''}</span></div>`,
        )
        .join('')
    : '<div class="row muted">按实际使用计费</div>';
  const discounts = (order.postDiscounts ?? [])
    .map((d) => `<div class="row"><span>${esc(d.name)}</span><span>${esc(d.description)}${d.amount !== undefined ? ` -${yuan(d.amount)}元` : ''}</span></div>`)
    .join('');
  const waived = order.mode === 'DEPOSIT_WAIVED';
  const pending = order.state === 'CREATED' && !order.packageUsed;
  const status = pending ? '' : `<p class="muted" id="status">订单状态：${esc(order.state)}${order.stateDescription ? ` / ${esc(order.stateDescription)}` : ''}${order.packageUsed && order.state === 'CREATED' ? '（页面已打开过，package已失效）' : ''}</p>`;
  const data = JSON.stringify({ outOrderNo: order.outOrderNo, mchid: order.mchid }).replace(/</g, '\\u003c');
  const body = `<div class="bar">微信支付分</div>
<div class="hero">${PAYSCORE_LOGO_SVG}<h1>${esc(order.serviceIntroduction)}</h1>
<p class="threshold">微信支付分 550分及以上${waived ? '可免押金' : '可先享后付'}</p></div>
<div class="card"><div class="row"><span>${waived ? '免' : ''}${esc(riskFundLabel(order.riskFund.name))}</span><span class="fund">¥${yuan(order.riskFund.amount)}</span></div>
${order.riskFund.description ? `<div class="muted">${esc(order.riskFund.description)}</div>` : ''}</div>
<div class="card"><div class="muted">收费说明</div>${payments}${discounts}</div>
<div class="card"><div class="row"><span class="muted">服务订单号</span><span class="muted">${esc(order.outOrderNo)}</span></div>
<div class="row"><span class="muted">商户号</span><span class="muted">${esc(order.mchid)}</span></div></div>
<div class="actions">${status}
<label for="openid">你的 openid（小程序登录时 wx.login 的 code 为 test:&lt;openid&gt;；只有订单的用户能确认）</label><input id="openid" value="${esc(order.viewerOpenid ?? '')}" placeholder="例如 alice">
<button class="confirm" id="confirm"${pending ? '' : ' disabled'}>确认订单</button>
<button class="refuse" id="refuse"${pending ? '' : ' disabled'}>暂不使用</button>
<button class="refuse" id="assessment"${pending ? '' : ' disabled'}>模拟：支付分评估未通过</button>
<div id="result"></div></div>
<script>
const ORDER = ${data};
async function act(outcome) {
  const openid = document.getElementById('openid').value;
  const res = await fetch('/sim/orders/' + encodeURIComponent(ORDER.outOrderNo) + '/confirm', {
    method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({ openid, outcome, mchid: ORDER.mchid })
  });
  const json = await res.json();
  document.getElementById('result').textContent = res.ok
    && outcome !== 'assessment-failed' ? (outcome === 'confirm' ? '已确认，可以返回商户小程序（query_id: ' + json.query_id + '）' : '已取消，订单未确认')
    : res.ok && outcome === 'assessment-failed' ? '支付分评估未通过，订单未确认' : ('失败：' + (json.message || res.status));
  document.getElementById('confirm').disabled = true;
  document.getElementById('refuse').disabled = true;
  document.getElementById('assessment').disabled = true;
}
document.getElementById('confirm').addEventListener('click', () => act('confirm'));
document.getElementById('refuse').addEventListener('click', () => act('refuse'));
document.getElementById('assessment').addEventListener('click', () => act('assessment-failed'));
</script>`;
  return page(`${order.serviceIntroduction} - 微信支付分`, body);
}
