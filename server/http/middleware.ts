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

/**
 * Where Office may frame the task pane (Office on the web and its hosts); desktop Office loads
 * it in a webview with no parent frame. Nobody else may frame it (clickjacking).
 */
const OFFICE_FRAME_ANCESTORS = [
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.officeapps.live.com',
  'https://*.sharepoint.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
  'https://*.live.com',
];

/** Office's script host: office.js and the scripts it loads from Microsoft's CDN. */
const OFFICE_SCRIPT_HOSTS = ['https://appsforoffice.microsoft.com'];

const paneCsp = [
  "default-src 'self'",
  `script-src 'self' ${OFFICE_SCRIPT_HOSTS.join(' ')}`,
  // Fluent UI writes its styles at run time; the page has one small inline <style>.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  // The pane may sign in to another server than the one that served it.
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  `frame-ancestors 'self' ${OFFICE_FRAME_ANCESTORS.join(' ')}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** API answers are data: nothing in them may run, be framed, or be kept by a cache. */
const apiCsp = "default-src 'none'; frame-ancestors 'none'";

export function securityHeaders(): RequestHandler {
  return (req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
    if (req.path.startsWith('/api/')) {
      res.setHeader('Content-Security-Policy', apiCsp);
      // Tokens, prices and dealers' balances: no copy in any cache (meta revalidates by ETag).
      res.setHeader('Cache-Control', 'no-store');
    } else {
      res.setHeader('Content-Security-Policy', paneCsp);
    }
    next();
  };
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1'];

/** The host name of a Host header, without its port and IPv6 brackets, in lower case. */
function hostName(header: string): string {
  const host = header.trim().toLowerCase();
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    return end > 0 ? host.slice(1, end) : host;
  }
  const colon = host.lastIndexOf(':');
  return colon >= 0 && host.indexOf(':') === colon ? host.slice(0, colon) : host;
}

/**
 * DNS rebinding: a page on evil.example whose name is made to resolve to this server would
 * otherwise talk to it as same-origin. Only the names this server is known by pass: loopback,
 * its configured address and public URL, and SALES_SYNC_HOSTS.
 */
export function hostCheck(configured: readonly string[]): RequestHandler {
  const allowed = new Set([...LOOPBACK_HOSTS, ...configured.map((h) => hostName(h))]);
  return (req, _res, next) => {
    const name = hostName(req.headers.host ?? '');
    if (!allowed.has(name))
      throw new AppError('host-not-allowed', { host: (req.headers.host ?? '').slice(0, 100) });
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

/** No header we read needs more; Node refuses all headers past 16 KB together (431). */
const MAX_HEADER_CHARS = 4096;

/** One over-long header value (a huge Authorization, Accept-Language…) → 431 with its name. */
export function headerLimits(): RequestHandler {
  return (req, _res, next) => {
    for (const [name, value] of Object.entries(req.headers)) {
      const length = Array.isArray(value) ? value.join(',').length : (value?.length ?? 0);
      if (length > MAX_HEADER_CHARS)
        throw new AppError('header-too-large', { header: name, limit: MAX_HEADER_CHARS });
    }
    next();
  };
}
