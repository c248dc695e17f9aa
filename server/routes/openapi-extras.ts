// What the route table does not say about a route but its OpenAPI operation must: headers it
// reads, and bodies that are workbooks rather than JSON. Keyed by "method path".
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const binary = { type: 'string', format: 'binary' };

interface OperationExtras {
  /** Header parameters besides Accept-Language (which every operation takes). */
  headers?: { name: string; required: boolean; description: string; schema: unknown }[];
  requestBody?: unknown;
  /** The 200 answer's content types, when it is not (only) the route's JSON response. */
  okContent?: Record<string, unknown>;
}

const idempotencyKey = (required: boolean) => ({
  name: 'Idempotency-Key',
  required,
  description:
    'Binds the request to one outcome: a retry with the same key and body replays the stored answer (header Idempotent-Replayed: true); another body → 422; while the first still runs → 409. 8–100 letters, digits, "_" or "-".',
  schema: { type: 'string', pattern: '^[\\w-]{8,100}$' },
});

export const operationExtras: Record<string, OperationExtras> = {
  'post /api/v1/sync/push': { headers: [idempotencyKey(true)] },
  'post /api/v1/import/{dataset}': {
    headers: [idempotencyKey(false)],
    requestBody: {
      required: true,
      description: 'The .xlsx workbook; its first sheet is imported.',
      content: { [XLSX]: { schema: binary }, 'application/octet-stream': { schema: binary } },
    },
    okContent: {
      'application/json': { schema: { type: 'object', description: 'The import report' } },
      [XLSX]: {
        schema: { ...binary, description: 'With format=xlsx: the sheet with its results' },
      },
    },
  },
  'get /api/v1/export/{file}': { okContent: { [XLSX]: { schema: binary } } },
};

export const acceptLanguage = {
  name: 'Accept-Language',
  in: 'header',
  required: false,
  description: 'zh-CN (default) or en-US: the language of messages in the answer.',
  schema: { type: 'string', example: 'zh-CN' },
};

/** getSyncPull, postImportByDataset… from the method and the path after /api/v1. */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/v1\//, '')
    .split('/')
    .map((part) => {
      const param = /^\{(\w+)\}$/.exec(part)?.[1];
      return param ? `by-${param}` : part;
    })
    .join('-')
    .split(/[-_.]/)
    .filter(Boolean);
  return [method, ...words]
    .map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
}
