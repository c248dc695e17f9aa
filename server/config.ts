// Configuration from environment variables, validated at start-up.
import { z } from 'zod';
import { moduleNames } from '../shared/registry';

const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v === '1' || v === 'true'));

/** Which modules a deployment serves: `dealer`, `estate` or both (docs/estate.md). */
const modulesSetting = z
  .string()
  .optional()
  .transform((text) =>
    (text ?? '')
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(moduleNames)))
  .transform((list) => (list.length === 0 ? [...moduleNames] : [...new Set(list)]));

const configSchema = z
  .object({
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    SALES_SYNC_DB: z.string().min(1).default('data/sales-sync.db'),
    /** postgres://user:password@host:5432/db selects PostgreSQL instead of the SQLite file. */
    SALES_SYNC_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// URL' })
      .optional(),
    /** Connections each instance keeps to PostgreSQL (at least 2: the start-up locks hold one). */
    SALES_SYNC_DB_POOL: z.coerce.number().int().min(2).max(200).default(10),
    /** Queries slower than this many milliseconds are logged. */
    SALES_SYNC_SLOW_QUERY_MS: z.coerce.number().int().min(1).default(500),
    SALES_SYNC_DEMO: flag,
    SALES_SYNC_MODULES: modulesSetting,
    SALES_SYNC_TLS_CERT: z.string().min(1).optional(),
    SALES_SYNC_TLS_KEY: z.string().min(1).optional(),
    /** Extra origins allowed by CORS (comma-separated), besides the server's own. */
    SALES_SYNC_ORIGINS: z.string().optional(),
    /** The address users reach the server at (its host is accepted in Host headers). */
    SALES_SYNC_PUBLIC_URL: z.url().optional(),
    /**
     * The reverse proxies whose X-Forwarded-For names the client: a hop count (`1`), or
     * addresses and subnets, comma-separated (`loopback`, `10.0.0.0/8`). Unset: none.
     */
    SALES_SYNC_TRUST_PROXY: z
      .string()
      .trim()
      .min(1)
      .transform((text) => (/^\d+$/.test(text) ? Number(text) : text))
      .optional(),
    /** More host names the server answers to (comma-separated), besides loopback. */
    SALES_SYNC_HOSTS: z.string().optional(),
    /**
     * This instance's stable name, the owner of the Idempotency-Keys it runs; default host:port.
     * Give each instance its own when several share one database on one host and port.
     */
    SALES_SYNC_INSTANCE_ID: z
      .string()
      .regex(/^[\w.:@#-]{1,100}$/)
      .optional(),
    SALES_SYNC_TOKEN_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(12),
    /** Days a push's stored reply (Idempotency-Key) is kept for replays; docs/retention.md. */
    SALES_SYNC_REPLY_DAYS: z.coerce.number().positive().max(3650).default(3),
    /** Days a client's applied mutation ids are kept (guard 2); docs/retention.md. */
    SALES_SYNC_MUTATION_DAYS: z.coerce.number().positive().max(3650).default(30),
  })
  .refine((c) => Boolean(c.SALES_SYNC_TLS_CERT) === Boolean(c.SALES_SYNC_TLS_KEY), {
    error: 'SALES_SYNC_TLS_CERT and SALES_SYNC_TLS_KEY go together',
  });

export type Config = z.infer<typeof configSchema>;

export function readConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || 'config'}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Where the store is (a postgres:// URL or the SQLite file) and how to open it. */
export function storeLocation(config: Config): string {
  return config.SALES_SYNC_DATABASE_URL ?? config.SALES_SYNC_DB;
}

/** The store's location for logs: a URL without its password. */
export function describeStore(config: Config): string {
  if (!config.SALES_SYNC_DATABASE_URL) return config.SALES_SYNC_DB;
  const url = new URL(config.SALES_SYNC_DATABASE_URL);
  url.password = '';
  return url.toString();
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '']);

/**
 * The host names the server answers to besides loopback (the DNS rebinding guard): the address
 * it listens on unless that is a wildcard, this machine's name, the public URL's host, and
 * SALES_SYNC_HOSTS.
 */
export function allowedHostNames(config: Config, machineName: string): string[] {
  const listed = (config.SALES_SYNC_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  const publicHost = config.SALES_SYNC_PUBLIC_URL
    ? new URL(config.SALES_SYNC_PUBLIC_URL).hostname
    : null;
  return [
    ...(WILDCARD_ADDRESSES.has(config.HOST) ? [] : [config.HOST]),
    machineName,
    ...(publicHost ? [publicHost] : []),
    ...listed,
  ];
}
