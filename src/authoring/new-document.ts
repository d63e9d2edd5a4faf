// What `custodian new <kind>` writes, decided without I/O: the values checked against each kind's
// vocabulary, the placeholders of the kind's template, and the conventional path.
import type { DocumentKind } from '../documents/model.js';
import { normalisePriority, normaliseStatus } from '../documents/vocabulary.js';
import { usageError } from '../errors.js';
import { titleSlug } from './ids.js';
import type { TemplateValues } from './template.js';

export interface NewDocumentRequest {
  kind: DocumentKind;
  id: string;
  title: string;
  repo: string;
  /** The repo's registry domain (null in single-repo mode). */
  repoDomain: string | null;
  domain?: string;
  status?: string;
  priority?: string;
  dependsOn?: readonly string[];
  workplan?: string;
  description?: string;
  changeType?: string;
  interfaceType?: string;
  affectedRepos?: readonly string[];
  /** Today, `YYYY-MM-DD` (UTC). */
  today: string;
}

const FIRST_STATUS: Record<DocumentKind, string> = {
  workplan: 'draft',
  task: 'todo',
  goal: 'active',
  'interface-change': 'draft',
  decision: 'proposed',
};

const FOLDER: Record<DocumentKind, string> = {
  workplan: 'workplans',
  task: 'docs/tasks',
  goal: 'goals',
  'interface-change': 'interface-changes',
  decision: 'decisions',
};

const CHANGE_TYPES = ['breaking', 'additive', 'deprecation'];
const INTERFACE_TYPES = ['api', 'cli', 'schema', 'event', 'file'];

/** `workplans/<ID>-<slug>.md`, `docs/tasks/<ID>.md`, `goals/<ID>-<slug>.md`, … */
export function conventionalPath(kind: DocumentKind, id: string, title: string): string {
  const slug = kind === 'task' ? '' : titleSlug(title);
  return `${FOLDER[kind]}/${id}${slug ? `-${slug}` : ''}.md`;
}

/** An id that can be a file name and a YAML key value: no path separators, no spaces, no control characters. */
export function checkNewId(id: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id) || id.length > 100) {
    throw usageError(`invalid id ${JSON.stringify(id)}: use letters, digits, '.', '_' and '-' (e.g. LEDG-WP-0004)`);
  }
}

export function checkTitle(title: string): string {
  const trimmed = title.trim();
  if (trimmed === '' || /[\r\n]/.test(trimmed)) throw usageError('--title must be one non-empty line');
  return trimmed;
}

/** The template's placeholders for a request, every value checked against its kind's vocabulary. */
export function templateValues(request: NewDocumentRequest): TemplateValues {
  const { kind } = request;
  const status = request.status === undefined ? FIRST_STATUS[kind] : canonicalStatus(kind, request.status);
  const values: Record<string, TemplateValue> = {
    id: request.id,
    title: checkTitle(request.title),
    status,
    repo: request.repo,
    domain: null,
    created: request.today,
    description: request.description?.trim() ?? null,
    owner: null,
    priority: null,
    depends_on: [],
    workplan: null,
    needs_human: null,
    assignee: null,
    change_type: null,
    interface_type: null,
    affected_repos: [],
    planned_for: null,
  };
  if (request.dependsOn?.length && kind !== 'task') throw usageError('--depends-on applies to tasks only');
  if (request.workplan !== undefined && kind !== 'task') throw usageError('--workplan applies to tasks only');
  if ((request.changeType ?? request.interfaceType ?? request.affectedRepos?.length) !== undefined && kind !== 'interface-change') {
    throw usageError('--change-type, --interface-type and --affected-repo apply to interface changes only');
  }
  switch (kind) {
    case 'workplan':
      values.domain = request.domain ?? request.repoDomain;
      if (request.priority !== undefined) throw usageError('a workplan has no priority (its tasks do)');
      break;
    case 'task':
      values.repo = null;
      values.created = null;
      values.priority = request.priority === undefined ? null : taskPriority(request.priority);
      values.depends_on = request.dependsOn ?? [];
      values.workplan = request.workplan ?? null;
      if (request.domain !== undefined) throw usageError('a task has no domain (its repo or workplan does)');
      break;
    case 'goal':
      // A goal names its repo, or (with --domain) every repo of a domain.
      values.domain = request.domain ?? null;
      values.repo = request.domain === undefined ? request.repo : null;
      values.priority = request.priority === undefined ? null : goalPriority(request.priority);
      break;
    case 'interface-change':
      values.change_type = oneOf('--change-type', request.changeType, CHANGE_TYPES);
      values.interface_type = oneOf('--interface-type', request.interfaceType, INTERFACE_TYPES);
      values.affected_repos = request.affectedRepos ?? [];
      break;
    case 'decision':
      break;
  }
  if (kind !== 'workplan' && kind !== 'goal' && request.domain !== undefined) throw usageError(`a ${kind} has no domain`);
  if ((kind === 'interface-change' || kind === 'decision') && request.priority !== undefined) throw usageError(`a ${kind} has no priority`);
  return values;
}

type TemplateValue = TemplateValues[string];

function canonicalStatus(kind: DocumentKind, raw: string): string {
  const { value } = normaliseStatus(kind, raw);
  if (value === null) throw usageError(`unknown ${kind} status ${JSON.stringify(raw)}`);
  return value;
}

function taskPriority(raw: string): string {
  const { value } = normalisePriority(raw);
  if (value === null) throw usageError(`unknown priority ${JSON.stringify(raw)}: expected critical, high, medium or low`);
  return value;
}

function goalPriority(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw usageError(`a goal's priority is a whole number ≥ 0 (lower first), not ${JSON.stringify(raw)}`);
  return Number(raw);
}

function oneOf(option: string, raw: string | undefined, allowed: string[]): string | null {
  if (raw === undefined) return null;
  if (!allowed.includes(raw)) throw usageError(`${option} must be one of ${allowed.join(', ')}`);
  return raw;
}
