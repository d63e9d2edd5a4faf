import { parserRule } from '../../rule.js';

export const rule = parserRule({
  id: 'file/scan-failed',
  description: 'A Markdown body whose block structure could not be read (remark failed or ran out of time), so later tasks are unseen.',
  docs:
    'The line scanner reads almost every file; the rare construct it does not model exactly (a deeply nested container, ' +
    'some raw HTML, a link reference definition before a setext underline) sends the file to remark, in a worker with ' +
    'a time limit of 5 s. When remark fails, runs out of time, or the nesting is too deep to hand to it, the file is ' +
    'reported at the line the scanner declined, and only the headings and task blocks that ended before that line are ' +
    'read: any task after it is not seen until the file is simplified. A result caused by the time limit is never cached: ' +
    'the next sync tries again. (`CUSTODIAN_REMARK_TIMEOUT_MS` shortens the limit; it exists for tests.)',
});
