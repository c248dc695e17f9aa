// Reads an upload's raw bytes with a hard limit: a declared Content-Length over the limit is
// refused before a byte is read, and a streamed body stops being read at the limit, so a
// 25 MB (or endless) body costs at most `limit` bytes of memory.
import type { Request, Response } from 'express';
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

/** Past the limit the answer closes the connection, so Node does not drain the rest of the body. */
function tooLarge(res: Response, limit: number): AppError {
  res.setHeader('Connection', 'close');
  return new AppError('file-too-large', { limit: megabytes(limit) });
}

export function readUpload(req: Request, res: Response, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) return Promise.reject(tooLarge(res, limit));
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
      if (size > limit) stop(tooLarge(res, limit));
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
