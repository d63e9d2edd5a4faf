// A finding's message: the rule's named message with its `{{placeholders}}` filled from the
// finding's data (ESLint's meta.messages). A message id the rule does not declare, or a
// placeholder without data, is a bug in the rule: it fails loudly rather than print a hole.
import type { MessageData, RuleMeta } from './types.js';

export function formatMessage(meta: Pick<RuleMeta, 'id' | 'messages'>, messageId: string, data: MessageData = {}): string {
  const template = Object.hasOwn(meta.messages, messageId) ? meta.messages[messageId] : undefined;
  if (template === undefined) throw new Error(`rule ${meta.id} reported an undeclared message id \`${messageId}\``);
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    if (!Object.hasOwn(data, name)) throw new Error(`rule ${meta.id}: message \`${messageId}\` needs a value for \`${name}\``);
    return String(data[name]);
  });
}
