// Who may do what with stock, in one place: reads for all staff and stock:read keys; floor work
// (receiving, counting, sales and returns) for cashiers too, at their own store's locations only;
// everything else for managers and owners and stock:write keys.
import { Problem } from '@handla/api';
import type { FastifyRequest } from 'fastify';
import { type Access, ALL_STAFF, MANAGERS } from '../../http/access';
import type { StockActor } from './inventory.shared';

export const STOCK_READ: Access = { staff: ALL_STAFF, apiKey: 'stock:read' };
export const STOCK_FLOOR_WORK: Access = { staff: ALL_STAFF, apiKey: 'stock:write' };
export const STOCK_MANAGE: Access = { staff: MANAGERS, apiKey: 'stock:write' };

/** The problem answers every stock route may give. */
export const STOCK_PROBLEMS = { 400: Problem, 403: Problem, 404: Problem, 409: Problem } as const;

/** The actor behind a request that passed the access check; cashiers are bound to their store. */
export function stockActor(request: FastifyRequest): StockActor {
  const principal = request.principal;
  if (principal?.kind === 'staff') {
    return { id: principal.userId, storeId: principal.storeId, isStoreBound: principal.role === 'cashier' };
  }
  if (principal?.kind === 'apiKey') return { id: principal.keyId, storeId: null, isStoreBound: false };
  throw new Error('unreachable: stock writes require a signed-in caller');
}
