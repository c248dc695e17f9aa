// createApp(deps) builds the Express app from its dependencies; main.ts listens. Nothing in
// here reads globals, so tests build it with their own store, clock and logger.
import compression from 'compression';
import express, { type Express, type RequestHandler } from 'express';
import { limits } from '../shared/protocol';
import { allow, authenticate } from './http/auth';
import { rememberBodyHash } from './http/body-hash';
import { AppError, errorHandler } from './http/errors';
import {
  cors,
  detectLocale,
  headerLimits,
  hostCheck,
  requestLog,
  securityHeaders,
} from './http/middleware';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { fileRoutes } from './routes/files';
import { metaRoutes } from './routes/meta';
import { openApiDocument } from './routes/openapi';
import type { AppDeps, Route, RouteFactory } from './routes/route';
import { syncRoutes } from './routes/sync';

/** Every API route; features add their factories here. */
const routeFactories: RouteFactory[] = [
  authRoutes,
  metaRoutes,
  syncRoutes,
  auditRoutes,
  fileRoutes,
];

export function buildRoutes(
  deps: AppDeps,
  factories: readonly RouteFactory[] = routeFactories,
): Route[] {
  return factories.flatMap((factory) => factory(deps));
}

/** A route that takes a JSON body refuses any other media type (415) before reading it. */
const requireJson: RequestHandler = (req, _res, next) => {
  const type = req.headers['content-type'];
  if (type !== undefined && !req.is('application/json'))
    throw new AppError('unsupported-media-type', { type: type.slice(0, 80) });
  next();
};

function mount(app: Express, deps: AppDeps, route: Route): void {
  const chain: RequestHandler[] = [];
  if (route.roles) chain.push(authenticate(deps.db, deps.now), allow(...route.roles));
  if (route.body) chain.push(requireJson);
  chain.push(async (req, res) => {
    await route.handle(req, res);
  });
  app[route.method](route.path, ...chain);
}

export function createApp(deps: AppDeps, factories?: readonly RouteFactory[]): Express {
  const app = express();
  app.disable('x-powered-by');
  // Responses are not cached by content; meta sets its own ETag from the data it describes.
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.set('trust proxy', deps.trustProxy ?? false);
  app.use(requestLog(deps.logger, deps.now), securityHeaders(), detectLocale());
  app.use(hostCheck(deps.allowedHosts ?? []), headerLimits());
  app.use('/api', cors(new Set(deps.allowedOrigins)));
  // A 2,000-row pull page is ~1 MB of JSON and ~40 kB gzipped: compressed when the client
  // accepts it (browsers and the add-in's fetch do). Workbooks are zips already: left alone.
  app.use('/api', compression({ threshold: 1024 }));
  app.use('/api', express.json({ limit: limits.maxBodyBytes, verify: rememberBodyHash }));
  const routes = buildRoutes(deps, factories);
  app.get('/api/v1/health', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/api/v1/openapi.json', (_req, res) => {
    res.json(openApiDocument(routes));
  });
  for (const route of routes) mount(app, deps, route);
  if (deps.addinDir)
    app.use('/addin', express.static(deps.addinDir, { index: 'taskpane.html', maxAge: '5m' }));
  if (deps.officeJsDir) app.use('/office-js', express.static(deps.officeJsDir, { maxAge: '1h' }));
  app.get('/', (_req, res) => {
    res.redirect(deps.addinDir ? '/addin/' : '/api/v1/openapi.json');
  });
  app.use('/api', (req) => {
    throw new AppError('route-not-found', {
      method: req.method,
      path: req.originalUrl.split('?')[0]?.slice(0, 200) ?? '',
    });
  });
  app.use(errorHandler(deps.logger));
  return app;
}
