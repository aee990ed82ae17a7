// The HTTP API (fastify): security headers, CSRF check, multipart uploads, zod-typed routes, the OpenAPI document
// and its docs page, over one open Store. Every route calls the layers below; none holds their logic.
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { readFileSync } from 'node:fs';
import type { Lang } from '../model/diagnostic.ts';
import type { Store } from '../store/index.ts';
import { installAuth, type AuthOptions } from './auth.ts';
import { Isolated } from '../isolate/pool.ts';
import { Batches } from './batches.ts';
import { ApiError, installErrorHandlers } from './errors.ts';
import { authRoutes } from './routes/auth.ts';
import { checkRoutes } from './routes/check.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { fileRoutes } from './routes/files.ts';
import { libraryRoutes } from './routes/library.ts';
import { reportRoutes } from './routes/reports.ts';
import { ruleRoutes } from './routes/rules.ts';
import { sourceRoutes } from './routes/source.ts';
import { writeRoutes } from './routes/write.ts';
import { DEFAULT_LIMITS, type UploadLimits } from './uploads.ts';
import { hasWebApp, serveWebApp, WEB_DIST } from './web.ts';

/** The header a state-changing request must carry (CSRF: a cross-site form or image cannot send it). */
export const CSRF_HEADER = 'x-nianbao';

/** Options of the API server. */
export interface ServerOptions {
  store: Store;
  /** Upload limits (50 MB a file by default). */
  limits?: Partial<UploadLimits>;
  /** Language of the findings (Chinese by default). */
  lang?: Lang;
  /** Read scanned PDF pages by OCR (default true). */
  ocr?: boolean;
  /** fastify's logger (off by default: the CLI prints). */
  logger?: boolean;
  /** The built web app to serve under / (web/dist by default when it is built; false: the API alone). */
  web?: string | false;
  /** The login mode (serve sets it from NIANBAO_AUTH=1): users, roles and sessions; single-user otherwise. */
  auth?: boolean | AuthOptions;
  /**
   * Seconds an uploaded or checked file may take to read on its worker thread before it is stopped, named with
   * read/timeout and not stored (0: no limit; src/isolate/pool.ts DEFAULT_TIMEOUT by default).
   */
  timeout?: number;
  /** MB of heap of that worker thread; a file needing more is stopped, read/too-large (DEFAULT_MAX_MEMORY). */
  maxMemory?: number;
}

/** What every route module gets. */
export interface RouteContext {
  store: Store;
  batches: Batches;
  limits: UploadLimits;
  /** Reads a file's bytes under the time and memory limits (one worker thread, made at the first file needing it). */
  reader: Isolated;
  lang: Lang;
  ocr: boolean;
  version: string;
}

/** nianbao's version, from package.json. */
export function serverVersion(): string {
  return (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  ).version;
}

/** The Content-Security-Policy of every answer: nothing inline, nothing from elsewhere. */
export const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Builds the API server (not listening: call `listen`, or `inject` in tests). */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const limits: UploadLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const lang = options.lang ?? 'zh';
  const ocr = options.ocr ?? true;
  const app = Fastify({
    logger: options.logger ?? false,
    // A report's JSON posted to /api/check may be as large as a file.
    bodyLimit: limits.fileSize,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const web = options.web === false ? null : (options.web ?? (hasWebApp() ? WEB_DIST : null));
  installErrorHandlers(app, web !== null);

  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP },
    crossOriginEmbedderPolicy: false,
  });
  // CSRF: a state-changing request must say it comes from nianbao's own pages (or a tool) by a custom header; a
  // browser sends one cross-site only after a CORS preflight, which this server never grants.
  app.addHook('onRequest', async (request) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return;
    if (request.headers[CSRF_HEADER] !== '1')
      throw new ApiError(
        403,
        'csrf',
        `${request.method} ${request.url.split('?')[0]} needs the header X-Nianbao: 1 (protection against cross-site requests)`,
      );
  });
  await installAuth(app, options.store, Boolean(options.auth));
  await app.register(multipart, {
    limits: {
      fileSize: limits.fileSize,
      files: limits.files,
      fields: 20,
      parts: limits.files + 20,
      fieldSize: 64 * 1024,
    },
    throwFileSizeLimit: false,
    // A name as sent ("folder/a.txt" from a folder upload) is kept whole, as data; busboy would cut it at the "/".
    preservePath: true,
  });
  const version = serverVersion();
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'nianbao API',
        description:
          'Read, check, store, sum and compare annual reports on government information disclosure. ' +
          'POST, PATCH and DELETE need the header X-Nianbao: 1. With NIANBAO_AUTH=1, every route but health, ' +
          'login, logout, me and these docs needs the session cookie of POST /api/login.',
        version,
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // One worker thread for the server's files, as it reads one upload at a time; a check waits for it. Small text
  // too, unlike a CLI batch: on the worker an upload of a sample text cost 0.95–1.2× its in-process time (42 → 51 ms
  // for read, check and store; the reading alone 3.0 → 4.6 ms; scripts/measure-server-isolation.ts, contended),
  // while texts under 256 KB made to be slow (5,300 table rows, 13,800 headings) took 0.46 s each to read in
  // process — time in which the server would answer nobody.
  const reader = new Isolated({
    threads: 1,
    inProcessMaxBytes: 0,
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
    ...(options.maxMemory !== undefined ? { maxMemory: options.maxMemory } : {}),
  });
  const batches = new Batches(options.store, { lang, ocr }, reader);
  const context: RouteContext = { store: options.store, batches, reader, limits, lang, ocr, version };
  app.addHook('onClose', async () => {
    await batches.idle();
    await reader.close();
  });

  if (web !== null) await serveWebApp(app, web);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(async (scope) => {
    authRoutes(
      scope.withTypeProvider<ZodTypeProvider>(),
      context,
      Boolean(options.auth),
      typeof options.auth === 'object' ? options.auth : {},
    );
    fileRoutes(scope.withTypeProvider<ZodTypeProvider>(), context);
    reportRoutes(scope.withTypeProvider<ZodTypeProvider>(), context);
    libraryRoutes(scope.withTypeProvider<ZodTypeProvider>(), context);
    checkRoutes(scope.withTypeProvider<ZodTypeProvider>(), context);
    ruleRoutes(scope.withTypeProvider<ZodTypeProvider>());
    sourceRoutes(scope.withTypeProvider<ZodTypeProvider>(), context);
    dashboardRoutes(scope.withTypeProvider<ZodTypeProvider>(), context);
    writeRoutes(scope.withTypeProvider<ZodTypeProvider>(), context);
  });
  return app;
}

/** The fastify instance the route modules get, typed by zod. */
export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
