// Lint canary (never imported, ignored by normal lint): it breaks the console's rules on purpose and
// tools/lint-canary.mjs fails when ESLint stops reporting them.
import { LoginPage } from '@/features/auth/pages/login-page';
import { Shell } from '@/app/shell';

export function BreaksTheRules() {
  return (
    <Shell>
      <h1 title="设备列表">Devices</h1>
      <LoginPage expired={false} onSignedIn={() => undefined} />
    </Shell>
  );
}
