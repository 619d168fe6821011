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
  { email: 'tech@fridge.demo', org: 'fridge', role: 'TECHNICIAN', displayName: '冰柜维修员', who: 'technician of the fridge brand (devices, sites, tickets; no money)' },
];

export function demoOrgPath(org: DemoOrg): string[] {
  const byId = new Map<string, DemoOrg>(Object.values(DEMO_ORGS).map((o) => [o.id, o]));
  const path: string[] = [];
  for (let current: DemoOrg | undefined = org; current; current = current.parentId ? byId.get(current.parentId) : undefined) path.unshift(current.id);
  return path;
}

/** The mini-program the demo devices' QR codes open (contracts.md §1 `appid`). */
export const DEMO_APPID = 'wxd0000000000demo';

const zone = 'Asia/Shanghai';
/** The demo pricing plans (contracts.md §3). */
export const DEMO_PLANS = {
  powerbank: {
    timezone: zone,
    rental: { unitFen: 300, unitMinutes: 60, freeMinutes: 5, freeMode: 'grace', dailyCapFen: 3000, dayBoundary: 'rolling-24h' },
    totalCapFen: 9900,
  },
  fridge: {
    timezone: zone,
    items: {
      catalog: [
        { sku: 'cola-330', name: '可乐 330ml', priceFen: 350 },
        { sku: 'water-550', name: '矿泉水 550ml', priceFen: 200 },
        { sku: 'sandwich-ham', name: '火腿三明治', priceFen: 1200 },
      ],
    },
    totalCapFen: 20000,
  },
  fridgeSmall: {
    timezone: zone,
    items: { catalog: [{ sku: 'milk-250', name: '鲜牛奶 250ml', priceFen: 600 }, { sku: 'yogurt-200', name: '酸奶 200g', priceFen: 550 }] },
    totalCapFen: 10000,
  },
  ev: {
    timezone: zone,
    energy: {
      bands: [
        { from: '00:00', to: '08:00', energyFenPerKwh: 35, serviceFenPerKwh: 40 },
        { from: '08:00', to: '24:00', energyFenPerKwh: 95, serviceFenPerKwh: 60 },
      ],
    },
    totalCapFen: 30000,
  },
  water: { timezone: zone, volume: { fenPerLitre: 25, stepMillilitres: 100 }, minimumFen: 10, totalCapFen: 2000 },
} as const;

export const DEMO_SITES = {
  powerbankStation: { id: '00000000-0000-4000-8000-000000000101', org: 'powerbank', name: '杭州东站 B1 出站口', address: '浙江省杭州市上城区全福桥路2号', city: '杭州', latitude: 30.2906, longitude: 120.2133 },
  fridgeWestLake: { id: '00000000-0000-4000-8000-000000000121', org: 'fridgeF1', name: '西湖文化广场写字楼大堂', address: '浙江省杭州市拱墅区中山北路', city: '杭州', latitude: 30.2775, longitude: 120.1636 },
  fridgeBinjiang: { id: '00000000-0000-4000-8000-000000000122', org: 'fridgeF2', name: '滨江星光大道健身房', address: '浙江省杭州市滨江区江南大道', city: '杭州', latitude: 30.2108, longitude: 120.2122 },
  chargingEast: { id: '00000000-0000-4000-8000-000000000131', org: 'vendorC1', name: '城东充电站 1 号场', address: '浙江省杭州市上城区艮山东路', city: '杭州', latitude: 30.3003, longitude: 120.2301 },
  waterCampus: { id: '00000000-0000-4000-8000-000000000132', org: 'vendorC2', name: '大学城 3 号宿舍楼', address: '浙江省杭州市钱塘区学源街', city: '杭州', latitude: 30.3149, longitude: 120.3432 },
} as const satisfies Record<string, { id: string; org: keyof typeof DEMO_ORGS; name: string; address: string; city: string; latitude: number; longitude: number }>;

/**
 * The demo merchant accounts (fixed ids; keys generated at seed time) and their Pay Score services, one per
 * vertical the merchant of record runs: the power-bank brand, the fridge brand (its franchisees charge
 * through it) and each reseller customer. Every account lists DEMO_APPID. Risk caps cover the demo plans'
 * risk funds (their totalCapFen).
 */
