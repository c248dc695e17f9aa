// One error type, one code → status table, one handler registered last. See docs/protocol.md, "Errors".
// Statuses are honest: a caller's mistake is a 4xx with a stable code; only a real fault of the
// server answers 500 ("internal", with the request id to quote and never a stack), so clients
// know what is worth retrying and monitoring counts real faults. Errors raised by Express and
// body-parser for malformed requests (a bad percent-escape, a body that is not what its
// Content-Encoding says, broken JSON) are mapped to our codes here, never to "internal".
import type { ErrorRequestHandler } from 'express';
import type { MessageCode, MessageParams } from '../../shared/messages';
import { formatMessage } from '../../shared/messages';
import { pickLocale } from '../../shared/locale';
import type { Logger } from '../logger';

const statusByCode: Partial<Record<MessageCode, number>> = {
  unauthenticated: 401,
  'invalid-credentials': 401,
  'token-expired': 401,
  forbidden: 403,
  'origin-not-allowed': 403,
  'region-not-allowed': 403,
  'invalid-request': 400,
  'invalid-json': 400,
  'invalid-path': 400,
  'invalid-param': 400,
  'invalid-date-param': 400,
  'confusable-code': 400,
  'invalid-body-encoding': 400,
  'request-aborted': 400,
  'idempotency-key-required': 400,
  'idempotency-key-invalid': 400,
  'not-found': 404,
  'route-not-found': 404,
  'unknown-dataset': 404,
  'dataset-not-pushable': 405,
  'idempotency-in-progress': 409,
  'host-not-allowed': 421,
  'idempotency-key-reused': 422,
  'payload-too-large': 413,
  'file-too-large': 413,
  'too-many-rows': 413,
  'file-too-many-rows': 413,
  'file-too-many-cells': 413,
  'file-too-complex': 422,
  'unsupported-encoding': 415,
  'unsupported-charset': 415,
  'unsupported-media-type': 415,
  'header-too-large': 431,
  'file-not-xlsx': 422,
  'file-zip-bomb': 422,
  'file-too-many-sheets': 422,
  'file-no-header': 422,
  'file-wrong-type': 415,
  'too-many-sign-ins': 429,
  internal: 500,
  busy: 503,
};

interface AppErrorOptions {
  /** Extra response headers (Retry-After on 429 and 503). */
  headers?: Readonly<Record<string, string>>;
}

export class AppError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly params: MessageParams = {},
    readonly details?: unknown,
    readonly options: AppErrorOptions = {},
  ) {
    super(code);
  }

  /** Codes without an entry are outcomes of a request the caller can fix: 400. */
  get status(): number {
    return statusByCode[this.code] ?? 400;
  }
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const locale = pickLocale(req.headers['accept-language']);
    const requestId = String(res.locals.requestId ?? '');
    let appError = error instanceof AppError ? error : frameworkError(error, req.headers);
    if (!appError) {
      logger.error('unhandled error', {
        requestId,
        method: req.method,
        path: req.path,
        error: error instanceof Error ? error.stack : String(error),
      });
      appError = new AppError('internal', { requestId });
    }
    if (res.headersSent) {
      // The answer already started (a stream failed half-way): all that is left is to cut it.
      res.destroy();
      return;
    }
    for (const [name, value] of Object.entries(appError.options.headers ?? {}))
      res.setHeader(name, value);
    res.status(appError.status).json({
      error: {
        code: appError.code,
        message: formatMessage(appError.code, appError.params, locale),
        ...(appError.details === undefined ? {} : { details: appError.details }),
        requestId,
      },
    });
  };
}

interface HttpErrorLike {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  code?: unknown;
  limit?: unknown;
  encoding?: unknown;
  charset?: unknown;
  message?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** body-parser's error types (`error.type`) → our codes. */
function bodyParserError(error: HttpErrorLike, headers: Record<string, unknown>): AppError | null {
  switch (error.type) {
    case 'entity.too.large':
      return new AppError('payload-too-large', {
        limit: typeof error.limit === 'number' ? `${error.limit} B` : '?',
      });
    case 'entity.parse.failed':
      return new AppError(
        'invalid-json',
        { detail: text(error.message).slice(0, 120) },
        { reason: 'entity.parse.failed' },
      );
    case 'encoding.unsupported':
      return new AppError('unsupported-encoding', {
        encoding: text(error.encoding) || text(headers['content-encoding']),
      });
    case 'charset.unsupported':
      return new AppError('unsupported-charset', { charset: text(error.charset) });
    case 'request.aborted':
      return new AppError('request-aborted');
    case 'request.size.invalid':
    case 'stream.encoding.set':
    case 'stream.not.readable':
    case 'entity.verify.failed':
    case 'parameters.too.many':
      return new AppError('invalid-request', { detail: error.type }, { reason: error.type });
    default:
      return null;
  }
}

/**
 * Errors Express and its body parser raise for a malformed request carry a 4xx `status`; they
 * are the caller's doing and get a code of ours. Anything else (and any 5xx) is a fault: null.
 */
function frameworkError(error: unknown, headers: Record<string, unknown>): AppError | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as HttpErrorLike;
  const known = bodyParserError(e, headers);
  if (known) return known;
  const status = typeof e.status === 'number' ? e.status : Number(e.statusCode);
  if (!(status >= 400 && status < 500)) return null;
  // A body that does not inflate as its Content-Encoding says (zlib's Z_DATA_ERROR and kin).
  if (
    /^(Z_|ERR_BROTLI|ERR__?ZLIB)/.test(text(e.code)) ||
    /incorrect header check/.test(text(e.message))
  )
    return new AppError('invalid-body-encoding', {
      encoding: text(headers['content-encoding']) || '?',
    });
  // The router could not decode a path parameter (decodeURIComponent threw a URIError).
  if (error instanceof URIError || /Failed to decode param/.test(text(e.message)))
    return new AppError('invalid-path');
  if (status === 404) return new AppError('not-found', { what: 'route' });
  return new AppError('invalid-request', { detail: text(e.message).slice(0, 120) });
}
