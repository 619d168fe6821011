import { redirect } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { can, type Permission } from '@/lib/access';
import { meQuery } from '@/lib/me';

/** A route's `beforeLoad`: logins without `permission` land on the overview instead (default deny). */
export function requirePermission(permission: Permission) {
  return async ({ context }: { context: { queryClient: QueryClient } }) => {
    const me = await context.queryClient.ensureQueryData(meQuery());
    if (!can(me, permission)) throw redirect({ to: '/', search: { denied: permission } });
  };
}

/** Only a path of this console may be a post-login destination (never another origin). */
export function safeRedirect(target: string | undefined): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/login')) return '/';
  return target;
}
