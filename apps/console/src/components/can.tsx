import type { ReactNode } from 'react';
import type { Permission } from '@/lib/access';
import { useCan } from '@/lib/me';

/** Shows its children only to logins the access map grants `permission` (the API still enforces it). */
export function Can({ permission, children, fallback = null }: { permission: Permission; children: ReactNode; fallback?: ReactNode }) {
  return <>{useCan(permission) ? children : fallback}</>;
}
