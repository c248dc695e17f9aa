// Sign in, sign out, who am I.
import { z } from 'zod';
import { everyone } from '../../shared/roles';
import { loginRequestSchema, loginResponseSchema, sessionUserSchema } from '../../shared/protocol';
import { AppError } from '../http/errors';
import { currentUser } from '../http/auth';
import { localeOf } from '../http/middleware';
import { parseOr400 } from '../http/parse';
import { login, logout } from '../services/users';
import type { RouteFactory } from './route';

export const authRoutes: RouteFactory = (deps) => [
  {
    method: 'post',
    path: '/api/v1/auth/login',
    summary: 'Sign in; answers a bearer token',
    roles: null,
    body: loginRequestSchema,
    response: loginResponseSchema,
    async handle(req, res) {
      const credentials = parseOr400(loginRequestSchema, req.body, localeOf(res));
      const outcome = await login(deps.db, credentials, {
        now: deps.now(),
        tokenHours: deps.tokenHours,
      });
      if (!outcome.ok) throw new AppError(outcome.code);
      const { id: _id, ...user } = outcome.user;
      res.json({ token: outcome.token, expiresAt: outcome.expiresAt, user });
    },
  },
  {
    method: 'post',
    path: '/api/v1/auth/logout',
    summary: 'Sign out: the token stops working',
    roles: everyone,
    response: z.object({ ok: z.literal(true) }),
    async handle(_req, res) {
      await logout(deps.db, String(res.locals.token));
      res.json({ ok: true });
    },
  },
  {
    method: 'get',
    path: '/api/v1/auth/me',
    summary: 'The signed-in user',
    roles: everyone,
    response: sessionUserSchema,
    handle(_req, res) {
      const { id: _id, ...user } = currentUser(res);
      res.json(user);
      return Promise.resolve();
    },
  },
];
