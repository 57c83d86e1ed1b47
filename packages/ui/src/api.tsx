import { type ApiClient, createApiClient } from '@handla/api';
import { createContext, type ReactNode, useContext } from 'react';

const ApiContext = createContext<ApiClient>(createApiClient());

/** Overrides the API client for the tree below, e.g. with a fake in tests; the default calls the same origin. */
export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

/** The API client of the nearest `ApiProvider`, or one for the same origin. */
export function useApi(): ApiClient {
  return useContext(ApiContext);
}
