// The human views of goal, interface-change and decision lists and documents.
import type { GoalItem, InterfaceChangeRecord, RecordDetail, RecordKind } from '../../api/records.js';
import type { Colors } from '../output.js';

type Item = { id: string | null; title: string | null; status: string | null; status_raw: string | null; repo_slug: string; file: string };

const NONE: Record<RecordKind, string> = { goal: 'no goals', 'interface-change': 'no interface changes', decision: 'no decisions' };

export function recordListLines(kind: RecordKind, items: readonly Item[], color: Colors): string[] {
  if (items.length === 0) return [NONE[kind]];
  const width = Math.max(...items.map((i) => (i.id ?? '(no id)').length));
  return items.map((i) => `${(i.id ?? '(no id)').padEnd(width)}  ${(i.status ?? `?${i.status_raw ?? ''}`).padEnd(10)}  ${extra(kind, i).padEnd(kind === 'decision' ? 0 : 12)}${color.dim(i.repo_slug)}  ${i.title ?? ''}`);
}

export function recordShowLines(kind: RecordKind, record: Item & RecordDetail, color: Colors): string[] {
  const lines = [`${color.bold(record.id ?? '(no id)')}  ${record.title ?? ''}`, `status ${record.status ?? `?${record.status_raw ?? ''}`}${detail(kind, record)}  ${color.dim(`${record.repo_slug}/${record.file}`)}`];
  if (record.description) lines.push('', record.description);
  return lines;
}

function extra(kind: RecordKind, item: Item): string {
  if (kind === 'goal') return `p${(item as GoalItem).priority ?? '-'}`;
  if (kind === 'interface-change') return (item as InterfaceChangeRecord).change_type ?? '';
  return '';
}

function detail(kind: RecordKind, item: Item): string {
  if (kind === 'goal') {
    const goal = item as GoalItem;
    return `, priority ${goal.priority ?? 'none'}${goal.domain ? `, domain ${goal.domain}` : ''}`;
  }
  if (kind === 'interface-change') {
    const change = item as InterfaceChangeRecord;
    return `, ${change.change_type ?? '?'} ${change.interface_type ?? ''} change from ${change.origin_repo}, affects ${change.affected_repos.join(', ') || 'no repo'}`;
  }
  return '';
}
