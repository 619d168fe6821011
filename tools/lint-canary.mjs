// The boundary rules are only worth something if they still fire: lint a file that breaks them on
// purpose and fail when ESLint lets it through.
import { execFileSync } from 'node:child_process';

const canary = 'libs/kernel/lint-canary/kernel-imports-another-lib.ts';
let output = '';
try {
  output = execFileSync('npx', ['eslint', '--no-ignore', '--format', 'json', canary], { encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } });
} catch (error) {
  output = error.stdout ?? '';
}
const results = JSON.parse(output || '[]');
const rules = new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)));
const messages = results.flatMap((r) => r.messages.map((m) => m.message));
const expected = ['@nx/enforce-module-boundaries'];
const missing = expected.filter((rule) => !rules.has(rule));
const bannedNest = messages.some((m) => m.includes('@nestjs/common'));
const crossLib = messages.some((m) => m.includes('lib:kernel') || m.includes('@zizhu/pricing') || m.includes('tags'));
if (missing.length > 0 || !bannedNest || !crossLib) {
  console.error(`lint canary: ${canary} should break the module boundaries but ESLint reported:\n${messages.join('\n') || '(nothing)'}`);
  process.exit(1);
}
console.log(`lint canary: boundaries enforced (${messages.length} violations reported as expected)`);

// the console's own rules: a feature importing another feature or the app shell, and literal UI text
const consoleCanary = 'apps/console/src/features/lint-canary/pages/breaks-the-console-rules.tsx';
let consoleOutput = '';
try {
  consoleOutput = execFileSync('npx', ['eslint', '--no-ignore', '--format', 'json', consoleCanary], { encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } });
} catch (error) {
  consoleOutput = error.stdout ?? '';
}
const consoleMessages = JSON.parse(consoleOutput || '[]').flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
const wanted = [
  (m) => m.startsWith('no-restricted-imports') && m.includes('never imports another feature'),
  (m) => m.startsWith('no-restricted-imports') && m.includes('app shell'),
  (m) => m.startsWith('zizhu/no-literal-ui-text') && m.includes('JSX') === false && m.includes('i18n key'),
  (m) => m.startsWith('zizhu/no-literal-ui-text') && m.includes('title text'),
];
if (!wanted.every((test) => consoleMessages.some(test))) {
  console.error(`lint canary: ${consoleCanary} should break the console's rules but ESLint reported:\n${consoleMessages.join('\n') || '(nothing)'}`);
  process.exit(1);
}
console.log(`lint canary: console rules enforced (${consoleMessages.length} violations reported as expected)`);
