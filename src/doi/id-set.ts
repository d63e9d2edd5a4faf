// The workspace's id set for the check group's fingerprint (C7, C13): every workplan and task id
// with its repo, the dependencies that cross repos, and the statuses of task files naming another
// repo's workplan. Hashing it reads every id, so the digest itself is cached under the vector of
// every repo's index stamp: while no file anywhere changed, no id is read.
import { nodeCrypto } from '../lazy-builtins.js';
import type { IndexDb } from '../index/db.js';
import { visitIdSet, type RepoStamp } from '../index/queries/doi.js';
import { digest } from './fingerprint.js';

const SCOPE = 'doi/id-set';
const KEY = 'workspace';

export function idSetDigest(db: IndexDb, stamps: ReadonlyMap<string, RepoStamp>): string {
  const stampVector = digest([...stamps].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const memo = db.prepare('SELECT fingerprint, value FROM cache WHERE scope = ? AND key = ?').get(SCOPE, KEY) as
    | { fingerprint: string; value: string }
    | undefined;
  if (memo && memo.fingerprint === stampVector) return memo.value;
  const hash = nodeCrypto().createHash('sha1');
  visitIdSet(db, (line) => hash.update(`${line}\n`));
  const value = hash.digest('hex');
  db.prepare(
    `INSERT INTO cache (scope, key, fingerprint, value) VALUES (?, ?, ?, ?)
     ON CONFLICT (scope, key) DO UPDATE SET fingerprint = excluded.fingerprint, value = excluded.value`,
  ).run(SCOPE, KEY, stampVector, value);
  return value;
}
