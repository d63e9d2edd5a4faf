import type { Place } from '../../types.js';
import { parseIsoDate, isBefore, type IsoDate } from '../../dates.js';
import { declarations, taskLabel } from '../../declarations.js';
import { documentPlace, linePlace, sourcePlace, type YamlPath } from '../../positions.js';
import { fileRule } from '../../rule.js';

const DATE_KEYS = ['created', 'updated', 'completed', 'published_at', 'resolved_at', 'planned_for', 'resolved'] as const;

export const rule = fileRule(
  {
    id: 'date/invalid',
    severity: 'warning',
    description: 'A date that is not ISO 8601, or `updated` before `created`.',
    docs:
      'The date keys `created`, `updated`, `completed`, `published_at`, `resolved_at`, `planned_for` and `resolved` ' +
      '(in front-matter of every kind, and in task blocks and front-matter list items) must hold an ISO 8601 calendar ' +
      'date (`2026-02-28`) or a date and time (`2026-02-28T14:05`, seconds, fraction and a `Z` or `±hh:mm` zone ' +
      'optional; a space instead of `T` is accepted, as YAML writes it). The date must exist (`2026-02-30` does not). ' +
      'A value of another type (`created: 2026`) is reported too; an empty value is treated as absent. When both are ' +
      'valid, `updated` earlier than `created` is reported at `updated` (same-day values compare by time only when ' +
      'both carry a time zone).',
    fixable: false,
    messages: {
      invalid: 'Invalid date `{{key}}: {{value}}` on `{{owner}}`, expected ISO 8601 (`2026-02-28` or `2026-02-28T14:05:00Z`)',
      updatedBeforeCreated: '`updated: {{updated}}` is before `created: {{created}}` on `{{owner}}`',
    },
  },
  (ctx) => {
    const { lines } = ctx;
    for (const doc of ctx.result.documents) {
      if (doc.valid) checkFields(doc.fields, (path) => documentPlace(lines, doc, path), doc.id ?? doc.kind);
      for (const task of doc.tasks) {
        for (const decl of declarations(task)) {
          if (decl.source.kind === 'file') continue; // the document's own front-matter, checked above
          const fallback = linePlace(lines, decl.line, decl.column);
          checkFields(decl.fields, (path) => sourcePlace(lines, doc, decl.source, path, fallback), taskLabel(task));
        }
      }
    }

    function checkFields(fields: Record<string, unknown>, place: (path: YamlPath) => Place, owner: string): void {
      const parsed: Partial<Record<(typeof DATE_KEYS)[number], IsoDate>> = {};
      for (const key of DATE_KEYS) {
        if (!Object.hasOwn(fields, key)) continue;
        const value = fields[key];
        if (value === null || value === '') continue;
        const date = typeof value === 'string' ? parseIsoDate(value.trim()) : null;
        if (date) {
          parsed[key] = date;
          continue;
        }
        const shown = typeof value === 'string' ? value : JSON.stringify(value);
        ctx.report({
          at: place([key]),
          messageId: 'invalid',
          data: { key, value: shown, owner },
          subject: `${owner}:${key}:${shown}`,
        });
      }
      const { created, updated } = parsed;
      if (created && updated && isBefore(updated, created)) {
        ctx.report({
          at: place(['updated']),
          messageId: 'updatedBeforeCreated',
          data: { updated: String(fields.updated), created: String(fields.created), owner },
          subject: `${owner}:updated-before-created`,
        });
      }
    }
  },
);
