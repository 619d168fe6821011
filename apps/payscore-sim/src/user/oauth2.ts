// The official-account web authorisation (网页授权, scope snsapi_base), answered offline like jscode2session:
// GET /connect/oauth2/authorize asks which WeChat user is browsing (WeChat knows it; the simulator asks), then
// redirects to redirect_uri with `code=test:<openid>`; GET /sns/oauth2/access_token exchanges that code.
const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const OPENID = /^[A-Za-z0-9_-]{1,128}$/;

export type AuthorizeAnswer = { redirect: string } | { status: number; html: string };

export function authorize(query: Record<string, string | undefined>): AuthorizeAnswer {
  const { appid, redirect_uri: redirectUri, scope, state } = query;
  if (!appid || !redirectUri) return { status: 400, html: page('<p>appid 或 redirect_uri 参数错误</p>') };
  if (scope !== 'snsapi_base' && scope !== 'snsapi_userinfo') return { status: 400, html: page('<p>scope 参数错误</p>') };
  let target: URL;
  try {
    target = new URL(redirectUri);
  } catch {
    return { status: 400, html: page('<p>redirect_uri 参数错误</p>') };
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return { status: 400, html: page('<p>redirect_uri 参数错误</p>') };
  const openid = query['sim_openid'];
  if (openid !== undefined && OPENID.test(openid)) {
    target.searchParams.set('code', `test:${openid}`);
    if (state !== undefined) target.searchParams.set('state', state);
    return { redirect: target.toString() };
  }
  const hidden = Object.entries({ appid, redirect_uri: redirectUri, response_type: 'code', scope, ...(state !== undefined ? { state } : {}) })
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('');
  return {
    status: 200,
    html: page(`<h1>模拟微信网页授权</h1><p class="muted">在微信里这一步无需用户操作（snsapi_base 静默授权）。模拟器不知道是哪位用户在浏览，请填写其 openid。</p>
<form method="get" action="/connect/oauth2/authorize">${hidden}<label for="sim_openid">模拟用户 openid</label>
<input id="sim_openid" name="sim_openid" required pattern="[A-Za-z0-9_\\-]{1,128}" placeholder="例如 alice"><button type="submit">授权并返回</button></form>`),
  };
}

export function oauth2AccessToken(query: Record<string, string | undefined>): Record<string, unknown> {
  if (!query['appid']) return { errcode: 41002, errmsg: 'appid missing' };
  const code = query['code'];
  if (!code) return { errcode: 41008, errmsg: 'missing code' };
  if (query['grant_type'] !== 'authorization_code') return { errcode: 40002, errmsg: 'invalid grant_type' };
  const m = /^test:([A-Za-z0-9_-]{1,128})$/.exec(code);
  if (!m || !m[1]) return { errcode: 40029, errmsg: 'invalid code' };
  return { access_token: `sim-web-${m[1]}`, expires_in: 7200, refresh_token: `sim-refresh-${m[1]}`, openid: m[1], scope: 'snsapi_base' };
}

function page(body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>微信授权</title>
<style>body{margin:0 auto;max-width:390px;padding:16px;font-family:-apple-system,"PingFang SC",sans-serif}.muted{color:#888;font-size:13px}
input{width:100%;padding:8px;margin:6px 0;border:1px solid #ddd;border-radius:6px;box-sizing:border-box}button{width:100%;padding:12px;border:0;border-radius:8px;background:#07C160;color:#fff;font-size:17px}</style>
</head><body>${body}</body></html>`;
}
