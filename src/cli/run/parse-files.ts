// Reads the files named on the command line and parses each; a file that cannot be read is a
// `file/unreadable` diagnostic, and the others go on. The single-file check rules (those that
// need no registry and no other file) run too, as DESIGN says `parse` does.
import { stat as stat_, readFile } from 'node:fs/promises';
import { parseFile, unreadableResult } from '../../documents/parse.js';
import type { ParseResult } from '../../documents/model.js';
import { MAX_FILE_BYTES, overSizeCap } from '../../documents/text.js';

export async function parseFiles(files: string[]): Promise<ParseResult[]> {
  const results: ParseResult[] = [];
  for (const file of files) results.push(await parseOne(file));
  return results;
}

async function parseOne(file: string): Promise<ParseResult> {
  const shown = file.split('\\').join('/');
  try {
    const stat = await stat_(file);
    if (!stat.isFile()) return unreadableResult(shown, stat.isDirectory() ? 'is a directory' : 'is not a regular file');
    if (stat.size > MAX_FILE_BYTES) return unreadableResult(shown, overSizeCap(stat.size));
    const bytes = await readFile(file);
    const result = await parseFile(shown, bytes);
    const { singleFileDiagnostics } = await import('../../check/single-file.js');
    return { ...result, diagnostics: await singleFileDiagnostics(result, bytes) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return unreadableResult(shown, code === 'ENOENT' ? 'no such file' : (error as Error).message);
  }
}

