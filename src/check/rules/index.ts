// Every rule, by id. The id of each is its module's path under this folder (a test holds that).
import type { Rule } from '../types.js';
import { rule as dateInvalid } from './date/invalid.js';
import { rule as dependencyCycle } from './dependency/cycle.js';
import { rule as dependencyUnknown } from './dependency/unknown.js';
import { rule as dependencyUnresolved } from './dependency/unresolved.js';
import { rule as fileIdMismatch } from './file/id-mismatch.js';
import { rule as fileScanFailed } from './file/scan-failed.js';
import { rule as fileUnreadable } from './file/unreadable.js';
import { rule as frontmatterMissing } from './frontmatter/missing.js';
import { rule as frontmatterParse } from './frontmatter/parse.js';
import { rule as frontmatterUnterminated } from './frontmatter/unterminated.js';
import { rule as interfaceChangeUnknownRepo } from './interface-change/unknown-repo.js';
import { rule as priorityInvalid } from './priority/invalid.js';
import { rule as registryUnknownDomain } from './registry/unknown-domain.js';
import { rule as registryUnknownRepo } from './registry/unknown-repo.js';
import { rule as schemaInvalid } from './schema/invalid.js';
import { rule as statusAlias } from './status/alias.js';
import { rule as taskDuplicateId } from './task/duplicate-id.js';
import { rule as taskMissingId } from './task/missing-id.js';
import { rule as taskOpenCriteria } from './task/open-criteria.js';
import { rule as taskParse } from './task/parse.js';
import { rule as taskUnterminatedFence } from './task/unterminated-fence.js';
import { rule as workplanStatusRollup } from './workplan/status-rollup.js';
import { rule as workplanTaskListMismatch } from './workplan/task-list-mismatch.js';

export const RULES: readonly Rule[] = [
  dateInvalid,
  dependencyCycle,
  dependencyUnknown,
  dependencyUnresolved,
  fileIdMismatch,
  fileScanFailed,
  fileUnreadable,
  frontmatterMissing,
  frontmatterParse,
  frontmatterUnterminated,
  interfaceChangeUnknownRepo,
  priorityInvalid,
  registryUnknownDomain,
  registryUnknownRepo,
  schemaInvalid,
  statusAlias,
  taskDuplicateId,
  taskMissingId,
  taskOpenCriteria,
  taskParse,
  taskUnterminatedFence,
  workplanStatusRollup,
  workplanTaskListMismatch,
];

const BY_ID = new Map(RULES.map((rule) => [rule.meta.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
