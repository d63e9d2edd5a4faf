// The command table. Only the module of the command being run is imported, so start-up
// stays fast; the descriptions here are what `custodian --help` lists.
//
// A command module (see next.ts) defines its command in a function `define(program: Program)`,
// exports the options type read from that definition (`OptionsOf<ReturnType<typeof define>>`,
// ../program.ts) and `register`, whose action imports ../run/<name>.js. The run module takes
// that options type, calls one src/api function and prints its document (JSON, or a view from
// ../format): so a renamed flag is a compile error where it is read, never a silent `undefined`.
import type { RegisterCommand } from '../context.js';

export interface CommandEntry {
  name: string;
  description: string;
  /** Imports the command's module (a literal import each, so a bundler can split them). */
  load: () => Promise<{ register: RegisterCommand }>;
}

export const COMMANDS: CommandEntry[] = [
  { name: 'init', description: 'create custodian.yaml in a folder and git-ignore the index', load: () => import('./init.js') },
  { name: 'domain', description: 'list, show, add, rename and archive domains', load: () => import('./domain.js') },
  { name: 'repo', description: 'list, show, add, update, archive and find repositories', load: () => import('./repo.js') },
  { name: 'sync', description: 'bring the index up to date with the files', load: () => import('./sync.js') },
  { name: 'parse', description: 'show what the parser makes of files (no index)', load: () => import('./parse.js') },
  { name: 'check', description: 'the consistency gate: run the rules, report, fix', load: () => import('./check.js') },
  { name: 'rules', description: 'list every check rule with its documentation', load: () => import('./rules.js') },
  { name: 'workplan', description: 'list and show workplans', load: () => import('./workplan.js') },
  { name: 'task', description: 'list, show, claim, release, add and edit tasks', load: () => import('./task.js') },
  { name: 'dispatch', description: "what to work on now in a repo", load: () => import('./dispatch.js') },
  { name: 'next', description: 'the first ready task, with everything an agent needs', load: () => import('./next.js') },
  { name: 'new', description: 'create a workplan, task, goal, interface change or decision from its template', load: () => import('./new.js') },
  { name: 'goal', description: 'list and show goals', load: () => import('./goal.js') },
  { name: 'decision', description: 'list and show decisions (ADRs)', load: () => import('./decision.js') },
  { name: 'search', description: 'find documents and tasks by words in their titles and descriptions', load: () => import('./search.js') },
  { name: 'graph', description: 'the task dependency graph as Mermaid or Graphviz dot', load: () => import('./graph.js') },
  { name: 'interface-change', description: 'list, show, publish and resolve interface changes', load: () => import('./interface-change.js') },
  { name: 'doi', description: 'how well each repo is integrated (14 criteria, tiers)', load: () => import('./doi.js') },
  { name: 'export', description: 'write a snapshot of the workspace as JSON (for the hub)', load: () => import('./export.js') },
  { name: 'hub', description: "the federation hub's client: status, list, show, register, update, remove, push, compose", load: () => import('./hub.js') },
  { name: 'mcp', description: 'serve the MCP tools for agents on stdio (next, dispatch, show, list, task_update, check, doi, registry)', load: () => import('./mcp.js') },
  { name: 'serve', description: 'run the federation hub (HTTP): sources, composed view, dispatch across workspaces', load: () => import('./serve.js') },
  { name: 'events', description: 'lifecycle events derived from commits: list, publish to NATS JetStream, backfill', load: () => import('./events.js') },
  { name: 'report', description: 'the dashboard as one self-contained HTML page (--html)', load: () => import('./report.js') },
];
