// The hub client's human views: status, the source table, one source, a compose report.
import type { Colors } from '../output.js';

interface Source {
  name: string;
  mode: string;
  url: string | null;
  domain: string | null;
  enabled: boolean;
  required: boolean;
  cache_ttl_seconds: number;
  description: string | null;
  status: string;
  included: boolean;
  last_error: string | null;
  received_at: string | null;
  fetched_at: string | null;
  updated_at: string;
  updated_by: string | null;
  snapshot_bytes: number | null;
}

export function statusLines(base: string, health: { status: string; version: string; store: string }, sources: { complete: boolean; items: Source[] }, color: Colors): string[] {
  const failing = sources.items.filter((s) => s.enabled && !s.included);
  return [
    `${base}: ${health.status === 'ok' ? color.green('ok') : color.red(health.status)} (custodian ${health.version}, ${health.store} store)`,
    `${sources.items.length} source${sources.items.length === 1 ? '' : 's'}; the view is ${sources.complete ? 'complete' : color.red('incomplete: a required source is missing')}`,
    ...failing.map((s) => `  ${color.yellow(s.name)}${s.required ? ' (required)' : ''}: ${s.last_error ?? (s.status === 'pending' ? 'no snapshot yet' : s.status)}`),
  ];
}

export function sourceLines(doc: { complete: boolean; items: Source[] }, color: Colors): string[] {
  if (doc.items.length === 0) return ['no sources (register one: custodian hub register NAME [--url URL])'];
  const width = Math.max(...doc.items.map((s) => s.name.length));
  const lines = doc.items.map((s) => {
    const state = !s.enabled ? color.dim('disabled') : s.included ? color.green('in view ') : color.red('left out');
    const where = s.url ?? 'push';
    return `${s.name.padEnd(width)}  ${state}  ${s.required ? 'required' : 'optional'}  ${where}${s.last_error ? `  ${color.red(s.last_error)}` : ''}`;
  });
  if (!doc.complete) lines.push('', color.red('the view is incomplete: a required source is missing'));
  return lines;
}

export function sourceDetailLines(s: Source): string[] {
  return [
    `${s.name}: ${s.mode === 'url' ? `fetched from ${s.url} (every ${s.cache_ttl_seconds} s)` : 'pushed'}`,
    `  ${s.enabled ? 'enabled' : 'disabled'}, ${s.required ? 'required' : 'optional'}${s.domain ? `, domain ${s.domain}` : ''}${s.description ? ` — ${s.description}` : ''}`,
    `  ${s.included ? 'in the view' : 'left out of the view'}; status ${s.status}${s.received_at ? `, snapshot received ${s.received_at} (${s.snapshot_bytes} bytes)` : ''}`,
    ...(s.last_error ? [`  last error: ${s.last_error}`] : []),
    `  changed ${s.updated_at}${s.updated_by ? ` by ${s.updated_by}` : ''}`,
  ];
}

export function composeLines(doc: { complete: boolean; items: { name: string; outcome: string; last_error: string | null }[] }, color: Colors): string[] {
  const lines = doc.items.map((i) => `${i.name}: ${i.outcome === 'failed' ? color.red(`failed: ${i.last_error}`) : i.outcome}`);
  lines.push(doc.complete ? 'the view is complete' : color.red('the view is incomplete: a required source is missing'));
  return lines.length === 1 ? ['no sources', lines[0]] : lines;
}
