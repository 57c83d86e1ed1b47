// The two pickup settings the order flow depends on: may the shopper pay in store, and when does
// the reminder go out. Read through the pickup module's service, outside any transaction.
import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import { getPickupSettings } from '../pickup/pickup.service';

export interface PickupRules {
  payInStoreAllowed: boolean;
  /** Minutes before the pickup time that the reminder goes out; null: no reminder. */
  reminderMinutesBefore: number | null;
}

/** The store's rules; a store without pickup settings allows nothing and sends no reminder. */
export async function pickupRulesOf(ctx: AppContext, storeId: string): Promise<PickupRules> {
  try {
    const settings = await getPickupSettings(ctx, storeId);
    return {
      payInStoreAllowed: settings.payInStoreAllowed,
      reminderMinutesBefore: settings.reminderMinutesBefore,
    };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') {
      return { payInStoreAllowed: false, reminderMinutesBefore: null };
    }
    throw error;
  }
}
