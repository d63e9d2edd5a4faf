// The snapshot schema's validator (precompiled at build time into its own module, which only the
// hub and its tests load). A rejected document is described by its first problem, with the JSON
// path of the offending value, which is what an uploader or an operator needs to fix it.
import * as generated from '../generated/snapshot-validators.js';
import type { SchemaError, Validator } from '../schemas.js';
import type { SnapshotDocument } from './types.js';

const validate = (generated as unknown as { snapshot: Validator }).snapshot;

export type SnapshotCheck = { ok: true; snapshot: SnapshotDocument } | { ok: false; error: string };

export function checkSnapshot(value: unknown): SnapshotCheck {
  if (validate(value)) return { ok: true, snapshot: value as SnapshotDocument };
  return { ok: false, error: describe(validate.errors?.[0]) };
}

function describe(error: SchemaError | undefined): string {
  if (!error) return 'not a snapshot document';
  const where = error.instancePath === '' ? 'the document' : error.instancePath;
  const extra = error.keyword === 'additionalProperties' ? ` (${String(error.params.additionalProperty)})` : '';
  return `not a valid snapshot: ${where} ${error.message ?? error.keyword}${extra}`;
}
