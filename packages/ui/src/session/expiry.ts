import { type ApiClient, ApiError } from '@handla/api';

type AnyMethod = (...args: unknown[]) => unknown;

// Wraps the methods of one level; an area of the client (api.catalog, api.stock) is an object of
// methods itself, wrapped the same way.
function wrapMembers(target: object, onExpired: () => void): Record<string, unknown> {
  const wrapped: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(target)) {
    if (typeof member === 'object' && member !== null) {
      wrapped[name] = wrapMembers(member, onExpired);
      continue;
    }
    if (typeof member !== 'function') {
      wrapped[name] = member;
      continue;
    }
    wrapped[name] = (...args: unknown[]) => {
      const result = (member as AnyMethod)(...args);
      if (!(result instanceof Promise)) return result;
      return result.catch((error: unknown) => {
        if (error instanceof ApiError && error.problem.code === 'unauthenticated') onExpired();
        throw error;
      });
    };
  }
  return wrapped;
}

/**
 * Wraps every call of `api` so that a 401 `unauthenticated` (the session expired or was ended
 * elsewhere) runs `onExpired`, which takes the app back to the sign-in form; the error still reaches
 * the caller.
 */
export function withSessionExpiry(api: ApiClient, onExpired: () => void): ApiClient {
  return wrapMembers(api, onExpired) as ApiClient;
}
