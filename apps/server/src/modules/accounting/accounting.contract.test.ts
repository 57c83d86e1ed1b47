import { AccountingKey } from '@handla/api';
import { ACCOUNT_KEYS, BAS_DEFAULT_ACCOUNTS, isAccountNumber } from '@handla/core';
import { describe, expect, it } from 'vitest';

// The contract cannot import the core (packages/api has no dependency on it): the list is written
// twice, and this keeps the two the same.
describe('the accounting contract', () => {
  it('has the core’s account keys, in the same order', () => {
    expect(AccountingKey.options).toEqual([...ACCOUNT_KEYS]);
  });

  it('has a valid BAS default for every key', () => {
    for (const key of ACCOUNT_KEYS)
      expect(isAccountNumber(BAS_DEFAULT_ACCOUNTS[key].account), key).toBe(true);
  });
});
