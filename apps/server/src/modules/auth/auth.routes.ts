// POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me.
import { LoginBody, Problem, Session } from '@handla/api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServerConfig } from '../../config';
import type { AppContext } from '../../context';
import { ALL_STAFF } from '../../http/access';
import { getStaffUser, SESSION_HOURS, signInStaff, signOutStaff } from './auth.service';

/** The session cookie's name. */
export const SESSION_COOKIE = 'handla_session';

function setSessionCookie(reply: FastifyReply, request: FastifyRequest, config: ServerConfig, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure === 'auto' ? request.protocol === 'https' : config.cookieSecure,
    maxAge: SESSION_HOURS * 3600,
  });
}

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext, config: ServerConfig) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/auth/login', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Sign a staff member in; sets the session cookie',
      body: LoginBody,
      response: { 200: Session, 401: Problem, 429: Problem },
    },
    handler: async (request, reply) => {
      const { token, user } = await signInStaff(ctx, { ...request.body, clientAddress: request.ip });
      setSessionCookie(reply, request, config, token);
      return { user };
    },
  });
  r.post('/api/auth/logout', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: 'End the current session', response: { 204: z.null() } },
    handler: async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await signOutStaff(ctx, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  });
  r.get('/api/auth/me', {
    config: { access: { staff: ALL_STAFF } },
    schema: {
      tags: ['auth'],
      summary: 'The signed-in staff member',
      response: { 200: Session, 401: Problem },
    },
    handler: async (request) => {
      const principal = request.principal;
      if (principal?.kind !== 'staff') throw new Error('unreachable: access is staff only');
      return { user: await getStaffUser(ctx, principal.userId) };
    },
  });
}
