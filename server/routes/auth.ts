// Sign in, sign out, who am I.
import { z } from 'zod';
import { everyone, managers } from '../../shared/roles';
import { loginRequestSchema, loginResponseSchema, sessionUserSchema } from '../../shared/protocol';
import { AppError } from '../http/errors';
import { currentUser } from '../http/auth';
import { localeOf } from '../http/middleware';
import { parseOr400 } from '../http/parse';
import { unlockUser } from '../services/sign-in-limits';
import { login, logout } from '../services/users';
import type { RouteFactory } from './route';

const unlockRequestSchema = z.object({ username: z.string().trim().min(1).max(100) });

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
      const address = req.ip ?? req.socket.remoteAddress ?? '?';
      const outcome = await login(deps.db, credentials, {
        now: deps.now(),
        tokenHours: deps.tokenHours,
        address,
        hashParams: deps.passwordParams,
      });
      if (!outcome.ok) {
        // Who and from where, never the password.
        const who = { username: credentials.username, address };
        if (outcome.code === 'too-many-sign-ins') {
          deps.logger.warn('sign-in refused: locked', { ...who, retryAfter: outcome.retryAfter });
          throw new AppError(
            'too-many-sign-ins',
            { minutes: Math.ceil(outcome.retryAfter / 60) },
            { retryAfter: outcome.retryAfter },
            { headers: { 'Retry-After': String(outcome.retryAfter) } },
          );
        }
        deps.logger.warn('sign-in failed', { ...who, failures: outcome.failures });
        throw new AppError(outcome.code);
      }
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
  {
    method: 'post',
    path: '/api/v1/users/unlock',
    summary: "Lift a user's sign-in lock after too many failed sign-ins (managers and admins)",
    roles: managers,
    body: unlockRequestSchema,
    response: z.object({ username: z.string(), wasLocked: z.boolean() }),
    async handle(req, res) {
      const { username } = parseOr400(unlockRequestSchema, req.body, localeOf(res));
      const wasLocked = await unlockUser(deps.db, username, deps.now());
      deps.logger.info('sign-in lock lifted', {
        username,
        by: currentUser(res).username,
        wasLocked,
      });
      res.json({ username, wasLocked });
    },
  },
];
