import type { AppConfig } from '../../config/app-config.js';
import { DEMO_DEVICES, DEMO_LOGINS, DEMO_PASSWORD } from '../demo/demo-data.js';

/**
 * Demo logins and their published password are shown only on a laptop-style run: the embedded
 * database, the demo seeded (SEED_DEMO) and the loopback Pay Score simulator, never with a database
 * server or real WeChat.
 */
export function showsDemoLogins(config: AppConfig): boolean {
  return config.database.kind === 'embedded' && config.seedDemo && config.payscore.simulated;
}

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The whole page, built once at boot from the configuration. */
export function landingPage(config: AppConfig): string {
  const simulator = config.payscore.simulated ? config.payscore.apiBaseUrl : null;
  const base = config.payscore.publicBaseUrl;
  const links = [
    `<li><a href="/docs">API documentation</a> (OpenAPI UI; the document itself: <a href="/docs/openapi.json">/docs/openapi.json</a>)</li>`,
    `<li><a href="/health/ready">/health/ready</a>: the API and its database answer</li>`,
    ...(simulator
      ? [
          `<li><a href="${escape(simulator)}/sim/phone">the user’s phone</a> (Pay Score simulator): confirm an order there with the openid the mini-program logged in with typed into 模拟用户 openid</li>`,
        ]
      : []),
  ];
  const demo = showsDemoLogins(config)
    ? `<h2>Demo logins</h2>
<p>Password <code>${escape(DEMO_PASSWORD)}</code> for all; sign in with <code>POST /v1/auth/login {"login", "password"}</code>.</p>
<table>
<tr><th>login</th><th>who</th></tr>
${DEMO_LOGINS.map((l) => `<tr><td><code>${escape(l.email)}</code></td><td>${escape(l.who)}</td></tr>`).join('\n')}
</table>
<h2>Demo devices</h2>
<p>${DEMO_DEVICES.map((d) => `<code>${escape(d.code)}</code> ${escape(d.type.toLowerCase().replaceAll('_', ' '))}`).join(', ')}; <code>npm run fleet-sim</code> plays them.</p>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>zizhu 自助</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}code,pre{background:#f4f4f4;border-radius:3px}pre{padding:.75rem;overflow:auto}td,th{text-align:left;padding:.15rem .75rem .15rem 0}</style>
</head>
<body>
<h1>zizhu 自助</h1>
<p>The open platform on which operators of self-service devices run their fleet and charge their users through WeChat Pay Score.</p>
<ul>
${links.join('\n')}
</ul>
<h2>The merchant console</h2>
<p>It is not built in this checkout, so this page stands in for it at <code>/</code>. <code>npm start</code> builds it before starting the API
(or run <code>npx nx run console:build</code>, which writes <code>apps/console/dist</code>, then restart the API); <code>npm run console:dev</code>
runs it with hot reload against this API.</p>
${demo}
<h2>A session by hand</h2>
<p>The whole walk-through is <em>A session by hand</em> in the repository’s <code>README.md</code>${simulator ? ` (with <code>npm run fleet-sim</code> playing the devices):</p>
<pre>T=$(curl -s ${escape(base)}/v1/consumer/login -H 'content-type: application/json' \\
    -d '{"appid":"wxd0000000000demo","code":"test:alice"}' | jq -r .consumerToken)
curl -s ${escape(base)}/v1/consumer/sessions -H "authorization: Bearer $T" \\
    -H 'content-type: application/json' -d '{"deviceCode":"FR-0001"}'
# then on the phone page: the order, 模拟用户 openid = alice, 确认订单</pre>` : '.</p>'}
</body>
</html>
`;
}
