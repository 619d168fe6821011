import { describe, expect, it } from '@jest/globals';
import { meWith } from '@/test/fake-api';
import type { Me } from '@/lib/access';
import type { MerchantAccount } from './api/onboarding';
import { readableAccounts, yuan } from './pack-text';

const BRAND = '00000000-0000-4000-8000-000000000020';
const FRANCHISEE = '00000000-0000-4000-8000-000000000021';
const account = (id: string, organizationId: string) => ({ id, organizationId, name: id, mchid: id }) as unknown as MerchantAccount;
const list = [account('brand', BRAND), account('franchisee', FRANCHISEE)];
const login = (role: string, organizationId: string, operatingModel: string | null) =>
  meWith([], { organizationId, operatingModel, user: { ...meWith([]).user, role, organizationId } }) as unknown as Me;

describe('the pack’s amounts and the accounts a login may onboard', () => {
  it('writes fen as the table’s yuan', () => {
    expect([yuan(0), yuan(5), yuan(1234), yuan(9900), yuan(-250)]).toEqual(['0.00 元', '0.05 元', '12.34 元', '99.00 元', '-2.50 元']);
  });

  it('offers the accounts the API lets the login read (others would answer 404)', () => {
    const ids = (me: Me | undefined) => readableAccounts(me, list).map((a) => a.id);
    expect(ids(login('PLATFORM_ADMIN', '00000000-0000-4000-8000-000000000001', null))).toEqual(['brand', 'franchisee']);
    // a franchise brand's admin: its own and its franchisees'
    expect(ids(login('OPERATOR_ADMIN', BRAND, 'FRANCHISE'))).toEqual(['brand', 'franchisee']);
    // a franchisee's admin sees its brand's account in the list but does not administer it
    expect(ids(login('FRANCHISEE_ADMIN', FRANCHISEE, null))).toEqual(['franchisee']);
    // a hardware reseller's admin: not its customers' accounts
    expect(ids(login('OPERATOR_ADMIN', '00000000-0000-4000-8000-000000000030', 'HARDWARE_SALE'))).toEqual([]);
    expect(ids(login('OPERATOR_STAFF', BRAND, 'FRANCHISE'))).toEqual([]);
    expect(ids(undefined)).toEqual([]);
  });
});
