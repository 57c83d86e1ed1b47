import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { STOCK_COUNT_MOVES } from './counts';
import { PURCHASE_ORDER_MOVES } from './purchase-orders';
import { assertMove, findMove } from './state-machine';
import { TRANSFER_MOVES } from './transfers';

describe('status machines as data', () => {
  it('gives every allowed move a reason and lists each move once', () => {
    for (const moves of [TRANSFER_MOVES, STOCK_COUNT_MOVES, PURCHASE_ORDER_MOVES]) {
      const keys = moves.map((m) => `${m.from}>${m.to}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const move of moves) expect(move.reason.length).toBeGreaterThan(10);
    }
  });

  it('lets a transfer go draft → sent → received, and only a draft be cancelled', () => {
    expect(findMove(TRANSFER_MOVES, 'draft', 'sent')).toBeDefined();
    expect(findMove(TRANSFER_MOVES, 'sent', 'received')).toBeDefined();
    expect(findMove(TRANSFER_MOVES, 'draft', 'received')).toBeUndefined();
    expect(findMove(TRANSFER_MOVES, 'sent', 'cancelled')).toBeUndefined();
    expect(findMove(TRANSFER_MOVES, 'received', 'sent')).toBeUndefined();
  });

  it('never reopens a closed purchase order or a completed count', () => {
    expect(PURCHASE_ORDER_MOVES.filter((m) => m.from === 'closed')).toEqual([]);
    expect(STOCK_COUNT_MOVES.filter((m) => m.from !== 'open')).toEqual([]);
  });

  it('refuses a move that is not listed with invalid_state naming the status', () => {
    expect(assertMove(TRANSFER_MOVES, 'transfer', 'draft', 'sent').to).toBe('sent');
    try {
      assertMove(TRANSFER_MOVES, 'transfer', 'received', 'sent');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('invalid_state');
      expect((error as DomainError).fields?.[0]?.field).toBe('status');
    }
  });
});
