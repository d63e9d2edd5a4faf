// The dependency graph as data: tasks as nodes (ready, done, cancelled or pending), an edge from
// each dependency to its dependent, dependencies that name no task (or a duplicated id) as nodes
// of their own, and tasks of other repos a repo's tasks depend on as external nodes. Node ids are
// sanitised once here so every renderer gets the same valid, unique identifiers.
import { compareCodePoints } from './order.js';
import { assessTask, resolveDependency } from './readiness.js';
import type { QueueTask } from './types.js';
import { resolveWorkstream, type WorkplanCatalog } from './workstreams.js';

export type NodeState = 'ready' | 'pending' | 'done' | 'cancelled' | 'unknown' | 'ambiguous';

export interface GraphNode {
  /** A valid identifier in Mermaid and dot (letters, digits, underscores; never a keyword). */
  node_id: string;
  /** The task id (or the dependency as resolved, for an unknown or ambiguous one). */
  id: string | null;
  title: string;
  /** Repo of the task; null for an unknown or ambiguous dependency. */
  repo: string | null;
  state: NodeState;
  /** A task outside the graph's repo that one of its tasks depends on. */
  external: boolean;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** The edge comes from an unknown or ambiguous dependency. */
  dashed: boolean;
}

export interface DependencyGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Which tasks to draw: a repo's (by slug), every task (null), or those a predicate picks. */
export type GraphScope = string | null | ((task: QueueTask) => boolean);

/**
 * `tasks`: every task of the workspace (dependencies are global); `scope`: draw only these tasks
 * (plus what they depend on, as external nodes).
 */
export function buildGraph(tasks: readonly QueueTask[], catalog: WorkplanCatalog, scope: GraphScope): DependencyGraph {
  const byId = new Map<string, QueueTask[]>();
  for (const task of tasks) {
    if (task.id === null) continue;
    const same = byId.get(task.id);
    if (same) same.push(task);
    else byId.set(task.id, [task]);
  }
  const lookup = (id: string) => byId.get(id) ?? [];
  const ids = new NodeIds();
  const nodes: GraphNode[] = [];
  const taskNodes = new Map<QueueTask, GraphNode>();
  const addTask = (task: QueueTask, external: boolean) => {
    let node = taskNodes.get(task);
    if (node) return node;
    const state = taskState(task, assessTask(task, resolveWorkstream(task, catalog), lookup).ready);
    node = { node_id: ids.take('t', task.id ?? `${task.repo}_${task.file}_${task.ordinal}`), id: task.id, title: task.title, repo: task.repo, state, external };
    taskNodes.set(task, node);
    nodes.push(node);
    return node;
  };
  const picks = typeof scope === 'function' ? scope : (t: QueueTask) => scope === null || t.repo === scope;
  const inScope = tasks.filter(picks).sort(byPlace);
  const selected = new Set(inScope);
  for (const task of inScope) addTask(task, false);
  const edges: GraphEdge[] = [];
  const loose = new Map<string, GraphNode>();
  for (const task of inScope) {
    const to = taskNodes.get(task)!.node_id;
    const seen = new Set<string>();
    for (const dependency of task.depends_on) {
      const { id, targets } = resolveDependency(dependency, task, lookup);
      if (seen.has(id)) continue;
      seen.add(id);
      if (targets.length === 1) {
        edges.push({ from: addTask(targets[0], !selected.has(targets[0])).node_id, to, dashed: false });
        continue;
      }
      const state: NodeState = targets.length === 0 ? 'unknown' : 'ambiguous';
      const key = `${state}:${id}`;
      let node = loose.get(key);
      if (!node) {
        node = { node_id: ids.take(state === 'unknown' ? 'u' : 'a', id), id, title: state === 'unknown' ? '(no such task)' : `(declared ${targets.length} times)`, repo: null, state, external: false };
        loose.set(key, node);
        nodes.push(node);
      }
      edges.push({ from: node.node_id, to, dashed: true });
    }
  }
  return { nodes, edges };
}

function taskState(task: QueueTask, ready: boolean): NodeState {
  if (ready) return 'ready';
  if (task.status === 'done') return 'done';
  if (task.status === 'cancelled') return 'cancelled';
  return 'pending';
}

function byPlace(a: QueueTask, b: QueueTask): number {
  return compareCodePoints(a.repo, b.repo) || compareCodePoints(a.file, b.file) || a.ordinal - b.ordinal;
}

/** Unique identifiers from arbitrary ids: `LEDG-WP-0001-T01` → `t_LEDG_WP_0001_T01`, a clash gets `_2`. */
export class NodeIds {
  private readonly used = new Set<string>();

  take(prefix: string, raw: string): string {
    const base = `${prefix}_${sanitise(raw)}`;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}_${n}`;
    this.used.add(id);
    return id;
  }
}

export function sanitise(raw: string): string {
  return raw.replace(/[^A-Za-z0-9_]/g, '_');
}
