// Reads an upload's raw bytes with a hard limit: a declared Content-Length over the limit is
// refused before a byte is read, and a streamed body stops being read at the limit, so a
// 25 MB (or endless) body costs at most `limit` bytes of memory.
import type { Request } from 'express';
import { AppError } from '../http/errors';

const ACCEPTED_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
]);

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Only .xlsx (or untyped bytes) may be uploaded; .xls and .csv are refused by their type too. */
export function assertXlsxContentType(req: Request): void {
  const type =
    (req.headers['content-type'] ?? 'application/octet-stream')
      .split(';')[0]
      ?.trim()
      .toLowerCase() ?? '';
  if (!ACCEPTED_TYPES.has(type)) throw new AppError('file-wrong-type', { type });
}

export function readUpload(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit)
    return Promise.reject(new AppError('file-too-large', { limit: megabytes(limit) }));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (error?: AppError) => {
      req.off('data', onData).off('end', onEnd).off('error', onError);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit nothing more is kept; Node discards the rest once the answer has gone.
      if (size > limit) stop(new AppError('file-too-large', { limit: megabytes(limit) }));
      else chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
    };
    const onError = () => {
      stop(new AppError('invalid-request', { detail: 'upload aborted' }));
    };
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}
