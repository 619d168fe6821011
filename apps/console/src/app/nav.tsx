import type { ReactNode } from 'react';
import {
  AccountBookOutlined,
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DollarOutlined,
  EnvironmentOutlined,
  HddOutlined,
  ProfileOutlined,
  TagsOutlined,
} from '@ant-design/icons';
import type { Permission } from '@/lib/access';

export interface NavItem {
  readonly to: string;
  readonly label: string;
  readonly icon: ReactNode;
  readonly permission: Permission;
}

/** The menu, in the order an operator's day goes; filtered through the access map. */
export const NAV: readonly NavItem[] = [
  { to: '/', label: 'nav.overview', icon: <DashboardOutlined />, permission: 'overview.read' },
  { to: '/sessions', label: 'nav.sessions', icon: <ProfileOutlined />, permission: 'sessions.read' },
  { to: '/receivables', label: 'nav.receivables', icon: <DollarOutlined />, permission: 'money.read' },
  { to: '/settlement', label: 'nav.settlement', icon: <AccountBookOutlined />, permission: 'settlement.read' },
  { to: '/devices', label: 'nav.devices', icon: <HddOutlined />, permission: 'devices.read' },
  { to: '/sites', label: 'nav.sites', icon: <EnvironmentOutlined />, permission: 'sites.read' },
  { to: '/plans', label: 'nav.plans', icon: <TagsOutlined />, permission: 'plans.read' },
  { to: '/alerts', label: 'nav.alerts', icon: <AlertOutlined />, permission: 'alerts.read' },
  { to: '/merchant-accounts', label: 'nav.merchantAccounts', icon: <BankOutlined />, permission: 'merchantAccounts.read' },
  { to: '/organizations', label: 'nav.organizations', icon: <ClusterOutlined />, permission: 'organizations.read' },
  { to: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
];

/** The menu entry a path belongs to (the longest prefix). */
export function navKeyFor(pathname: string): string {
  const match = NAV.filter((item) => (item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`)));
  return match.sort((a, b) => b.to.length - a.to.length)[0]?.to ?? '/';
}
