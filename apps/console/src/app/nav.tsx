import type { ComponentType, ReactNode } from 'react';
import {
  AccountBookOutlined,
  AlertOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  ClusterOutlined,
  CommentOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  DollarOutlined,
  EnvironmentOutlined,
  HddOutlined,
  InboxOutlined,
  ProfileOutlined,
  ReconciliationOutlined,
  RocketOutlined,
  TagsOutlined,
  ThunderboltOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { PendingComplaintsBadge } from '@/features/complaints/components/pending-badge';
import type { Permission } from '@/lib/access';

export interface NavItem {
  readonly to: string;
  readonly label: string;
  readonly icon: ReactNode;
  readonly permission: Permission;
  /** A count shown next to the label (polled by the badge itself). */
  readonly badge?: ComponentType;
}

/** The menu, in the order an operator's day goes; filtered through the access map. */
export const NAV: readonly NavItem[] = [
  { to: '/', label: 'nav.overview', icon: <DashboardOutlined />, permission: 'overview.read' },
  { to: '/sessions', label: 'nav.sessions', icon: <ProfileOutlined />, permission: 'sessions.read' },
  { to: '/support', label: 'nav.support', icon: <CustomerServiceOutlined />, permission: 'support.search' },
  { to: '/complaints', label: 'nav.complaints', icon: <CommentOutlined />, permission: 'complaints.read', badge: PendingComplaintsBadge },
  { to: '/receivables', label: 'nav.receivables', icon: <DollarOutlined />, permission: 'money.read' },
  { to: '/settlement', label: 'nav.settlement', icon: <AccountBookOutlined />, permission: 'settlement.read' },
  { to: '/reconciliation', label: 'nav.reconciliation', icon: <ReconciliationOutlined />, permission: 'reconciliations.read' },
  { to: '/devices', label: 'nav.devices', icon: <HddOutlined />, permission: 'devices.read' },
  { to: '/power-banks', label: 'nav.powerBanks', icon: <ThunderboltOutlined />, permission: 'devices.read' },
  { to: '/stock', label: 'nav.stock', icon: <InboxOutlined />, permission: 'stock.read' },
  { to: '/sites', label: 'nav.sites', icon: <EnvironmentOutlined />, permission: 'sites.read' },
  { to: '/maintenance', label: 'nav.maintenance', icon: <ToolOutlined />, permission: 'maintenance.read' },
  { to: '/plans', label: 'nav.plans', icon: <TagsOutlined />, permission: 'plans.read' },
  { to: '/alerts', label: 'nav.alerts', icon: <AlertOutlined />, permission: 'alerts.read' },
  { to: '/merchant-accounts', label: 'nav.merchantAccounts', icon: <BankOutlined />, permission: 'merchantAccounts.read' },
  { to: '/onboarding', label: 'nav.onboarding', icon: <RocketOutlined />, permission: 'onboarding.read' },
  { to: '/organizations', label: 'nav.organizations', icon: <ClusterOutlined />, permission: 'organizations.read' },
  { to: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { to: '/integrations', label: 'nav.integrations', icon: <ApiOutlined />, permission: 'integrations.manage' },
];

/** The menu entry a path belongs to (the longest prefix). */
export function navKeyFor(pathname: string): string {
  const match = NAV.filter((item) => (item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`)));
  return match.sort((a, b) => b.to.length - a.to.length)[0]?.to ?? '/';
}
