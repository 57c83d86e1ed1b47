// Fulfilment: release to picking at once or in batches, pick lists and packing slips (PDF), packing by scan.
import { z } from 'zod';

/** Placeholder until the contract is written. */
export const fulfilmentAdminPlaceholder = z.object({});
