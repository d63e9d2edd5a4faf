// C7's errors found over the index alone, for when the check engine cannot answer: parser errors,
// ids declared more than once in the workspace, and dependencies that name no task. The value
// rules (schema, statuses, cycles) need the check engine.
import type { IndexDb } from '../../index/db.js';
import { allParseErrorRows, duplicateIdRows, unknownDependencyRows } from '../../index/queries/doi.js';
import type { LocatedProblem } from '../model.js';

export function indexCheckErrors(db: IndexDb, slugs: readonly string[]): Map<string, LocatedProblem[]> {
  const wanted = new Set(slugs);
  const errors = new Map<string, LocatedProblem[]>(slugs.map((s) => [s, []]));
  const add = (repo: string, problem: LocatedProblem) => {
    if (wanted.has(repo)) errors.get(repo)!.push(problem);
  };
  for (const row of allParseErrorRows(db)) add(row.repo, { file: row.file, line: row.line, rule_id: row.rule_id, message: row.message });
  for (const row of duplicateIdRows(db)) {
    add(row.repo, { file: row.path, line: row.line, rule_id: 'task/duplicate-id', message: `Id ${row.id} is declared ${row.uses} times in the workspace` });
  }
  for (const row of unknownDependencyRows(db)) {
    add(row.repo, { file: row.path, line: row.line, rule_id: 'dependency/unknown', message: `${row.task_id ?? 'A task'} depends on ${row.depends_on}, which names no task` });
  }
  for (const list of errors.values()) list.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return errors;
}
