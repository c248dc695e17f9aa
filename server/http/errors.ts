// One error type, one code → status table, one handler registered last. See docs/protocol.md.
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
  'idempotency-key-required': 400,
  'not-found': 404,
  'unknown-dataset': 404,
  'dataset-not-pushable': 405,
  'idempotency-in-progress': 409,
  'idempotency-key-reused': 422,
  'payload-too-large': 413,
  'file-too-large': 413,
  'too-many-rows': 413,
  'file-too-many-rows': 413,
  'file-not-xlsx': 422,
  'file-zip-bomb': 422,
  'file-too-many-sheets': 422,
  'file-no-header': 422,
  'file-wrong-type': 415,
};

export class AppError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly params: MessageParams = {},
    readonly details?: unknown,
  ) {
    super(code);
  }

  get status(): number {
    return statusByCode[this.code] ?? 400;
  }
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const locale = pickLocale(req.headers['accept-language']);
    const requestId = String(res.locals.requestId ?? '');
    let appError: AppError;
    if (error instanceof AppError) appError = error;
    else if (isBodyParserError(error)) appError = bodyParserError(error);
    else {
      logger.error('unhandled error', {
        requestId,
        error: error instanceof Error ? error.stack : String(error),
      });
      appError = new AppError('internal', { requestId });
    }
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

function isBodyParserError(error: unknown): error is { type: string; limit?: number } {
  return (
    typeof error === 'object' && error !== null && 'type' in error && typeof error.type === 'string'
  );
}

function bodyParserError(error: { type: string; limit?: number }): AppError {
  if (error.type === 'entity.too.large')
    return new AppError('payload-too-large', { limit: `${error.limit ?? ''} B` });
  return new AppError('invalid-request', { detail: error.type });
}
