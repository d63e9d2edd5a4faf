// Dependency cycles: strongly connected components (Tarjan, iterative so a long chain cannot
// overflow the stack) over the tasks reachable from the scope, then for each member in scope
// the shortest cycle through it, which is what its message shows.
import { resolveDependency } from './dependencies.js';
import type { TaskEntry, WorkspaceView } from './view.js';

export interface CycleThrough {
  member: TaskEntry;
  /** member → … → member (first and last are the member). */
  path: TaskEntry[];
  /** Which of the member's dependencies starts the cycle. */
  dependencyIndex: number;
}

type Edges = (task: TaskEntry) => { target: TaskEntry; index: number }[];

export function findCycles(view: WorkspaceView, scope: readonly TaskEntry[]): CycleThrough[] {
  const edgeCache = new Map<TaskEntry, { target: TaskEntry; index: number }[]>();
  const edges: Edges = (task) => {
    let list = edgeCache.get(task);
    if (!list) {
      list = [];
      task.depends_on.forEach((dependency, index) => {
        for (const target of resolveDependency(view, task, dependency)) list!.push({ target, index });
      });
      edgeCache.set(task, list);
    }
    return list;
  };
  const cycles: CycleThrough[] = [];
  for (const component of components(scope, edges)) {
    const members = new Set(component);
    for (const member of component) {
      if (!member.scope) continue;
      const found = shortestCycle(member, members, edges);
      if (found) cycles.push({ member, ...found });
    }
  }
  return cycles;
}

/** Components that hold a cycle: more than one task, or one task depending on itself. */
function components(scope: readonly TaskEntry[], edges: Edges): TaskEntry[][] {
  const index = new Map<TaskEntry, number>();
  const low = new Map<TaskEntry, number>();
  const onStack = new Set<TaskEntry>();
  const stack: TaskEntry[] = [];
  const found: TaskEntry[][] = [];
  let counter = 0;
  for (const root of scope) {
    if (index.has(root)) continue;
    const work: { node: TaskEntry; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const out = edges(frame.node);
      if (frame.next < out.length) {
        const { target } = out[frame.next++];
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: TaskEntry[] = [];
        let member: TaskEntry;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1 || edges(frame.node).some((e) => e.target === frame.node)) found.push(component.reverse());
      }
    }
  }
  return found;
}

/** Breadth-first from the member's dependencies back to the member, inside its component. */
function shortestCycle(member: TaskEntry, within: Set<TaskEntry>, edges: Edges): { path: TaskEntry[]; dependencyIndex: number } | null {
  const parent = new Map<TaskEntry, TaskEntry | null>();
  const firstIndex = new Map<TaskEntry, number>();
  const queue: TaskEntry[] = [];
  for (const { target, index } of edges(member)) {
    if (target === member) return { path: [member, member], dependencyIndex: index };
    if (!within.has(target) || parent.has(target)) continue;
    parent.set(target, null);
    firstIndex.set(target, index);
    queue.push(target);
  }
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const { target } of edges(node)) {
      if (target === member) {
        const back: TaskEntry[] = [];
        for (let at: TaskEntry | null = node; at !== null; at = parent.get(at) ?? null) back.push(at);
        return { path: [member, ...back.reverse(), member], dependencyIndex: firstIndex.get(node)! };
      }
      if (!within.has(target) || parent.has(target)) continue;
      parent.set(target, node);
      firstIndex.set(target, firstIndex.get(node)!);
      queue.push(target);
    }
  }
  return null;
}