export const DEMO_MERCHANTS = {
  powerbank: {
    id: '00000000-0000-4000-8000-000000000310',
    org: 'powerbank',
    name: '小电共享充电宝 商户号',
    mchid: '1900000010',
    services: [
      { id: '00000000-0000-4000-8000-000000000410', serviceId: '2002000000000000000000000000010', name: '充电宝免押租借', scenario: 'POWERBANK_RENTAL', mode: 'DEPOSIT_WAIVED', riskCapFen: 10000 },
    ],
  },
  fridge: {
    id: '00000000-0000-4000-8000-000000000320',
    org: 'fridge',
    name: '鲜柜智能冰柜 商户号',
    mchid: '1900000020',
    services: [
      { id: '00000000-0000-4000-8000-000000000420', serviceId: '2002000000000000000000000000020', name: '智能冰柜先享后付', scenario: 'VENDING', mode: 'USE_FIRST', riskCapFen: 20000 },
    ],
  },
  vendorC1: {
    id: '00000000-0000-4000-8000-000000000331',
    org: 'vendorC1',
    name: '城东充电站 商户号',
    mchid: '1900000031',
    services: [
      { id: '00000000-0000-4000-8000-000000000431', serviceId: '2002000000000000000000000000031', name: '充电先充后付', scenario: 'EV_CHARGING', mode: 'USE_FIRST', riskCapFen: 30000 },
    ],
  },
  vendorC2: {
    id: '00000000-0000-4000-8000-000000000332',
    org: 'vendorC2',
    name: '大学城净水 商户号',
    mchid: '1900000032',
    services: [
      { id: '00000000-0000-4000-8000-000000000432', serviceId: '2002000000000000000000000000032', name: '饮水先用后付', scenario: 'WATER', mode: 'USE_FIRST', riskCapFen: 5000 },
    ],
  },
} as const satisfies Record<
  string,
  {
    id: string;
    org: keyof typeof DEMO_ORGS;
    name: string;
    mchid: string;
    services: readonly { id: string; serviceId: string; name: string; scenario: 'VENDING' | 'POWERBANK_RENTAL' | 'EV_CHARGING' | 'WATER'; mode: 'DEPOSIT_WAIVED' | 'USE_FIRST'; riskCapFen: number }[];
  }
>;

export const DEMO_DEVICES = [
  { id: '00000000-0000-4000-8000-000000000201', code: 'PB-0001', type: 'POWERBANK_CABINET', site: 'powerbankStation', plan: 'powerbank', slots: 8, name: '东站 8 口机柜', payscoreServiceId: DEMO_MERCHANTS.powerbank.services[0].serviceId },
  { id: '00000000-0000-4000-8000-000000000221', code: 'FR-0001', type: 'FRIDGE', site: 'fridgeWestLake', plan: 'fridge', name: '大堂冰柜', payscoreServiceId: DEMO_MERCHANTS.fridge.services[0].serviceId },
  { id: '00000000-0000-4000-8000-000000000222', code: 'FR-0002', type: 'FRIDGE', site: 'fridgeBinjiang', plan: 'fridgeSmall', name: '健身房冰柜', payscoreServiceId: DEMO_MERCHANTS.fridge.services[0].serviceId },
  { id: '00000000-0000-4000-8000-000000000231', code: 'EV-0001', type: 'EV_CHARGER', site: 'chargingEast', plan: 'ev', connectors: 2, name: '1 号快充桩', payscoreServiceId: DEMO_MERCHANTS.vendorC1.services[0].serviceId },
  { id: '00000000-0000-4000-8000-000000000232', code: 'WV-0001', type: 'WATER_VALVE', site: 'waterCampus', plan: 'water', name: '3 号楼饮水机', payscoreServiceId: DEMO_MERCHANTS.vendorC2.services[0].serviceId },
] as const satisfies readonly {
  id: string;
  code: string;
  type: 'FRIDGE' | 'POWERBANK_CABINET' | 'EV_CHARGER' | 'WATER_VALVE';
  site: keyof typeof DEMO_SITES;
  plan: keyof typeof DEMO_PLANS;
  slots?: number;
  connectors?: number;
  name: string;
  /** The Pay Score service of the device's merchant of record (contracts.md §5). */
  payscoreServiceId: string;
}[];
