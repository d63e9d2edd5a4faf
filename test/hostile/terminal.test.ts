// Point 2 of issue 10: text from files reaches a terminal only with its control characters made
// visible (no OSC title change, screen clear or hyperlink), and no line of human output can be
// a GitHub workflow command; JSON keeps the exact text.
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCliAsync, runCliJsonAsync } from '../helpers/git-repo.js';
import { tempWorkspace } from '../index/workspace-helper.js';

afterAll(removeTempDirs);

const ESC = '\u001b';
const EVIL_TITLE = `Fix ${ESC}]0;pwned${'\u0007'}${ESC}[2J${ESC}]8;;https://evil.example${ESC}\\link${ESC}]8;;${ESC}\\\n::error file=x.md,line=1::forged`;
// YAML double-quoted escapes: \e is ESC, \a BEL, \n a newline.
const yamlTitle = JSON.stringify(EVIL_TITLE).replace(/\\u001b/g, '\\e').replace(/\\u0007/g, '\\a');

const plan = [
  '---',
  'id: EVIL-1',
  `title: ${yamlTitle}`,
  'domain: core',
  'status: active',
  '---',
  '',
  `## Heading with a raw ${ESC}[31mred${ESC}[0m escape`,
  '',
  '```task',
  'id: EVIL-1-T1',
  `title: ${yamlTitle}`,
  'status: todo',
  'depends_on: [EVIL-1-T9]',
  '```',
  '',
  'Description line.',
  '::warning file=y.md::also forged, at the start of a line of the description',
  `An ${ESC}]0;title${'\u0007'} change in the description.`,
  '',
  '```task',
  'id: EVIL-1-T2',
  'status: todo',
  '```',
  '',
].join('\n');

/** Nothing a terminal would act on: no C0/C1 control but newline, and no line that is a workflow command. */
function assertInert(output: string, what: string): void {
  expect(output, what).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  for (const line of output.split('\n')) expect(line.trimStart(), `${what}: ${line}`).not.toMatch(/^::/);
}

describe('human views render control characters visibly', () => {
  const ws = tempWorkspace({ evil: { [`workplans/EVIL-1-${ESC}[2J.md`]: plan, 'workplans/DUP.md': plan.replace(/EVIL-1/g, 'EVIL-2') } });

  it.each([
    ['task list'],
    ['task show EVIL-1-T1'],
    ['workplan list'],
    ['workplan show EVIL-1'],
    ['dispatch evil'],
    ['next'],
    ['graph'],
    ['graph --format dot'],
    ['check'],
    ['sync'],
    ['task status EVIL-1-T2 in_progress'],
  ])('%s', async (command) => {
    const result = await runCliAsync(['-w', ws.root, ...command.split(' ')], { env: { NO_COLOR: '1' } });
    expect(result.code, result.stderr).toBeLessThan(2);
    expect(result.stdout.length + result.stderr.length).toBeGreaterThan(0);
    assertInert(result.stdout, `${command} stdout`);
    assertInert(result.stderr, `${command} stderr`);
  });

  it('shows the escape as a visible symbol, and JSON keeps the exact text', async () => {
    const shown = await runCliAsync(['-w', ws.root, 'task', 'show', 'EVIL-1-T1'], { env: { NO_COLOR: '1' } });
    expect(shown.stdout).toContain('Fix ␛]0;pwned␇␛[2J');
    expect(shown.stdout).toContain('␊::error file=x.md');
    const json = await runCliJsonAsync(['-w', ws.root, 'task', 'show', 'EVIL-1-T1', '--json']);
    expect(json.json.task.title).toBe(EVIL_TITLE);
    expect(json.json.task.description).toContain('\n::warning file=y.md::');
    const listed = await runCliJsonAsync(['-w', ws.root, 'task', 'list', '--json']);
    expect(listed.json.items.map((t: any) => t.file)).toContain(`workplans/EVIL-1-${ESC}[2J.md`);
  });

  it('an error message naming a file with an escape in its name is inert too', async () => {
    const result = await runCliAsync(['-w', ws.root, 'task', 'status', `NOPE-${ESC}]0;x${'\u0007'}\n::error::x`, 'done']);
    expect(result.code).toBe(1);
    assertInert(result.stderr, 'stderr');
  });
});
