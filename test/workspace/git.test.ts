import { describe, expect, it } from 'vitest';
import { parseGitConfig } from '../../src/workspace/git-config.js';
import { gitEnvironment } from '../../src/workspace/git.js';
import { describeRunGit } from './run-git-cases.js';

// git started by the native addon where it was built (under CI=true native-spawn.test.ts insists on it).
describeRunGit('runGit', () => import('../../src/workspace/git.js'));

describe('gitEnvironment', () => {
  it('removes repository-locating variables and keeps the rest', () => {
    const env = gitEnvironment({
      PATH: '/bin',
      GIT_DIR: '/x/.git',
      GIT_WORK_TREE: '/x',
      GIT_INDEX_FILE: '/x/.git/index',
      GIT_OBJECT_DIRECTORY: '/x/objects',
      GIT_ALTERNATE_OBJECT_DIRECTORIES: '/y',
      GIT_COMMON_DIR: '/x/.git',
      GIT_PREFIX: 'sub/',
      GIT_NAMESPACE: 'ns',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'core.bare',
      GIT_CONFIG_VALUE_0: 'true',
      GIT_AUTHOR_NAME: 'Someone',
      GIT_SSH_COMMAND: 'ssh -i key',
    });
    expect(env).toEqual({
      PATH: '/bin',
      GIT_AUTHOR_NAME: 'Someone',
      GIT_SSH_COMMAND: 'ssh -i key',
      GIT_TERMINAL_PROMPT: '0',
      GIT_OPTIONAL_LOCKS: '0',
    });
  });
});

describe('parseGitConfig', () => {
  it('reads sections, subsections, quoting, escapes, comments and continuations', () => {
    const text = [
      '[core]',
      '\trepositoryformatversion = 0',
      '\tbare',
      '[remote "origin"] ; a comment',
      '\tURL = "https://example.org/a b.git" # trailing comment',
      '\tfetch = +refs/heads/*:refs/remotes/origin/*',
      '[remote "o\\"dd"]',
      '\turl = first \\',
      'second',
      '[Branch.Main]',
      '\tremote = origin',
      '',
    ].join('\n');
    expect(parseGitConfig(text)).toEqual([
      { section: 'core', subsection: null, name: 'repositoryformatversion', value: '0' },
      { section: 'core', subsection: null, name: 'bare', value: true },
      { section: 'remote', subsection: 'origin', name: 'url', value: 'https://example.org/a b.git' },
      { section: 'remote', subsection: 'origin', name: 'fetch', value: '+refs/heads/*:refs/remotes/origin/*' },
      { section: 'remote', subsection: 'o"dd', name: 'url', value: 'first second' },
      { section: 'branch', subsection: 'main', name: 'remote', value: 'origin' },
    ]);
  });

  it('gives up (null) on text it does not understand, so git is asked', () => {
    expect(parseGitConfig('url = before any section\n')).toBeNull();
    expect(parseGitConfig('[remote "origin"]\n\turl = "unterminated\n')).toBeNull();
  });
});
