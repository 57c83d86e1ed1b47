import { z } from 'zod';

/** What `GET /api/health` answers when the server and its database are up. */
export const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
export type Health = z.infer<typeof Health>;
