// custodian's library: one function per operation, the same ones the CLI, the MCP server and the
// hub call. `import { next } from 'custodian'`.
//
// The pattern every operation follows (add yours as a new file under src/api/ and one
// `export *` line below; keep this file a plain list of re-exports):
// - It takes one options object whose type extends `WorkspaceOptions` (./context.ts): where the
//   workspace is (`cwd`, `workspace`, `index`, `env`), `sync` (the incremental sync before a
//   read, default true) and `onWarning(message)` for warnings about the run rather than the
//   answer ("repo x: checkout not found on this host"). Plain data only: no commander, no
//   strings that still need parsing (`limit: number`, not `'50'`).
// - It returns exactly the JSON document the CLI prints with `--json` (`schema_version: 1`,
//   `kind`, lists under `items`), typed and exported beside the function.
// - It fails with a `CustodianError` (../errors.ts) whose `code` says what went wrong; the faces
//   map codes to exit codes / HTTP statuses in one place.
// - It never writes to stdout or stderr, never reads process.argv, and closes every database it
//   opens, error or not (`withIndex` in ./context.ts). Heavy modules load inside the function.
export type { WorkspaceOptions } from './context.js';
export * from './sync.js';
export * from './tasks.js';
export * from './workplans.js';
export * from './dispatch.js';
export * from './next.js';
export * from './graph.js';
export * from './doi.js';
export * from './watch.js';
export * from './parse.js';
export * from './check.js';
export * from './rules.js';
export * from './task-status.js';
export * from './interface-change.js';
export * from './init.js';
export * from './domains.js';
export * from './domain-rename.js';
export * from './repos.js';
export * from './repo-edits.js';
export * from './export.js';
export * from './report.js';
export type { EditDocumentFields, EditItem, EditOptions, EditWarning } from './registry-context.js';
export type { DomainItem, RepoDetail, RepoItem } from './items/registry.js';
export * from './events.js';
export * from './search.js';
export * from './records.js';
export * from './new-document.js';
export * from './claim.js';
export * from './task-add.js';
export { taskSet, type TaskSetOptions, type TaskSetDocument } from './task-set.js';
export type { TaskDetail, TaskItem } from './items/task.js';
export type { DiagnosticItem } from './items/diagnostic.js';
export { CustodianError, type ErrorCode } from '../errors.js';
