// Where C7's errors come from. CHECK_SOURCE is part of C7's cache fingerprint: a cache written by
// one engine is never served as the other's answer.
import type { IndexDb } from '../../index/db.js';
import type { Workspace } from '../../workspace/types.js';
import type { LocatedProblem } from '../model.js';
import { indexCheckErrors } from './check-index.js';

export const CHECK_SOURCE: 'check' | 'index' = 'index';

/** Error diagnostics for each of `slugs`, in file order, from one run over the workspace. */
export async function checkErrors(_ws: Workspace, db: IndexDb, slugs: readonly string[]): Promise<Map<string, LocatedProblem[]>> {
  return indexCheckErrors(db, slugs);
}
