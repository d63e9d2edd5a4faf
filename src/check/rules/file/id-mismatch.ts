import { documentPlace } from '../../positions.js';
import { fileRule } from '../../rule.js';

export const rule = fileRule(
  {
    id: 'file/id-mismatch',
    severity: 'warning',
    description: 'The file name does not start with the document\'s id.',
    docs:
      'A planning file is named after its id (`CUST-WP-0005-domains-table.md`, `LEDG-42.md`), so people and tools find a ' +
      'document from its id. The file name (without folders) must start with the id exactly as written in the ' +
      'front-matter, followed by the end of the name or a character that cannot continue an id (`-`, `_`, `.`, a space): ' +
      '`LEDG-WP-00011.md` does not match `LEDG-WP-0001`. Letter case counts. Documents without an id are left to ' +
      '`schema/invalid` and `task/missing-id`. The rule reports the `id` value.',
    fixable: false,
    messages: { mismatch: "File name `{{name}}` does not start with the {{kind}}'s id `{{id}}`" },
  },
  (ctx) => {
    const name = ctx.file.slice(ctx.file.lastIndexOf('/') + 1);
    for (const doc of ctx.result.documents) {
      if (doc.id === null || startsWithId(name, doc.id)) continue;
      ctx.report({
        at: documentPlace(ctx.lines, doc, ['id']),
        messageId: 'mismatch',
        data: { name, kind: doc.kind, id: doc.id },
        subject: doc.id,
      });
    }
  },
);

export function startsWithId(name: string, id: string): boolean {
  if (!name.startsWith(id)) return false;
  const next = name.charAt(id.length);
  return next === '' || !/[\p{L}\p{N}]/u.test(next);
}
