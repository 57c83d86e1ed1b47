// Returns within the right of withdrawal and drop shipping: requests, inbound parcels, inspection, refunds; supplier orders.
import { z } from 'zod';

/** Placeholder until the contract is written. */
export const returnsAdminPlaceholder = z.object({});
