// GitHub Actions workflow commands: one annotation per diagnostic on the file and lines it is about.
import { summaryLine, type Formatter } from './types.js';

const LEVELS = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Message text: `%`, CR and LF would end or corrupt the command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also end at `,` and `:`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Formatter = (input) => {
  const lines = input.diagnostics.map((d) => {
    const props = [
      `file=${escapeProperty(input.displayPath(d.repo, d.file))}`,
      `line=${d.line}`,
      `col=${d.column}`,
      `endLine=${d.end_line}`,
      `endColumn=${d.end_column}`,
      `title=${escapeProperty(d.rule_id)}`,
    ];
    return `::${LEVELS[d.severity]} ${props.join(',')}::${escapeData(d.message)}`;
  });
  return { stdout: lines.length > 0 ? `${lines.join('\n')}\n` : '', stderr: `${summaryLine(input)}\n` };
};
