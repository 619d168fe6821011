import { describe, expect, it } from '@jest/globals';
import { salePosting, splitPosting, type LedgerLine } from './ledger-postings.js';

const F = 'franchisee';
const B = 'brand';
const balance = (lines: LedgerLine[], tenant: string, account: string) =>
  lines.filter((l) => l.tenant_id === tenant && l.account === account).reduce((sum, l) => sum + l.debit_fen - l.credit_fen, 0);

describe('franchisee-collects postings (issue 12)', () => {
  it('a split settles the commission the sale left payable, and moves the money between the two merchant accounts', () => {
    const parties = { sessionId: 's1', ownerTenantId: F, merchantTenantId: F, agreement: { brandTenantId: B, commissionBasisPoints: 1000 } };
    const lines = [...salePosting(parties, 350), ...splitPosting(F, B, 's1', 35)];
    expect(lines.reduce((sum, l) => sum + l.debit_fen - l.credit_fen, 0)).toBe(0);
    expect(balance(lines, F, 'COMMISSION_PAYABLE')).toBe(0);
    expect(balance(lines, B, 'COMMISSION_RECEIVABLE')).toBe(0);
    expect(balance(lines, F, 'MERCHANT_CLEARING')).toBe(315);
    expect(balance(lines, B, 'MERCHANT_CLEARING')).toBe(35);
    expect(balance(lines, F, 'SALES')).toBe(-350);
    expect(balance(lines, B, 'COMMISSION_INCOME')).toBe(-35);
  });

  it('a split return is the split flipped; nothing is posted for 0', () => {
    const split = splitPosting(F, B, 's1', 10);
    const back = splitPosting(F, B, 's1', 10, 'SPLIT_RETURN');
    expect(back.map((l) => [l.tenant_id, l.account, l.debit_fen, l.credit_fen, l.kind])).toEqual(split.map((l) => [l.tenant_id, l.account, l.credit_fen, l.debit_fen, 'SPLIT_RETURN']));
    expect(splitPosting(F, B, 's1', 0)).toEqual([]);
  });
});
