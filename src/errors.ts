// Typed errors, mapped to exit codes and JSON error codes at one place (src/cli/main.ts).

export type ErrorCode =
  | 'usage'
  | 'not-found'
  | 'conflict'
  | 'refused'
  | 'ambiguous'
  | 'invalid-workspace'
  | 'internal';

const EXIT_CODES: Record<ErrorCode, number> = {
  usage: 2,
  'not-found': 1,
  conflict: 1,
  refused: 1,
  ambiguous: 1,
  'invalid-workspace': 2,
  internal: 2,
};

export class CustodianError extends Error {
  readonly code: ErrorCode;
  /** Extra machine-readable detail printed in the JSON error document. */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CustodianError';
    this.code = code;
    this.details = options?.details;
  }

  get exitCode(): number {
    return EXIT_CODES[this.code];
  }
}

export const usageError = (message: string) => new CustodianError('usage', message);
export const notFound = (message: string) => new CustodianError('not-found', message);
/** A repo slug the registry does not know: every command answers it alike (not-found, exit 1). */
export const unknownRepo = (slug: string) => notFound(`no repo ${slug} in the workspace (try \`custodian repo list\`)`);
export const conflict = (message: string) => new CustodianError('conflict', message);
export const refused = (message: string, details?: Record<string, unknown>) =>
  new CustodianError('refused', message, { details });
export const invalidWorkspace = (message: string, details?: Record<string, unknown>) =>
  new CustodianError('invalid-workspace', message, { details });

/** The JSON error document every face answers a failure with (`--json`, an MCP tool error). */
export interface ErrorDocument {
  schema_version: 1;
  kind: 'error';
  code: ErrorCode;
  message: string;
  [detail: string]: unknown;
}

/** Any thrown value as the error document: a CustodianError with its code and details, anything else `internal` (message only, never a stack). */
export function errorDocument(error: unknown): ErrorDocument {
  const known = error instanceof CustodianError;
  const message = error instanceof Error ? error.message : String(error);
  return { schema_version: 1, kind: 'error', code: known ? error.code : 'internal', message, ...(known ? error.details : undefined) };
}
