// Orders in the back office: every channel in one list, search, filters, the timeline, line edits until picking, API orders idempotent on their external reference.
import { z } from 'zod';

/** Placeholder until the contract is written. */
export const ordersAdminPlaceholder = z.object({});
