import { z } from 'zod';

/** What an API key may do; every integration route names the scope it needs. */
export const ApiScope = z.enum([
  'catalog:read',
  'catalog:write',
  'stock:read',
  'stock:write',
  'orders:read',
  'orders:write',
  'events:read',
  'webhooks:manage',
  'reports:read',
  'erp:read',
]);
export type ApiScope = z.infer<typeof ApiScope>;

/** An API key as listed; its secret is never shown again after creation. */
export const ApiKey = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(ApiScope),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKey = z.infer<typeof ApiKey>;

/** Body of `POST /api/api-keys`. */
export const CreateApiKeyBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(ApiScope).min(1),
});
export type CreateApiKeyBody = z.infer<typeof CreateApiKeyBody>;

/** Answer of `POST /api/api-keys`: the key and, this once, its secret. */
export const CreatedApiKey = z.object({ apiKey: ApiKey, secret: z.string() });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;
