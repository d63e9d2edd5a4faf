// Type-level test of the library entry, checked by tsc (test/api/library.test.ts runs
// `tsc -p test/api/tsconfig.library.json`): the package imported by its own name exports every
// operation with its options and document types, and its types refuse what they should.
import {
  check,
  checkRun,
  CustodianError,
  dispatch,
  doi,
  domainAdd,
  domainArchive,
  domainList,
  domainRename,
  domainShow,
  graph,
  init,
  interfaceChangePublish,
  interfaceChangeResolve,
  next,
  parse,
  repoAdd,
  repoArchive,
  repoFind,
  repoList,
  repoPath,
  repoShow,
  repoUpdate,
  rules,
  sync,
  taskList,
  taskShow,
  taskStatus,
  type watch,
  workplanList,
  workplanShow,
  type CheckReportDocument,
  type DispatchDocument,
  type ErrorCode,
  type NextDocument,
  type NextOptions,
  type SyncReportDocument,
  type TaskDetail,
  type TaskListDocument,
  type WorkspaceOptions,
} from 'custodian';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

/** Every operation returns a document: schema_version 1 and a kind. */
type Document = { schema_version: 1; kind: string };
export const operations = {
  sync,
  taskList,
  taskShow,
  taskStatus,
  workplanList,
  workplanShow,
  dispatch,
  next,
  graph,
  doi,
  parse,
  check,
  rules,
  init,
  interfaceChangePublish,
  interfaceChangeResolve,
  domainList,
  domainShow,
  domainAdd,
  domainArchive,
  domainRename,
  repoList,
  repoShow,
  repoAdd,
  repoUpdate,
  repoArchive,
  repoPath,
  repoFind,
} satisfies Record<string, (options: never) => Promise<Document>>;

export type Checks = [
  Expect<Equal<Awaited<ReturnType<typeof next>>, NextDocument>>,
  Expect<Equal<NextDocument['kind'], 'next'>>,
  Expect<NextDocument['task'] extends TaskDetail | null ? true : false>,
  Expect<Equal<Awaited<ReturnType<typeof dispatch>>, DispatchDocument>>,
  Expect<Equal<Awaited<ReturnType<typeof check>>, CheckReportDocument>>,
  Expect<Equal<Awaited<ReturnType<typeof sync>>, SyncReportDocument>>,
  Expect<Equal<Awaited<ReturnType<typeof taskList>>['items'][number], TaskListDocument['items'][number]>>,
  Expect<Equal<Parameters<typeof watch>[0]['signal'], AbortSignal>>,
  Expect<NextOptions extends WorkspaceOptions ? true : false>,
  Expect<'not-found' extends ErrorCode ? true : false>,
];

export async function usage(workspace: string): Promise<void> {
  const options: WorkspaceOptions = { workspace, sync: false, onWarning: (message: string) => void message };
  const doc = await next({ ...options, repo: 'ledger-api', includeHuman: true });
  if (doc.task) {
    const line: number = doc.task.line;
    const ready: boolean = doc.task.ready;
    void [line, ready];
  }
  const run = await checkRun({ ...options, paths: ['.'], fix: true, dryRun: true });
  const count: number = run.input.fileCount;
  void count;
  try {
    await taskShow({ ...options, id: 'X-T1' });
  } catch (error) {
    if (error instanceof CustodianError) {
      const code: ErrorCode = error.code;
      void code;
    }
  }
  // @ts-expect-error a repo slug is a string
  await next({ repo: 1 });
  // @ts-expect-error dispatch needs the repo
  await dispatch({ workspace });
  // @ts-expect-error limit is a number, not the CLI's string
  await dispatch({ repo: 'x', limit: '5' });
  // @ts-expect-error there is no such option
  await taskList({ status: ['todo'] });
  // @ts-expect-error a document's kind is a literal
  const wrong: 'task' = (await next()).kind;
  void wrong;
}
