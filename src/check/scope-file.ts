// A file of the report's scope: its bytes parsed once; line index and hash computed only when a
// diagnostic or a fix needs them (most files of a full check have neither).
import type { ParseResult } from '../documents/model.js';
import { parseFile, unreadableResult } from '../documents/parse.js';
import { contentHash, decodeBytes, LineIndex } from '../documents/text.js';
import type { ReadOutcome } from './sources.js';
import type { ScopeFile } from './types.js';

class LoadedFile implements ScopeFile {
  private lineIndex: LineIndex | null = null;

  constructor(
    readonly repo: string,
    readonly file: string,
    readonly text: string,
    readonly result: ParseResult,
    private digest: string | (() => string),
  ) {}

  get lines(): LineIndex {
    this.lineIndex ??= new LineIndex(this.text);
    return this.lineIndex;
  }

  get hash(): string {
    if (typeof this.digest !== 'string') this.digest = this.digest();
    return this.digest;
  }
}

/** Parses a file as read (its bytes, or its text and hash) or reports why it could not be read, as a scope file. */
export async function loadScopeFile(repo: string, file: string, read: ReadOutcome): Promise<ScopeFile> {
  if (read.text !== undefined) return new LoadedFile(repo, file, read.text, await parseFile(file, read.text), read.hash);
  const { bytes } = read;
  if (bytes === null) return new LoadedFile(repo, file, '', unreadableResult(file, read.problem), () => contentHash(new Uint8Array()));
  const hashOf = () => contentHash(bytes);
  const decoded = decodeBytes(bytes);
  // The parser reports bytes it cannot decode at the offending byte, as sync and parse do.
  if (!decoded.ok) return new LoadedFile(repo, file, '', await parseFile(file, bytes), hashOf);
  return new LoadedFile(repo, file, decoded.text, await parseFile(file, decoded.text), hashOf);
}

/** A scope file for a text in memory (a fix pass's output). */
export async function scopeFileFromText(repo: string, file: string, text: string): Promise<ScopeFile> {
  return new LoadedFile(repo, file, text, await parseFile(file, text), () => contentHash(Buffer.from(text, 'utf8')));
}
