// A file of the report's scope: its bytes parsed once; line index and hash computed only when a
// diagnostic or a fix needs them (most files of a full check have neither).
import type { ParseResult } from '../documents/model.js';
import { parseFile, unreadableResult } from '../documents/parse.js';
import { contentHash, decodeBytes, LineIndex } from '../documents/text.js';
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
    this.digest ??= contentHash(this.bytes);
    return this.digest;
  }
}

/** Parses a file's bytes (or reports why it could not be read) into a scope file. */
export async function loadScopeFile(repo: string, file: string, bytes: Uint8Array | null, problem?: string): Promise<ScopeFile> {
  if (bytes === null) return new LoadedFile(repo, file, '', unreadableResult(file, problem ?? 'cannot be read'), new Uint8Array());
  const decoded = decodeBytes(bytes);
  // The parser reports bytes it cannot decode at the offending byte, as sync and parse do.
  if (!decoded.ok) return new LoadedFile(repo, file, '', await parseFile(file, bytes), bytes);
  return new LoadedFile(repo, file, decoded.text, await parseFile(file, decoded.text), bytes);
}

/** A scope file for a text in memory (a fix pass's output). */
export async function scopeFileFromText(repo: string, file: string, text: string): Promise<ScopeFile> {
  return new LoadedFile(repo, file, text, await parseFile(file, text), Buffer.from(text, 'utf8'));
}
