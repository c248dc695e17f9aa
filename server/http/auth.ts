// Bearer-token authentication and role checks. Every route but login, health and the task
// pane's static files goes through `authenticate`, then `allow(...roles)`.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Role } from '../../shared/roles';
import type { Db } from '../store/db';
import { userForToken, type AuthUser } from '../services/users';
import { AppError } from './errors';

function bearerToken(req: Request): string | null {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
  return match?.[1] ?? null;
}

export function authenticate(db: Db, now: () => Date): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = bearerToken(req);
    if (!token) throw new AppError('unauthenticated');
    const user = await userForToken(db, token, now());
    if (user === 'expired') throw new AppError('token-expired');
    if (!user) throw new AppError('unauthenticated');
    res.locals.user = user;
    res.locals.token = token;
    next();
  };
}

export function currentUser(res: Response): AuthUser {
  const user = res.locals.user as AuthUser | undefined;
  if (!user) throw new AppError('unauthenticated');
  return user;
}

export function assertRole(user: AuthUser, allowed: readonly Role[]): void {
  if (!allowed.includes(user.role)) throw new AppError('forbidden', { role: user.role });
}

export function allow(...allowed: Role[]): RequestHandler {
  return (_req, res, next) => {
    assertRole(currentUser(res), allowed);
    next();
  };
}
