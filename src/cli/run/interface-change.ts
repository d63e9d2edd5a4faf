// `interface-change publish|resolve <id>`: sets `status` and the matching date (`published_at`,
// `resolved_at`: today, UTC) in the interface change's front-matter, in place, then re-syncs.
import type { ParsedDocument, ParseResult, TextEdit } from '../../documents/model.js';
import { applyEdits, replacementEdits, shiftEdits, yamlSetValue, dominantEol } from '../../edit/index.js';
import { CustodianError, notFound, refused } from '../../errors.js';
import { selectDocuments, type DocumentRow } from '../../index/queries/documents.js';
import { splitRef } from '../../index/queries/tasks.js';
import type { IndexDb } from '../../index/db.js';
import type { CliContext } from '../context.js';
import { writeJson, writeLines } from '../output.js';
import { editPlanningFile, planningFile } from './task-status-file.js';
import { openFreshIndex } from './workspace.js';

type Transition = 'publish' | 'resolve';

// The lifecycle only moves forward (draft → published → resolved); repeating a step changes nothing.
const TRANSITIONS: Record<Transition, { status: string; from: (string | null)[]; dateKey: string; dateAfter: string }> = {
  publish: { status: 'published', from: [null, 'draft', 'published'], dateKey: 'published_at', dateAfter: 'planned_for' },
  resolve: { status: 'resolved', from: ['published', 'resolved'], dateKey: 'resolved_at', dateAfter: 'published_at' },
};

export async function interfaceChangeTransition(ctx: CliContext, verb: Transition, ref: string, flags: { json?: boolean }): Promise<void> {
  const transition = TRANSITIONS[verb];
  const { ws, db } = await openFreshIndex(ctx);
  let row: DocumentRow;
  try {
    row = uniqueInterfaceChange(db, ref);
  } finally {
    db.close();
  }
  const id = row.doc_id!;
  const today = new Date().toISOString().slice(0, 10);
  const target = await planningFile(ws, row.repo, row.path);
  const outcome = await editPlanningFile(
    target,
    (text, parsed) => {
      const doc = locateChange(parsed, id);
      if (!transition.from.includes(doc.status_raw === null ? null : (doc.status ?? 'unknown'))) {
        throw refused(`interface change ${row.repo}:${id} is ${doc.status ?? JSON.stringify(doc.status_raw)}; ${verb} needs it ${transition.from.filter(Boolean).join(' or ')}`, {
          status: doc.status,
        });
      }
      return transitionEdits(text, doc, transition.status, transition.dateKey, today, transition.dateAfter);
    },
    (parsed) => {
      const doc = parsed.documents.find((d) => d.kind === 'interface-change' && d.id === id);
      if (!doc) return `interface change ${id} would no longer parse as one`;
      if (doc.status !== transition.status) return `its status would read ${JSON.stringify(doc.status_raw)}`;
      return doc.fields[transition.dateKey] ? null : `${transition.dateKey} would be missing`;
    },
  );
  const { syncWorkspace } = await import('../../index/sync.js');
  const sync = await syncWorkspace(ws);
  try {
    const item = interfaceChangeItem(uniqueInterfaceChange(sync.db, `${row.repo}:${id}`));
    if (flags.json) writeJson({ schema_version: 1, kind: 'interface-change', interface_change: item });
    else writeLines([`${row.repo}:${id}: ${outcome.changed ? `now ${item.status}` : `already ${item.status}, file unchanged`}  (${row.repo}/${row.path})`]);
  } finally {
    sync.db.close();
  }
}

/** The one interface change a reference names: ids are unique per repo, so a bare id may be ambiguous. */
function uniqueInterfaceChange(db: IndexDb, ref: string): DocumentRow {
  const { repo, id } = splitRef(ref);
  const rows = selectDocuments(db, { kind: 'interface-change', docIds: [id], ...(repo ? { repos: [repo] } : {}) });
  if (rows.length === 0) throw notFound(`no interface change ${ref} in the workspace`);
  if (rows.length > 1) {
    const places = rows.map((r) => `${r.repo}:${r.doc_id} (${r.path})`);
    throw new CustodianError('ambiguous', `interface change ${ref} is declared ${rows.length} times: ${places.join(', ')}; name one as repo:id`, {
      details: { candidates: rows.map((r) => ({ repo_slug: r.repo, id: r.doc_id, file: r.path, line: r.line })) },
    });
  }
  return rows[0];
}

function locateChange(parsed: ParseResult, id: string): ParsedDocument {
  const doc = parsed.documents.find((d) => d.kind === 'interface-change' && d.id === id);
  if (!doc) throw new CustodianError('conflict', `${parsed.file}: interface change ${id} is no longer in the file; retry the command`);
  if (!doc.frontmatter) throw refused(`${parsed.file}: no front-matter to edit`);
  return doc;
}

/**
 * Sets the status, and the date unless the change already had this status and a date (publishing
 * twice keeps the first publication date). The two keys are set one after the other on the
 * front-matter's YAML and returned as edits of the file.
 */
export function transitionEdits(text: string, doc: ParsedDocument, status: string, dateKey: string, today: string, dateAfter: string): TextEdit[] {
  const region = doc.frontmatter!;
  const yaml = text.slice(region.start, region.end);
  const eol = dominantEol(text);
  let next = applyEdits(yaml, yamlSetValue(yaml, ['status'], status, { after: 'id', eol })).text;
  const dated = doc.status === status && doc.fields[dateKey] !== undefined && doc.fields[dateKey] !== null && doc.fields[dateKey] !== '';
  if (!dated) next = applyEdits(next, yamlSetValue(next, [dateKey], today, { after: dateAfter, eol })).text;
  return shiftEdits(replacementEdits(yaml, next), region.start);
}

function interfaceChangeItem(row: DocumentRow) {
  const f = JSON.parse(row.fields) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
  const list = (v: unknown) => (Array.isArray(v) ? v.map(text).filter((s): s is string => s !== null) : []);
  return {
    id: row.doc_id,
    repo_slug: row.repo,
    file: row.path,
    title: row.title,
    status: row.status,
    status_raw: row.status_raw,
    change_type: text(f.change_type),
    interface_type: text(f.interface_type),
    origin_repo: text(f.repo) ?? row.repo,
    affected_repos: list(f.affected_repos),
    affected_paths: list(f.affected_paths),
    planned_for: text(f.planned_for),
    published_at: text(f.published_at),
    resolved_at: text(f.resolved_at),
  };
}
