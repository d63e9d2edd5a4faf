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
