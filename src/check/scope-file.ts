// A file of the report's scope: its bytes parsed once; line index and hash computed only when a
// diagnostic or a fix needs them (most files of a full check have neither).
import { createHash } from 'node:crypto';
import type { ParseResult } from '../documents/model.js';
import { parseFile } from '../documents/parse.js';
import { decodeBytes, LineIndex } from '../documents/text.js';
import type { ScopeFile } from './types.js';

class LoadedFile implements ScopeFile {
  private lineIndex: LineIndex | null = null;
  private digest: string | null = null;

  constructor(
    readonly repo: string,
    readonly file: string,
    readonly text: string,
    readonly result: ParseResult,
    private readonly bytes: Uint8Array,
  ) {}

  get lines(): LineIndex {
    this.lineIndex ??= new LineIndex(this.text);
    return this.lineIndex;
  }

  get hash(): string {
    this.digest ??= createHash('sha256').update(this.bytes).digest('hex');
    return this.digest;
  }
}

/** Parses a file's bytes (or reports why it could not be read) into a scope file. */
export async function loadScopeFile(repo: string, file: string, bytes: Uint8Array | null, problem?: string): Promise<ScopeFile> {
  if (bytes === null) return new LoadedFile(repo, file, '', unreadable(file, problem ?? 'cannot be read'), new Uint8Array());
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return new LoadedFile(repo, file, '', unreadable(file, decoded.reason), bytes);
  return new LoadedFile(repo, file, decoded.text, await parseFile(file, decoded.text), bytes);
}

/** A scope file for a text in memory (a fix pass's output). */
export async function scopeFileFromText(repo: string, file: string, text: string): Promise<ScopeFile> {
  return new LoadedFile(repo, file, text, await parseFile(file, text), Buffer.from(text, 'utf8'));
}

export function unreadable(file: string, reason: string): ParseResult {
  return {
    file,
    documents: [],
    used_fallback: false,
    diagnostics: [{ rule_id: 'file/unreadable', severity: 'error', message: `Unreadable file: ${reason}`, file, line: 1, column: 1, end_line: 1, end_column: 1 }],
  };
}
