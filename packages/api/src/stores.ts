import { z } from 'zod';

/** One opening interval on a weekday (1 = Monday … 7 = Sunday), local store time "HH:MM". */
export const OpeningHours = z.object({
  weekday: z.number().int().min(1).max(7),
  opens: z.string().regex(/^\d{2}:\d{2}$/),
  closes: z.string().regex(/^\d{2}:\d{2}$/),
});

/** A physical store as the shop and the register see it. */
export const Store = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    street: z.string(),
    postalCode: z.string(),
    city: z.string(),
    country: z.string().length(2),
    phone: z.string().nullable(),
    timeZone: z.string(),
    openingHours: z.array(OpeningHours),
  })
  .meta({ id: 'Store' });
export type Store = z.infer<typeof Store>;
