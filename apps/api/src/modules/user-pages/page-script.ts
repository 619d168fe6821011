/**
 * The pages' one script (plain ES2020, inline under the CSP nonce): signs in with the web authorisation code, starts
 * the session and renders its state from the consumer API. It builds every node with textContent: no HTML from data.
 */
export const PAGE_SCRIPT = String.raw`(function () {
'use strict';
var D = JSON.parse(document.getElementById('page-data').textContent);
var app = document.getElementById('app');
// the storyboard (issue 14, the 1.1 attachment) renders sample sessions with these same functions: no API, no timers, nothing kept
var board = D.view === 'storyboard';
var store = board ? { getItem: function () { return null; }, setItem: function () {}, removeItem: function () {} } : sessionStorage;
var KEY = 'zizhu.consumer.' + D.appid;
function h(tag, attrs) {
  var el = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) { if (attrs[k] !== null && attrs[k] !== undefined) el.setAttribute(k, attrs[k]); });
  for (var i = 2; i < arguments.length; i++) { var c = arguments[i]; if (c === null || c === undefined) continue; el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); }
  return el;
}
function yuan(fen) { return '¥' + (fen / 100).toFixed(2); }
function show() { app.textContent = ''; for (var i = 0; i < arguments.length; i++) if (arguments[i]) app.appendChild(arguments[i]); }
function fail(message) { show(h('div', { class: 'card', id: 'error' }, h('h1', {}, '出错了'), h('p', { class: 'error' }, message), h('a', { class: 'btn secondary', href: '/d/' + encodeURIComponent(D.code) }, '重新扫码'))); }
function api(method, path, body) {
  var headers = { accept: 'application/json' };
  var token = store.getItem(KEY);
  if (token) headers.authorization = 'Bearer ' + token;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) }).then(function (res) {
    return res.json().catch(function () { return {}; }).then(function (json) {
      if (!res.ok) { var e = new Error(json.detail || json.title || ('HTTP ' + res.status)); e.code = json.code; throw e; }
      return json;
    });
  });
}
var inWeChat = /MicroMessenger/i.test(navigator.userAgent);
var returnedKey = function (id) { return 'zizhu.returned.' + id; };

function signedIn() {
  var code = new URLSearchParams(location.search).get('code');
  if (!code) return fail('微信授权未完成，请重新扫码。');
  api('POST', '/v1/consumer/login', { appid: D.appid, code: code, grant: 'snsapi_base' }).then(function (t) {
    store.setItem(KEY, t.consumerToken);
    store.setItem(KEY + '.openid', t.openid);
    var body = { deviceCode: D.code };
    if (D.slot) body.slot = D.slot;
    return api('POST', '/v1/consumer/sessions', body);
  }).then(function (s) {
    location.replace('/d/' + encodeURIComponent(D.code) + '/s/' + encodeURIComponent(s.sessionId));
  }).catch(function (e) { fail(e.message); });
}

var timer = null;
var cancelling = false;
function poll() {
  api('GET', '/v1/consumer/sessions/' + encodeURIComponent(D.sessionId)).then(render).catch(function (e) { fail(e.message); });
}
function later() { if (board) return; clearTimeout(timer); timer = setTimeout(poll, 2000); }

function handOff(s) {
  var extra = s.businessView ? s.businessView.extraData : null;
  var go;
  if (inWeChat) {
    go = h('p', { class: 'muted' }, '在微信中，小程序此处调用 wx.openBusinessView({ businessType: "wxpayScoreUse", extraData })。');
  } else if (board || (D.simulator && extra && extra.package)) {
    var url = board ? null : D.simulator + '/sim/phone?package=' + encodeURIComponent(extra.package) + '&openid=' + encodeURIComponent(store.getItem(KEY + '.openid') || '');
    go = h('a', { class: 'btn primary', id: 'open-confirm', href: url, target: '_blank', rel: 'noopener' }, '前往微信支付分确认');
  } else {
    go = h('p', { class: 'muted' }, '正在创建支付分订单…');
    later();
  }
  var back = h('button', { class: 'btn secondary', id: 'confirmed', type: 'button' }, '我已完成确认');
  back.addEventListener('click', function () {
    store.setItem(returnedKey(s.sessionId), '1');
    api('POST', '/v1/consumer/sessions/' + encodeURIComponent(s.sessionId) + '/confirmed').then(render).catch(function (e) { fail(e.message); });
  });
  show(h('div', { class: 'card', id: 'hand-off' }, h('h1', {}, '确认支付分订单'), h('p', {}, '最多扣款 ' + yuan(s.riskFundFen) + '，按实际使用结算。'),
    h('p', { class: 'muted' }, '订单号 ' + s.outOrderNo)), h('div', { class: 'actions' }, go, back));
}

function assessmentFailed(s) {
  var cancel = h('button', { class: 'btn secondary', id: 'stop', type: 'button' }, '不使用了');
  cancel.addEventListener('click', function () {
    cancelling = true;
    api('POST', '/v1/consumer/sessions/' + encodeURIComponent(s.sessionId) + '/cancel').then(render).catch(function (e) { fail(e.message); });
  });
  var retry = h('a', { class: 'btn secondary', href: '/d/' + encodeURIComponent(D.code) }, '重新扫码');
  show(h('div', { class: 'card', id: 'assessment-failed' }, h('h1', {}, '暂时无法使用微信支付分'),
    h('p', {}, '微信支付分评估未通过，或订单没有确认。本次不会扣款。'),
    D.otherPaymentUrl ? h('p', {}, '你可以选择其他方式支付。') : h('p', {}, '本设备只支持微信支付分，请换用其他方式购买或联系工作人员。')),
  h('div', { class: 'actions' }, D.otherPaymentUrl ? h('a', { class: 'btn primary', id: 'other-payment', href: D.otherPaymentUrl }, '其他方式支付') : null, retry, cancel));
}

function lines(s) {
  return (s.lines || []).map(function (l) { return h('div', { class: 'row' }, h('span', {}, String(l.label || '')), h('span', {}, typeof l.amountFen === 'number' ? yuan(l.amountFen) : '')); });
}

function render(s) {
  clearTimeout(timer);
  if (s.state === 'AWAITING_CONFIRMATION') {
    // the cancellation of the Pay Score order is under way: wait for the session to follow
    if (cancelling) { show(h('div', { class: 'card', id: 'cancelling' }, h('h1', {}, '正在取消…'))); return later(); }
    if (store.getItem(returnedKey(s.sessionId))) return assessmentFailed(s);
    return handOff(s);
  }
  store.removeItem(returnedKey(s.sessionId));
  if (s.state === 'STARTING') { show(h('div', { class: 'card', id: 'starting' }, h('h1', {}, '设备启动中…'), h('p', { class: 'muted' }, '已确认订单，请稍候。'))); return later(); }
  if (s.state === 'IN_USE') {
    var ret = D.type === 'POWERBANK_CABINET'
      ? h('div', { class: 'card', id: 'return' }, h('h1', {}, '如何归还'), h('p', {}, '将充电宝插回本品牌任意机柜的空仓口，听到“咔嗒”声即归还成功，订单自动结束并扣款。'))
      : null;
    show(h('div', { class: 'card', id: 'in-use' }, h('h1', {}, '使用中'), h('div', { class: 'muted' }, '当前费用'), h('div', { class: 'big', id: 'running' }, yuan(s.runningFen || 0)),
      h('p', { class: 'muted' }, '费用每几秒刷新；最多 ' + yuan(s.riskFundFen) + '。')), ret);
    return later();
  }
  if (s.state === 'AWAITING_PAYMENT' || s.state === 'PAID') {
    var detail = inWeChat
      ? h('p', { class: 'muted' }, '在微信中，订单详情由 wx.openBusinessView({ businessType: "wxpayScoreDetail" }) 打开。')
      : board || D.simulator ? h('a', { class: 'btn secondary', id: 'order-detail', href: board ? null : D.simulator + '/sim/phone?out_order_no=' + encodeURIComponent(s.outOrderNo), target: '_blank', rel: 'noopener' }, '查看支付分订单详情') : null;
    var box = h('div', { class: 'card', id: 'lines' }, h('div', { class: 'muted' }, '费用明细'), lines(s).length ? null : h('p', { class: 'muted' }, '无费用'));
    lines(s).forEach(function (n) { box.appendChild(n); });
    show(h('div', { class: 'card', id: 'finished' }, h('h1', {}, s.state === 'PAID' ? '已完成，已支付' : '已完成，等待扣款'), h('div', { class: 'big', id: 'total' }, yuan(s.totalFen || 0))),
      box, h('div', { class: 'actions' }, detail));
    if (s.state === 'AWAITING_PAYMENT') later();
    return;
  }
  if (s.state === 'CANCELLED') {
    return show(h('div', { class: 'card', id: 'cancelled' }, h('h1', {}, '订单已取消'), h('p', {}, '本次没有扣款。'), s.cancelReason ? h('p', { class: 'muted' }, '原因：' + s.cancelReason) : null),
      h('div', { class: 'actions' }, h('a', { class: 'btn secondary', href: '/d/' + encodeURIComponent(D.code) }, '重新扫码')));
  }
  fail('未知的订单状态 ' + s.state);
}

if (board) {
  // each frame's sample session through the renderer the live page would use for it
  D.frames.forEach(function (f) {
    app = document.querySelector('[data-frame="' + f.key + '"] .app');
    if (!app) return;
    if (f.key === 'hand-off') handOff(f.session);
    else if (f.key === 'assessment-failed') assessmentFailed(f.session);
    else render(f.session);
  });
  var print = document.getElementById('print');
  if (print) print.addEventListener('click', function () { window.print(); });
  // the console shows the board in a sandboxed frame (an opaque origin: it cannot call this window's print()); its
  // print button asks by message instead. Only the parent may ask, and only to print.
  window.addEventListener('message', function (e) { if (e.source === window.parent && e.source !== window && e.data && e.data.type === 'zizhu.storyboard.print') window.print(); });
} else if (D.view === 'signed-in') signedIn();
else if (D.view === 'session') { if (!store.getItem(KEY)) fail('登录已失效，请重新扫码。'); else poll(); }
})();`;
