import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';

describe('DomainError', () => {
  it('carries code, message and fields and is an Error', () => {
    const error = new DomainError('invalid_amount', 'Amount must be whole öre', [
      { field: 'amount', message: 'not an integer' },
    ]);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe('invalid_amount');
    expect(error.message).toBe('Amount must be whole öre');
    expect(error.fields).toEqual([{ field: 'amount', message: 'not an integer' }]);
  });

  it('falls back to the code as message so logs are never blank', () => {
    const error = new DomainError('currency_mismatch');
    expect(error.message).toBe('currency_mismatch');
    expect(error.fields).toBeUndefined();
  });
});
