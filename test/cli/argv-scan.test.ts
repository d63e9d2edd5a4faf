// main.ts reads the command line before commander does: the command (only its module loads) and,
// for the early stat walk, whether the command syncs the whole workspace and which one.
import { describe, expect, it } from 'vitest';
import { earlyWalkWanted, scanArgv } from '../../src/cli/argv-scan.js';

describe('the command line before commander parses it', () => {
  it('finds the command after global options and their values, in every spelling', () => {
    expect(scanArgv(['-w', 'next', 'dispatch', '--json'])).toEqual({ positionals: ['dispatch'], flags: ['-w', '--json'], workspace: 'next' });
    expect(scanArgv(['--workspace=ws', '--index', 'i.sqlite', 'task', 'list'])).toEqual({ positionals: ['task', 'list'], flags: ['--workspace', '--index'], workspace: 'ws', index: 'i.sqlite' });
    expect(scanArgv(['--index=x', '--no-color', 'doi'])).toMatchObject({ positionals: ['doi'], index: 'x' });
    // After the command an option is the command's own: its value is not taken for the workspace.
    expect(scanArgv(['task', 'list', '-w', 'x'])).toEqual({ positionals: ['task', 'list', 'x'], flags: ['-w'] });
    expect(scanArgv(['search', '--', '-w'])).toEqual({ positionals: ['search', '-w'], flags: [] });
    expect(scanArgv([])).toEqual({ positionals: [], flags: [] });
  });

  it('starts the early walk for whole-workspace reads', () => {
    const wanted = (args: string[]) => earlyWalkWanted(scanArgv(args));
    for (const args of [['next'], ['-w', 'ws', 'dispatch', 'repo'], ['doi', '--json'], ['task', 'list'], ['workplan', 'show', 'WP-1'], ['sync'], ['search', 'x'], ['--index', 'i', 'next'], ['task', 'list', '--repo', 'a', '--ready']]) expect(wanted(args), args.join(' ')).toBe(true);
    for (const args of [[], ['task', 'claim', 'T-1'], ['check', '--staged'], ['check'], ['sync', '--full'], ['sync', '--watch'], ['next', '--no-sync'], ['next', '--help'], ['init'], ['task', 'list', '--repo', 'a'], ['task', 'list', '--domain=core']]) expect(wanted(args), args.join(' ')).toBe(false);
  });
});
