import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installAccessControl } from '../../http/access';
import { createTestApp, demoAccount, signIn, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('staff sign-in', () => {
  it('signs in with the demo owner and sets an httpOnly, SameSite session cookie', async () => {
    const { email, password } = demoAccount('owner');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ email, role: 'owner' });
    const cookie = response.cookies.find((c) => c.name === 'handla_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.secure).toBeFalsy();
    const me = await t.app.inject({
      url: '/api/auth/me',
      headers: { cookie: `handla_session=${cookie!.value}` },
    });
    expect(me.json().user.email).toBe(email);
  });

  it('marks the cookie Secure when the request came over TLS through a trusted proxy', async () => {
    const behindProxy = await createTestApp({ trustProxy: true });
    try {
      const { email, password } = demoAccount('manager');
      const response = await behindProxy.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.cookies.find((c) => c.name === 'handla_session')?.secure).toBe(true);
    } finally {
      await behindProxy.close();
    }
  });

  it('refuses a wrong password with 401 invalid_credentials and no cookie', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: demoAccount('cashier').email, password: 'wrong' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe('invalid_credentials');
    expect(response.cookies).toHaveLength(0);
  });

  it('throttles after five failures for one e-mail, even with the right password', async () => {
    const email = 'nobody-yet@demo.handla.se';
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: 'x' },
      });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: 'x' },
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('too_many_attempts');
  });

  it('signs out: the old cookie no longer works', async () => {
    const cookie = await signIn(t.app, 'cashier');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('unauthenticated');
  });

  it('ignores a forged session cookie', async () => {
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: 'handla_session=forged' } });
    expect(me.statusCode).toBe(401);
  });
});

describe('deny by default', () => {
  it('lets an anonymous caller reach only public routes', async () => {
    for (const url of ['/api/health', '/api/products', '/api/stores', '/api/openapi.json']) {
      expect((await t.app.inject({ url })).statusCode, url).toBe(200);
    }
    for (const url of ['/api/auth/me', '/api/staff', '/api/api-keys']) {
      const response = await t.app.inject({ url });
      expect(response.statusCode, url).toBe(401);
      expect(response.json().code).toBe('unauthenticated');
    }
  });

  it('keeps a cashier out of manager routes', async () => {
    const cookie = await signIn(t.app, 'cashier');
    for (const [method, url] of [
      ['GET', '/api/staff'],
      ['GET', '/api/api-keys'],
      ['POST', '/api/api-keys'],
      ['DELETE', '/api/api-keys/key_x'],
    ] as const) {
      const response = await t.app.inject({
        method,
        url,
        headers: { cookie },
        payload: method === 'POST' ? {} : undefined,
      });
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.json().code).toBe('forbidden');
    }
  });

  it('lets a manager list the staff', async () => {
    const cookie = await signIn(t.app, 'manager');
    const response = await t.app.inject({ url: '/api/staff', headers: { cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((u: { role: string }) => u.role)).toContain('cashier');
  });
  it('refuses to build an app with an /api route that declares no access', async () => {
    const bare = Fastify();
    installAccessControl(bare, async () => null);
    expect(() => bare.get('/api/forgotten', async () => 'open')).toThrow(/declares no access/);
    await bare.close();
  });
});
