import type { OperatingModel, OrganizationKind } from '../organizations/organization.entity.js';
import type { Role } from '../identity/user.entity.js';

/** The demo's fixed ids and known logins (contracts.md §2), so people and scripts can rely on them. */
export const DEMO_PASSWORD = 'zizhu-demo';

interface DemoOrg {
  id: string;
  parentId: string | null;
  kind: OrganizationKind;
  operatingModel: OperatingModel | null;
  name: string;
}

export const DEMO_ORGS = {
  platform: { id: '00000000-0000-4000-8000-000000000001', parentId: null, kind: 'PLATFORM', operatingModel: null, name: 'zizhu 平台' },
  powerbank: { id: '00000000-0000-4000-8000-000000000010', parentId: '00000000-0000-4000-8000-000000000001', kind: 'OPERATOR', operatingModel: 'SELF_RUN', name: '小电共享充电宝（自营）' },
  fridge: { id: '00000000-0000-4000-8000-000000000020', parentId: '00000000-0000-4000-8000-000000000001', kind: 'OPERATOR', operatingModel: 'FRANCHISE', name: '鲜柜智能冰柜（加盟）' },
  fridgeF1: { id: '00000000-0000-4000-8000-000000000021', parentId: '00000000-0000-4000-8000-000000000020', kind: 'FRANCHISEE', operatingModel: null, name: '鲜柜 西湖加盟店' },
  fridgeF2: { id: '00000000-0000-4000-8000-000000000022', parentId: '00000000-0000-4000-8000-000000000020', kind: 'FRANCHISEE', operatingModel: null, name: '鲜柜 滨江加盟店' },
  vendor: { id: '00000000-0000-4000-8000-000000000030', parentId: '00000000-0000-4000-8000-000000000001', kind: 'OPERATOR', operatingModel: 'HARDWARE_SALE', name: '智桩科技（硬件售卖）' },
  vendorC1: { id: '00000000-0000-4000-8000-000000000031', parentId: '00000000-0000-4000-8000-000000000030', kind: 'CUSTOMER', operatingModel: null, name: '城东充电站（客户）' },
  vendorC2: { id: '00000000-0000-4000-8000-000000000032', parentId: '00000000-0000-4000-8000-000000000030', kind: 'CUSTOMER', operatingModel: null, name: '大学城净水（客户）' },
} as const satisfies Record<string, DemoOrg>;

export const DEMO_LOGINS: readonly { email: string; org: keyof typeof DEMO_ORGS; role: Role; displayName: string; who: string }[] = [
  { email: 'admin@zizhu.demo', org: 'platform', role: 'PLATFORM_ADMIN', displayName: '平台管理员', who: 'platform admin' },
  { email: 'ops@powerbank.demo', org: 'powerbank', role: 'OPERATOR_ADMIN', displayName: '充电宝运营', who: 'self-run power-bank brand admin' },
  { email: 'ops@fridge.demo', org: 'fridge', role: 'OPERATOR_ADMIN', displayName: '冰柜品牌运营', who: 'franchise fridge brand admin' },
  { email: 'f1@fridge.demo', org: 'fridgeF1', role: 'FRANCHISEE_ADMIN', displayName: '西湖店长', who: 'franchisee 1 admin' },
  { email: 'f2@fridge.demo', org: 'fridgeF2', role: 'FRANCHISEE_ADMIN', displayName: '滨江店长', who: 'franchisee 2 admin' },
  { email: 'ops@vendor.demo', org: 'vendor', role: 'OPERATOR_ADMIN', displayName: '硬件商运营', who: 'hardware reseller admin' },
  { email: 'c1@vendor.demo', org: 'vendorC1', role: 'CUSTOMER_ADMIN', displayName: '城东站长', who: 'reseller customer 1 admin (own merchant)' },
  { email: 'c2@vendor.demo', org: 'vendorC2', role: 'CUSTOMER_ADMIN', displayName: '大学城负责人', who: 'reseller customer 2 admin (own merchant)' },
];

export function demoOrgPath(org: DemoOrg): string[] {
  const byId = new Map<string, DemoOrg>(Object.values(DEMO_ORGS).map((o) => [o.id, o]));
  const path: string[] = [];
  for (let current: DemoOrg | undefined = org; current; current = current.parentId ? byId.get(current.parentId) : undefined) path.unshift(current.id);
  return path;
}
