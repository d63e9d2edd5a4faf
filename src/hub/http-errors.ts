// Every failure as the JSON error document the CLI prints with --json, with an HTTP status that
// says the same. The code vocabulary stays DESIGN's; the status carries what HTTP adds (401 vs 403,
// 413, 429). Nothing else of an unexpected error reaches the client: no message, no stack.
import { CustodianError, type ErrorCode, type ErrorDocument } from '../errors.js';

const STATUS: Record<ErrorCode, number> = {
  usage: 400,
  'not-found': 404,
  conflict: 409,
  refused: 403,
  ambiguous: 409,
  'invalid-workspace': 400,
  internal: 500,
};

/** An error with an HTTP status of our choosing (401, 413, 429, …). */
export class HttpError extends CustodianError {
  constructor(readonly statusCode: number, code: ErrorCode, message: string) {
    super(code, message);
  }
}

export function errorDocument(code: ErrorCode, message: string, details?: Record<string, unknown>): ErrorDocument {
  return { schema_version: 1, kind: 'error', code, message, ...details };
}

/** The status and document for anything thrown while answering; `unexpected` is true for a 500 worth logging. */
export function describeError(error: unknown): { status: number; body: ErrorDocument; unexpected: boolean } {
  if (error instanceof HttpError) return { status: error.statusCode, body: errorDocument(error.code, error.message), unexpected: false };
  if (error instanceof CustodianError) {
    return { status: STATUS[error.code], body: errorDocument(error.code, error.message, error.details), unexpected: error.code === 'internal' };
  }
  const status = typeof (error as { statusCode?: unknown })?.statusCode === 'number' ? (error as { statusCode: number }).statusCode : 500;
  if (status >= 400 && status < 500) {
    // fastify's own client errors (validation, body too large, bad JSON, unsupported media type)
    // say what was wrong with the request and nothing about the server.
    const message = error instanceof Error ? error.message : 'bad request';
    const code: ErrorCode = status === 404 ? 'not-found' : status === 429 || status === 401 || status === 403 ? 'refused' : 'usage';
    return { status, body: errorDocument(code, message), unexpected: false };
  }
  return { status: 500, body: errorDocument('internal', 'internal error (the hub log has the details)'), unexpected: true };
}
