// Cache fingerprints: a hash of exactly the inputs a group of criteria reads, so a change
// re-evaluates the groups it can affect and nothing else.
//   tree    (C2–C5, C8, C9, C12): the registry entry and its domain's, the checkout (HEAD, origin, shallow)
//   history (C11, C14):           registry, HEAD, the repo's index stamp (any file change), the day (UTC);
//                                 its git facts alone (commit times) are keyed without the day, so a new
//                                 day re-judges C11/C14 from them without running git again
//   index   (C1, C6, C10):        registry, the repo's index stamp, the goals that concern the repo
//   check   (C7, C13):            registry, the repo's index stamp, the workspace's id set (with the
//                                 statuses of task files naming a workplan of another repo), the registered slugs
import { sha1Hex } from '../hashing.js';
import { VERSION } from '../version.js';
import type { GoalInfo } from '../dispatch/types.js';
import type { RepoStamp } from '../index/queries/doi.js';
import type { GroupName } from './criterion.js';
import type { CheckoutFacts, RegistryFacts } from './model.js';

/** Bump when a criterion or a fact changes meaning: every cached result is then recomputed. */
export const DOI_CACHE_VERSION = 2;

/** custodian's own version: a new release may judge differently (new check rules), so its cache starts afresh. */
const TOOL_VERSION = VERSION;

export function digest(value: unknown): string {
  return sha1Hex(JSON.stringify(value));
}

export interface FingerprintInputs {
  registry: RegistryFacts;
  checkout: CheckoutFacts;
  stamp: RepoStamp | null;
  /** Today in UTC (`YYYY-MM-DD`): C11 and C14 compare commit times with the clock. */
  day: string;
  goals: GoalInfo[];
  /** Digest of the workspace's workplan and task ids (see id-set.ts). */
  id_set: string;
  /** Registered domain slugs with their status, and repo slugs: what registry rules consult. */
  slugs: unknown;
}

export type Fingerprints = Record<GroupName, string> & { history_facts: string };

export function groupFingerprints(inputs: FingerprintInputs): Fingerprints {
  const { registry, checkout, stamp } = inputs;
  const where = { path: checkout.path, exists: checkout.exists, work_tree: checkout.work_tree };
  const base = [DOI_CACHE_VERSION, TOOL_VERSION, registry.mode, registry.repo, registry.domain];
  return {
    tree: digest(['tree', ...base, checkout]),
    history: digest(['history', ...base, where, checkout.head, stamp, inputs.day]),
    history_facts: digest(['history-facts', ...base, where, checkout.head, stamp]),
    index: digest(['index', ...base, where, stamp, inputs.goals]),
    check: digest(['check', ...base, where, stamp, inputs.id_set, inputs.slugs]),
  };
}

/** One fingerprint for the whole repo: equal means every group is current. */
export function combinedFingerprint(groups: Record<GroupName, string>): string {
  return digest([groups.tree, groups.history, groups.index, groups.check]);
}
