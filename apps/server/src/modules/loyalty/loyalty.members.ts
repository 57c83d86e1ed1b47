// Members: joining the programme and a member's card, balance, level and latest ledger rows, the
// same for the manager's view and the shopper's own account page.
import type { LoyaltyMember } from '@handla/api';
import type { AppContext } from '../../context';
import { newVoucherCode } from '../register/vouchers.service';
import { levelFor } from './loyalty.points';
import { enrolMember, findMember, listLedger } from './loyalty.store';

const YEAR_MS = 365 * 86_400_000;
const LEDGER_PAGE = 50;

/** A member's card, points and level with the latest ledger rows; null when not a member. */
export async function findMemberProfile(ctx: AppContext, customerId: string): Promise<LoyaltyMember | null> {
  const since = new Date(ctx.clock().getTime() - YEAR_MS);
  const member = await findMember(ctx.db, customerId, since);
  if (!member) return null;
  return {
    ...member,
    level: levelFor(member.earnedIn12Months),
    ledger: await listLedger(ctx.db, customerId, LEDGER_PAGE),
  };
}

/**
 * Makes the customer a member, giving a card number if it has none: true when it just joined,
 * false when it already was one. Throws nothing for a known customer.
 */
export async function joinLoyalty(ctx: AppContext, customerId: string): Promise<boolean> {
  if (await findMember(ctx.db, customerId, ctx.clock())) return false;
  // Card numbers are unique per company; a random 12-digit number like a voucher code.
  return enrolMember(ctx.db, customerId, newVoucherCode().slice(0, 12));
}
