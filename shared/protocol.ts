// The sync protocol (docs/protocol.md): push, pull, meta and login bodies; both sides parse them.
import { z } from 'zod';
import { hasNoLookalikes, isValidDate } from './field';
import { roleSchema } from './roles';

export const limits = {
  /** Rows (mutations) per push request; the add-in chunks to this. */
  maxMutationsPerPush: 2000,
  /** Bytes per JSON request body. */
  maxBodyBytes: 4 * 1024 * 1024,
  /** Rows per pull page. */
  maxPullLimit: 10000,
  defaultPullLimit: 2000,
  /** An uploaded workbook. */
  maxUploadBytes: 20 * 1024 * 1024,
  maxImportRows: 100000,
} as const;

const id = z.string().trim().min(1).max(100);

const mutationSchema = z.object({
  mutationId: id,
  op: z.enum(['upsert', 'delete']),
  rowKey: id,
  baseVersion: z.number().int().min(1).optional(),
  values: z.record(z.string(), z.unknown()).default({}),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.object({
  workbookId: id,
  clientId: id,
  dataset: z.string().min(1).max(50),
  dryRun: z.boolean().optional(),
  atomic: z.boolean().optional(),
  /** Dataset-specific switches, e.g. { releaseCredit: true } for a manager's credit release. */
  options: z.record(z.string(), z.union([z.boolean(), z.string(), z.number()])).optional(),
  mutations: z.array(mutationSchema).min(1).max(limits.maxMutationsPerPush),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

const rowErrorSchema = z.object({
  field: z.string().optional(),
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type RowError = z.infer<typeof rowErrorSchema>;

const rowStatuses = ['applied', 'unchanged', 'rejected', 'conflict'] as const;
export type RowStatus = (typeof rowStatuses)[number];

const rowResultSchema = z.object({
  mutationId: z.string(),
  rowKey: z.string(),
  status: z.enum(rowStatuses),
  id: z.string().optional(),
  version: z.number().int().optional(),
  errors: z.array(rowErrorSchema),
  /** What the server did on the row's behalf without refusing it (a default it took). */
  notices: z.array(rowErrorSchema).optional(),
  serverValues: z.record(z.string(), z.unknown()).optional(),
});
export type RowResult = z.infer<typeof rowResultSchema>;

export const pushResponseSchema = z.object({
  dataset: z.string(),
  dryRun: z.boolean(),
  atomic: z.boolean(),
  results: z.array(rowResultSchema),
  summary: z.object({
    applied: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    conflict: z.number().int(),
  }),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** A date in a query: a day that exists ('2024-02-30' is refused, not read as no rows). */
const dateParam = z
  .string()
  .max(10, { error: 'invalid-date-param' })
  .refine(isValidDate, { error: 'invalid-date-param' });

/** A code in a query; one typed with look-alike Cyrillic or Greek letters is refused. */
const codeParam = z.string().max(40).refine(hasNoLookalikes, { error: 'confusable-code' });

/** Filters any pull accepts; a dataset ignores those that do not apply to it. */
export const pullFilterSchema = z.object({
  from: dateParam.optional(),
  to: dateParam.optional(),
  region: codeParam.optional(),
  dealer: codeParam.optional(),
  category: z.string().max(50).optional(),
  location: codeParam.optional(),
});
export type PullFilter = z.infer<typeof pullFilterSchema>;

export const pullQuerySchema = pullFilterSchema.extend({
  dataset: z.string().min(1).max(50),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(limits.maxPullLimit).default(limits.defaultPullLimit),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

const pullRowSchema = z.object({
  key: z.string(),
  version: z.number().int(),
  op: z.enum(['upsert', 'delete']),
  values: z.record(z.string(), z.unknown()),
});
export type PullRow = z.infer<typeof pullRowSchema>;

export const pullResponseSchema = z.object({
  dataset: z.string(),
  rows: z.array(pullRowSchema),
  cursor: z.string(),
  hasMore: z.boolean(),
  reset: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const sessionUserSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  regions: z.array(z.string()),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const loginResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: sessionUserSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** The body of every whole-request error. */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string().optional(),
  }),
});
