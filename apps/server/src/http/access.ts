// Deny by default: every /api route must declare who may call it, or the server refuses to start.
// Callers are identified once per request (session cookie or API key) before the body is read.
import type { ApiScope, Role } from '@handla/api';
import { DomainError } from '@handla/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Who may call a route: everyone, or staff of some roles and/or API keys with a scope. */
export type Access = 'public' | { staff?: readonly Role[]; apiKey?: ApiScope | 'any' };

/** The signed-in staff member or the API key behind a request. */
export type Principal =
  | { kind: 'staff'; userId: string; role: Role; storeId: string | null; sessionId: string }
  | { kind: 'apiKey'; keyId: string; scopes: readonly ApiScope[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** Role sets for routes, so a route reads `access: { staff: MANAGERS }`. */
export const ALL_STAFF: readonly Role[] = ['owner', 'manager', 'cashier'];
export const MANAGERS: readonly Role[] = ['owner', 'manager'];
export const OWNERS: readonly Role[] = ['owner'];

/** Finds the caller from the request's credentials; null when it carries none. */
export type Authenticate = (request: FastifyRequest) => Promise<Principal | null>;

// Routes the API documentation plugin adds; they are public by nature.
const DOCS_PREFIX = '/api/docs';

/** Checks that `principal` may use a route with `access`; throws 401/403 otherwise. */
export function assertAccess(access: Access, principal: Principal | null): void {
  if (access === 'public') return;
  if (!principal)
    throw new DomainError('unauthenticated', 'This endpoint needs a signed-in user or an API key.');
  if (principal.kind === 'staff' && access.staff?.includes(principal.role)) return;
  if (principal.kind === 'apiKey' && access.apiKey) {
    if (access.apiKey === 'any' || principal.scopes.includes(access.apiKey)) return;
  }
  throw new DomainError('forbidden', 'Your role or API key scope does not allow this.');
}

/** For routes whose scope depends on the input: an API key must also hold `scope` (staff pass). */
export function assertApiKeyScope(principal: Principal | null, scope: ApiScope): void {
  if (principal?.kind === 'apiKey' && !principal.scopes.includes(scope)) {
    throw new DomainError('forbidden', `This API key lacks the ${scope} scope.`);
  }
}

/** Installs the deny-by-default check on every /api route. */
export function installAccessControl(app: FastifyInstance, authenticate: Authenticate) {
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (route) => {
    const url = route.url ?? '';
    if (!url.startsWith('/api') || url.startsWith(DOCS_PREFIX)) return;
    if (!route.config?.access) {
      throw new Error(`Route ${route.method} ${url} declares no access; every /api route must.`);
    }
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access) return;
    request.principal = await authenticate(request);
    assertAccess(access, request.principal);
  });
}
