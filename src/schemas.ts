// Typed access to the validators precompiled from schemas/ at build time.
import * as generated from './generated/validators.js';

export interface SchemaError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

export type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

const validators = generated as unknown as Record<string, Validator | undefined>;

/** The validator for `schemas/<name>.schema.json` (name in camelCase: `interfaceChange`). */
export function validator(name: string): Validator {
  const found = validators[name];
  if (!found) throw new Error(`no precompiled schema named ${name}; run npm run build`);
  return found;
}
