// Promotions: automatic rules and coupon codes, one engine in the core for the shop and the register.
import { z } from 'zod';

/** Placeholder until the contract is written. */
export const promotionsAdminPlaceholder = z.object({});
