import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import {
  assertLineChange,
  assertMayBeReady,
  collectBy,
  isLockedAgainst,
  isOverdue,
  isUncollectedTooLong,
  pickedState,
  substituteUnitPrice,
} from './store-work';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}:${error.fields?.[0]?.field}`;
    throw error;
  }
  return 'ok';
};

describe('the picking lock', () => {
  const lock = { kind: 'register' as const, id: 'reg_1', name: 'KASSA-1 Kim' };
  it('keeps out everyone but its holder', () => {
    expect(isLockedAgainst(null, { kind: 'staff', id: 'stf_1' })).toBe(false);
    expect(isLockedAgainst(lock, { kind: 'register', id: 'reg_1' })).toBe(false);
    expect(isLockedAgainst(lock, { kind: 'register', id: 'reg_2' })).toBe(true);
    // The same id of another kind is someone else.
    expect(isLockedAgainst(lock, { kind: 'staff', id: 'reg_1' })).toBe(true);
    expect(isLockedAgainst(lock, { kind: 'api', id: 'key_1' })).toBe(true);
  });
});

describe('line changes', () => {
  it('are allowed on open and picked lines before the order is ready', () => {
    for (const status of ['placed', 'accepted', 'picking'] as const) {
      expect(codeOf(() => assertLineChange(status, 'open', 'remove'))).toBe('ok');
      expect(codeOf(() => assertLineChange(status, 'picked', 'substitute'))).toBe('ok');
    }
  });
  it('are refused on a ready, collected or cancelled order, naming the order', () => {
    for (const status of ['ready', 'collected', 'cancelled', 'awaiting_payment'] as const) {
      expect(codeOf(() => assertLineChange(status, 'open', 'pick'))).toBe('invalid_state:orderId');
    }
  });
  it('are refused on a settled line, naming the line', () => {
    for (const state of ['removed', 'substituted', 'shipping'] as const) {
      expect(codeOf(() => assertLineChange('picking', state, 'ship_home'))).toBe('invalid_state:lineId');
    }
  });
  it('pick: picked when every unit was found, never more than ordered', () => {
    expect(pickedState(3, 0)).toBe('open');
    expect(pickedState(3, 2)).toBe('open');
    expect(pickedState(3, 3)).toBe('picked');
    expect(codeOf(() => pickedState(3, 4))).toBe('validation_failed:quantity');
  });
  it('a substitute never costs the shopper more than the original', () => {
    expect(substituteUnitPrice(19_900, 24_900)).toBe(19_900);
    expect(substituteUnitPrice(19_900, 14_900)).toBe(14_900);
  });
  it('ready needs at least one line left to collect', () => {
    expect(codeOf(() => assertMayBeReady(['removed', 'open']))).toBe('ok');
    expect(codeOf(() => assertMayBeReady(['substituted', 'picked']))).toBe('ok');
    expect(codeOf(() => assertMayBeReady(['removed', 'shipping', 'substituted']))).toBe(
      'invalid_state:lines',
    );
  });
});

describe('overdue and collect-by', () => {
  const slotEndsAt = new Date('2026-12-01T14:15:00Z');
  const day = 86_400_000;
  it('is overdue once the pickup time ended and the order still waits', () => {
    const placed = { status: 'placed' as const, slotEndsAt, readyAt: null };
    expect(isOverdue(placed, new Date(+slotEndsAt))).toBe(false);
    expect(isOverdue(placed, new Date(+slotEndsAt + 1))).toBe(true);
    expect(isOverdue({ ...placed, status: 'collected' }, new Date(+slotEndsAt + 1))).toBe(false);
    expect(isOverdue({ ...placed, status: 'cancelled' }, new Date(+slotEndsAt + 1))).toBe(false);
  });
  it('counts the days from ready, or from the end of the pickup time when never ready', () => {
    const readyAt = new Date('2026-12-03T09:00:00Z');
    expect(collectBy({ status: 'ready', slotEndsAt, readyAt }, 7)).toEqual(new Date(+readyAt + 7 * day));
    expect(collectBy({ status: 'picking', slotEndsAt, readyAt: null }, 3)).toEqual(
      new Date(+slotEndsAt + 3 * day),
    );
    expect(collectBy({ status: 'collected', slotEndsAt, readyAt }, 7)).toBeNull();
  });
  it('is due for cancelling at collect-by, not before', () => {
    const ready = { status: 'ready' as const, slotEndsAt, readyAt: slotEndsAt };
    expect(isUncollectedTooLong(ready, 2, new Date(+slotEndsAt + 2 * day - 1))).toBe(false);
    expect(isUncollectedTooLong(ready, 2, new Date(+slotEndsAt + 2 * day))).toBe(true);
    expect(isUncollectedTooLong({ ...ready, status: 'cancelled' }, 2, new Date(+slotEndsAt + 9 * day))).toBe(
      false,
    );
  });
});
