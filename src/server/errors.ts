// The API's errors: one JSON shape `{ error: { code, message } }`, the right status, no stack trace ever sent.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { NoDatabaseError, StoreError } from '../store/index.ts';
import { isPageRequest, sendIndex } from './web.ts';

/** The error codes of the API, by HTTP status. */
export type ErrorCode =
  | 'bad-request'
  | 'unreadable'
  | 'unauthorized'
  | 'csrf'
  | 'forbidden'
  | 'not-found'
  | 'not-current'
  | 'too-large'
  | 'unsupported'
  | 'too-many'
  | 'unavailable'
  | 'internal';

/** An error the API answers with: its status, a stable code and a message that names the file when there is one. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The body of every error answer. */
export function errorBody(code: ErrorCode, message: string): { error: { code: ErrorCode; message: string } } {
  return { error: { code, message } };
}

/** fastify's own errors (body parsing, multipart) by code: their status and the API's code. */
const FASTIFY: Record<string, [number, ErrorCode]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'too-large'],
  FST_REQ_FILE_TOO_LARGE: [413, 'too-large'],
  FST_PARTS_LIMIT: [413, 'too-large'],
  FST_FILES_LIMIT: [413, 'too-large'],
  FST_FIELDS_LIMIT: [413, 'too-large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'unsupported'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad-request'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'bad-request'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'bad-request'],
};

/** Installs the error and not-found handlers: every failure answers `{ error: { code, message } }`. */
export function installErrorHandlers(app: FastifyInstance, pages = false): void {
  app.setNotFoundHandler((request, reply) => {
    // A page of the web app (/reports/12): its index.html, the page is routed in the browser.
    if (pages && isPageRequest(request)) return sendIndex(reply);
    void reply
      .code(404)
      .send(errorBody('not-found', `no route ${request.method} ${request.url.split('?')[0]}`));
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) return reply.code(error.status).send(errorBody(error.code, error.message));
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation
        .map(
          (v) =>
            `${v.instancePath ? v.instancePath.slice(1).replace(/\//g, '.') : error.validationContext}: ${v.message}`,
        )
        .join('; ');
      return reply
        .code(400)
        .send(errorBody('bad-request', `${error.validationContext ?? 'request'} is not valid: ${issues}`));
    }
    if (error instanceof NoDatabaseError)
      return reply.code(503).send(errorBody('unavailable', error.message));
    if (error instanceof StoreError) {
      const notCurrent = /is not the current version/.test(error.message);
      const missing = /^no report \d+/.test(error.message);
      return reply
        .code(notCurrent ? 409 : missing ? 404 : 400)
        .send(errorBody(notCurrent ? 'not-current' : missing ? 'not-found' : 'bad-request', error.message));
    }
    const known = error.code ? FASTIFY[error.code] : undefined;
    if (known) return reply.code(known[0]).send(errorBody(known[1], error.message));
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500)
      return reply.code(error.statusCode).send(errorBody('bad-request', error.message));
    // A bug: logged with its stack (when a logger is on), answered without it.
    request.log.error(error);
    return reply
      .code(500)
      .send(errorBody('internal', 'internal error: the server could not answer this request'));
  });
}
