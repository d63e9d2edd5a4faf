// One line saying what a claim or release did.
import type { ClaimDocument } from '../../api/claim.js';

export function claimLine(doc: ClaimDocument): string {
  const { task } = doc;
  const ref = `${task.repo_slug}:${task.id}`;
  const what =
    doc.kind === 'claim'
      ? doc.changed
        ? `claimed by ${task.assignee}`
        : `already held by ${task.assignee}, file unchanged`
      : doc.changed
        ? 'released (todo, no assignee)'
        : 'already free, file unchanged';
  const pushed = doc.push?.commit ? `; pushed ${doc.push.commit.slice(0, 12)} to ${doc.push.remote}/${doc.push.branch}` : '';
  return `${ref}: ${what}${pushed}  (${task.repo_slug}/${task.file}:${task.line})`;
}
