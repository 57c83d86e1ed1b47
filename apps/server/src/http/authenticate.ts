// Who is calling: an API key in the Authorization header wins over a session cookie.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { authenticateApiKey } from '../modules/api-keys/api-keys.service';
import { SESSION_COOKIE } from '../modules/auth/auth.routes';
import { findSession } from '../modules/auth/auth.service';
import type { Authenticate, Principal } from './access';

/** Builds the request authenticator used by the access check. */
export function createAuthenticator(ctx: AppContext): Authenticate {
  return async (request: FastifyRequest): Promise<Principal | null> => {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const key = await authenticateApiKey(ctx, header.slice('Bearer '.length).trim());
      return { kind: 'apiKey', keyId: key.id, scopes: key.scopes };
    }
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token) return null;
    const session = await findSession(ctx, token);
    return session
      ? {
          kind: 'staff',
          userId: session.userId,
          role: session.role,
          storeId: session.storeId,
          sessionId: session.sessionId,
        }
      : null;
  };
}
