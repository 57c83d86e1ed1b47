// Customers (CRM): consumers and companies, matching across channels, merging, personal data export and erasure.
import { z } from 'zod';

/** Placeholder until the contract is written. */
export const crmAdminPlaceholder = z.object({});
