// The command table. Only the module of the command being run is imported, so start-up
// stays fast; the descriptions here are what `custodian --help` lists.
export interface CommandEntry {
  name: string;
  description: string;
  /** Module under src/cli/commands/ exporting `register(program, ctx)`. */
  module: string;
}

export const COMMANDS: CommandEntry[] = [
  { name: 'init', description: 'create custodian.yaml in a folder and git-ignore the index', module: 'init' },
  { name: 'domain', description: 'list, show, add, rename and archive domains', module: 'domain' },
  { name: 'repo', description: 'list, show, add, update, archive and find repositories', module: 'repo' },
  { name: 'sync', description: 'bring the index up to date with the files', module: 'sync' },
  { name: 'parse', description: 'show what the parser makes of files (no index)', module: 'parse' },
  { name: 'check', description: 'the consistency gate: run the rules, report, fix', module: 'check' },
  { name: 'rules', description: 'list every check rule with its documentation', module: 'rules' },
  { name: 'workplan', description: 'list and show workplans', module: 'workplan' },
  { name: 'task', description: 'list, show and set the status of tasks', module: 'task' },
  { name: 'dispatch', description: "what to work on now in a repo", module: 'dispatch' },
  { name: 'next', description: 'the first ready task, with everything an agent needs', module: 'next' },
  { name: 'graph', description: 'the task dependency graph as Mermaid or Graphviz dot', module: 'graph' },
  { name: 'interface-change', description: 'publish and resolve interface changes', module: 'interface-change' },
  { name: 'doi', description: 'how well each repo is integrated (14 criteria, tiers)', module: 'doi' },
];
