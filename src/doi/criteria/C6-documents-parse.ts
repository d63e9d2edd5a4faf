import { andMore, checkoutMissing, fail, firstLine, pass, type Criterion } from '../criterion.js';

export const C6: Criterion<'index'> = {
  id: 'C6',
  tier: 'standard',
  group: 'index',
  title: 'at least one workplan or task file, and every one parses',
  docs:
    "Passes when the index holds at least one workplan or task file of the repo (files matched by its include " +
    'globs) and no planning file of the repo has a parser error (frontmatter/parse, frontmatter/unterminated, ' +
    'task/parse, task/unterminated-fence, task/missing-id, file/unreadable). Warnings such as frontmatter/missing ' +
    'do not fail it; value rules (schema, statuses) belong to C7.',
  evaluate({ checkout, planning_documents, parse_errors }) {
    const missing = checkoutMissing(checkout);
    if (missing) return missing;
    if (parse_errors.length > 0) {
      const first = parse_errors[0];
      return fail(`${first.file}:${first.line} does not parse (${first.rule_id}: ${firstLine(first.message)})${andMore(parse_errors.length)}: fix it so its tasks count`);
    }
    if (planning_documents === 0) {
      return fail('no workplan or task file: add a workplan under workplans/ or a task file under docs/tasks/ (or widen include in custodian.yaml)');
    }
    return pass(`${planning_documents} workplan and task file${planning_documents === 1 ? '' : 's'}, all parse`);
  },
};
