// Run by test/api/library.test.ts as `node test/api/library-entry.mjs <workspace>`: the package
// imported by its own name, as a program that depends on custodian would import it.
import { CustodianError, next, taskList } from 'custodian';

const workspace = process.argv[2];
const failure = await next({ workspace, repo: 'nope' }).catch((error) => error);
process.stdout.write(
  JSON.stringify({
    next: await next({ workspace }),
    taskList: await taskList({ workspace, repos: ['ledger-cli'] }),
    error: { typed: failure instanceof CustodianError, code: failure.code },
  }),
);
