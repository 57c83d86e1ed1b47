import { type ApiClient, ApiError } from '@handla/api';

type AnyMethod = (...args: unknown[]) => unknown;

/**
 * Wraps every call of `api` so that a 401 `unauthenticated` (the session expired or was ended
 * elsewhere) runs `onExpired`, which takes the app back to the sign-in form; the error still reaches
 * the caller.
 */
export function withSessionExpiry(api: ApiClient, onExpired: () => void): ApiClient {
  const wrapped: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(api) as [string, AnyMethod][]) {
    wrapped[name] = (...args: unknown[]) => {
      const result = member(...args);
      if (!(result instanceof Promise)) return result;
      return result.catch((error: unknown) => {
        if (error instanceof ApiError && error.problem.code === 'unauthenticated') onExpired();
        throw error;
      });
    };
  }
  return wrapped as ApiClient;
}
