// Cross-cutting HTTP concerns: request ids with one structured log line per request, CORS for
// the add-in's origin only, and the caller's language.
import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { pickLocale, type Locale } from '../../shared/locale';
import type { Logger } from '../logger';
import { AppError } from './errors';

export function requestLog(logger: Logger, now: () => Date): RequestHandler {
  return (req, res, next) => {
    const started = now().getTime();
    const requestId = randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => {
      const user = res.locals.user as { username?: string } | undefined;
      logger.info('request', {
        requestId,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: now().getTime() - started,
        user: user?.username,
        workbookId: req.headers['x-workbook-id'],
      });
    });
    next();
  };
}

/** Only the add-in's own origin(s) may call the API from a browser; other origins get 403. */
export function cors(allowedOrigins: ReadonlySet<string>): RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    // Same-origin requests (the task pane served by this server) are no CORS matter.
    if (origin === undefined || origin === `${req.protocol}://${req.headers.host ?? ''}`) {
      next();
      return;
    }
    if (!allowedOrigins.has(origin)) throw new AppError('origin-not-allowed');
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    res.setHeader(
      'Access-Control-Allow-Headers',
      'Authorization, Content-Type, Idempotency-Key, Accept-Language, If-None-Match, X-Workbook-Id',
    );
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS');
    res.setHeader('Access-Control-Expose-Headers', 'ETag, X-Request-Id');
    res.setHeader('Access-Control-Max-Age', '600');
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  };
}

export function securityHeaders(): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  };
}

export function localeOf(res: Response): Locale {
  return res.locals.locale as Locale;
}

export function detectLocale(): RequestHandler {
  return (req, res, next) => {
    res.locals.locale = pickLocale(req.headers['accept-language']);
    next();
  };
}
