// Sales reports: dashboards with charts per day, hour, store, register, channel, salesperson, product and category; CSV and Excel export.
import { z } from 'zod';

/** Placeholder until the contract is written. */
export const reportsAdminPlaceholder = z.object({});
