// `npm run lint:openapi`: writes the OpenAPI document the server publishes at
// /api/v1/openapi.json to a temporary file and lints it with Redocly's recommended rules
// (redocly.yaml), offline: no telemetry, no update check.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildRoutes } from '../server/app';
import { silentLogger } from '../server/logger';
import { openApiDocument } from '../server/routes/openapi';
import type { Db } from '../server/store/db';
import { buildRegistry } from '../server/sync/registry';

const routes = buildRoutes({
  db: null as unknown as Db,
  now: () => new Date(),
  logger: silentLogger,
  handlers: buildRegistry(),
  tokenHours: 12,
  allowedOrigins: [],
});
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-'));
const file = path.join(dir, 'openapi.json');
fs.writeFileSync(file, JSON.stringify(openApiDocument(routes), null, 2));
const redocly = path.join(import.meta.dirname, '..', 'node_modules', '.bin', 'redocly');
const run = spawnSync(
  redocly,
  ['lint', file, '--config', path.join(import.meta.dirname, '..', 'redocly.yaml')],
  {
    stdio: 'inherit',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  },
);
fs.rmSync(dir, { recursive: true, force: true });
process.exit(run.status ?? 1);
