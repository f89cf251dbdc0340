import path from 'node:path';
import type { TErrorCode } from '@clientela/contract';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError, problemOf } from './errors.ts';

/** Fastify's own error codes for bad requests, mapped onto ours. */
const FASTIFY_CODES: Record<string, TErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
  FST_PARTS_LIMIT: 'payload_too_large',
  FST_FILES_LIMIT: 'payload_too_large',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
};

/** Seconds a client should wait before repeating a request the database or the disk could not serve. */
const RETRY_AFTER_SECONDS = '5';

// Socket errors of a connection PostgreSQL refused or dropped (stopped, restarting, unreachable).
const LOST_CONNECTION = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
// node-postgres raises these without a code when the server goes away or the pool waits too long.
const LOST_CONNECTION_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * Whether an error, or one it wraps, says the database is out of reach (SQLSTATE class 08, an
 * administrator or crash shutdown 57P01-57P03, too many connections 53300, a refused or dropped
 * socket) or the disk is full (53100 disk_full, ENOSPC and EDQUOT on a file write).
 */
export function outageOf(error: unknown): 'database' | 'disk' | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (code === '53100' || code === 'ENOSPC' || code === 'EDQUOT') return 'disk';
    if (typeof code === 'string') {
      if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300') return 'database';
      if (LOST_CONNECTION.has(code)) return 'database';
      // A Unix socket that is not there: the cluster is stopped (a missing file is a plain 404 elsewhere).
      if (code === 'ENOENT' && (current as { syscall?: unknown }).syscall === 'connect') return 'database';
    }
    if (LOST_CONNECTION_MESSAGE.test(current.message)) return 'database';
    current = current.cause;
  }
  return undefined;
}

function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  code: TErrorCode,
  detail: string,
  errors?: FieldError[],
  extra?: Record<string, unknown>,
) {
  const body = { ...extra, ...problemOf(code, detail, request.url.split('?')[0], errors) };
  return reply.status(body.status).type('application/problem+json').send(JSON.stringify(body));
}

function fieldErrorsOf(
  error: { validation: { instancePath: string; message?: string | undefined; params: Record<string, unknown> }[] },
  context: string | undefined,
): FieldError[] {
  return error.validation.flatMap((issue) => {
    const base = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const keys = issue.params.keys;
    if (Array.isArray(keys) && keys.length > 0) {
      // Unknown fields are named one by one: nothing unexpected is silently accepted.
      return keys.map((key) => ({ path: base ? `${base}.${String(key)}` : String(key), message: 'Unknown field' }));
    }
    return [{ path: base || (context ?? ''), message: issue.message ?? 'Invalid value' }];
  });
}

/** The single place that turns any thrown error into problem+json. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    reply.headers(error.headers);
    return sendProblem(reply, request, error.code, error.message, error.errors, error.extra);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext === 'body' ? 'body' : error.validationContext;
    return sendProblem(reply, request, 'validation_failed', `The ${where ?? 'request'} is not valid`, fieldErrorsOf(error, where));
  }
  const failure = outageOf(error);
  if (failure === 'database') {
    reply.header('retry-after', RETRY_AFTER_SECONDS);
    request.log.warn({ err: error }, 'the database cannot be reached');
    return sendProblem(reply, request, 'service_unavailable', 'The database cannot be reached just now; please try again in a few seconds');
  }
  if (failure === 'disk') {
    reply.header('retry-after', RETRY_AFTER_SECONDS);
    request.log.error({ err: error }, 'no disk space left');
    return sendProblem(reply, request, 'storage_full', 'The server has no disk space left; nothing was saved');
  }
  // A constraint caught what a service check missed (a race between two requests, say).
  const pgCode = (error.cause as { code?: string } | undefined)?.code ?? error.code;
  if (pgCode === '23503') return sendProblem(reply, request, 'validation_failed', 'A record this refers to does not exist (any more)');
  if (pgCode === '23505') return sendProblem(reply, request, 'conflict', 'This would duplicate an existing record');
  // Two transactions waited on each other (or could not be serialised): PostgreSQL undid this one.
  // It is the caller's turn to repeat it, not a fault of ours.
  if (pgCode === '40P01' || pgCode === '40001') {
    reply.header('retry-after', '1');
    return sendProblem(reply, request, 'conflict', 'Someone changed the same records at the same moment; please try again');
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) return sendProblem(reply, request, mapped, error.message);
  if (error instanceof SyntaxError && error.statusCode === 400) return sendProblem(reply, request, 'malformed_json', error.message);
  const status = error.statusCode ?? 500;
  if (status === 429) return sendProblem(reply, request, 'too_many_requests', error.message);
  if (status === 404) return sendProblem(reply, request, 'not_found', 'Not found');
  if (status >= 400 && status < 500) return sendProblem(reply, request, 'validation_failed', error.message);
  request.log.error({ err: error }, 'request failed');
  return sendProblem(reply, request, 'internal_error', 'Something went wrong on our side; it has been logged');
}

/** Unknown API paths answer 404 problem+json; any other GET gets the web app's index page. */
export function handleNotFound(webDist: string | undefined) {
  return (request: FastifyRequest, reply: FastifyReply) => {
    const url = request.url.split('?')[0] ?? '';
    if (webDist && request.method === 'GET' && !url.startsWith('/api/') && url !== '/api') {
      return reply.header('cache-control', 'no-cache').sendFile('index.html', path.resolve(webDist));
    }
    return sendProblem(reply, request, 'not_found', `No route ${request.method} ${url}`);
  };
}
