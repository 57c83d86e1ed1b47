import type { ApiClient } from '@handla/api';
import { useApi } from '@handla/ui';

/** The stock methods of the API client (see packages/api/src/client-stock.ts). */
export type StockApi = ApiClient['stock'];

/** The stock area of the app's API client: `useApi().stock`. */
export function useStockApi(): StockApi {
  return useApi().stock;
}
