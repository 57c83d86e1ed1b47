import type { ApiClient } from '@handla/api';
import { useApi } from '@handla/ui';

/** The catalog methods of the API client (see packages/api/src/client-catalog.ts). */
export type CatalogApi = ApiClient['catalog'];

/** The catalog area of the app's API client (a 401 inside it still returns to sign-in). */
export function useCatalogApi(): CatalogApi {
  return useApi().catalog;
}
