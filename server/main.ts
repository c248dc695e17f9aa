// Reads the configuration, opens and migrates the store, seeds the demo on an empty store (or
// with SALES_SYNC_DEMO=1), and listens — over HTTPS when a certificate is configured or
// office-addin-dev-certs' localhost certificate is present, else plain HTTP.
import cluster from 'node:cluster';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import {
  allowedHostNames,
  describeStore,
  isLoopback,
  readConfig,
  storeLocation,
  type Config,
} from './config';
import { jsonLogger, type Logger } from './logger';
import type { Store } from './store/db';
import { openMigratedStore } from './store/open';
import { releaseOrphanedKeys } from './sync/idempotency';
import { buildRegistry } from './sync/registry';
import { assertNoDemoPasswords, prepareDemo } from './demo-mode';
import { startPruning } from './sync/retention';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function tlsOptions(config: Config): { cert: Buffer; key: Buffer } | null {
  if (config.SALES_SYNC_TLS_CERT && config.SALES_SYNC_TLS_KEY) {
    return {
      cert: fs.readFileSync(config.SALES_SYNC_TLS_CERT),
      key: fs.readFileSync(config.SALES_SYNC_TLS_KEY),
    };
  }
  const devCerts = path.join(os.homedir(), '.office-addin-dev-certs');
  const cert = path.join(devCerts, 'localhost.crt');
  const key = path.join(devCerts, 'localhost.key');
  if (fs.existsSync(cert) && fs.existsSync(key))
    return { cert: fs.readFileSync(cert), key: fs.readFileSync(key) };
  return null;
}

/**
 * The default instance name: host and port, which one process at a time can hold. Workers of
 * one cluster share a port, so each adds its worker id.
 */
function instanceName(config: Config): string {
  const worker = cluster.isWorker && cluster.worker ? `#${cluster.worker.id}` : '';
  return `${os.hostname()}:${config.PORT}${worker}`;
}

/**
 * Once this process holds the port its previous process is surely gone: the Idempotency-Keys
 * that process left running (a crash mid-push) are freed so the client's retry runs.
 */
async function afterListen(input: { store: Store; logger: Logger; instanceId: string }) {
  try {
    const released = await releaseOrphanedKeys(input.store.db, {
      owner: input.instanceId,
      now: new Date(),
    });
    if (released > 0)
      input.logger.warn('released idempotency keys left running by a dead process', { released });
  } catch (error) {
    input.logger.error('could not release idempotency keys', { error: String(error) });
  }
}

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const logger = jsonLogger((line) => process.stdout.write(`${line}\n`));
  const store = await openMigratedStore(storeLocation(config), undefined, {
    logger,
    poolSize: config.SALES_SYNC_DB_POOL,
    slowQueryMs: config.SALES_SYNC_SLOW_QUERY_MS,
  });
  const demo = await prepareDemo(store, { config, logger });
  await assertNoDemoPasswords(store, config);
  const tls = tlsOptions(config);
  const scheme = tls ? 'https' : 'http';
  const ownOrigin = `${scheme}://${config.HOST === '127.0.0.1' ? 'localhost' : config.HOST}:${config.PORT}`;
  const extraOrigins = (config.SALES_SYNC_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const addinDir = path.join(root, 'dist', 'addin');
  const instanceId = config.SALES_SYNC_INSTANCE_ID ?? instanceName(config);
  const app = createApp({
    db: store.db,
    now: () => new Date(),
    logger,
    handlers: buildRegistry(config.SALES_SYNC_MODULES),
    tokenHours: config.SALES_SYNC_TOKEN_HOURS,
    allowedOrigins: [ownOrigin, `${scheme}://127.0.0.1:${config.PORT}`, ...extraOrigins],
    allowedHosts: allowedHostNames(config, os.hostname()),
    ...(config.SALES_SYNC_TRUST_PROXY === undefined
      ? {}
      : { trustProxy: config.SALES_SYNC_TRUST_PROXY }),
    ...(fs.existsSync(addinDir) ? { addinDir } : {}),
    officeJsDir: path.join(root, 'node_modules', '@microsoft', 'office-js', 'dist'),
    instanceId,
  });
  // Stored push replies and applied mutation ids past their retention, off the requests' path.
  const stopPruning = startPruning(
    { db: store.db, now: () => new Date(), logger },
    { replyDays: config.SALES_SYNC_REPLY_DAYS, mutationDays: config.SALES_SYNC_MUTATION_DAYS },
  );
  const server = tls ? https.createServer(tls, app) : http.createServer(app);
  server.requestTimeout = 120_000;
  server.listen(config.PORT, config.HOST, () => {
    void afterListen({ store, logger, instanceId }).then(() => {
      logger.info('listening', {
        url: `${ownOrigin}/`,
        taskpane: `${ownOrigin}/addin/taskpane.html`,
        db: describeStore(config),
        demo,
        instanceId,
      });
      if (demo)
        process.stdout.write(
          `\nSales Sync demo: ${ownOrigin}/addin/  — sign in as demo-sales / demo (also demo-admin, demo-manager, demo-warehouse, demo-finance, demo-analyst)\n\n`,
        );
    });
  });
  const stop = () => {
    server.close(() => {
      void stopPruning()
        .then(() => store.close())
        .then(() => process.exit(0));
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (!isLoopback(config.HOST) && demo) throw new Error('unreachable: demo mode is loopback-only');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
